import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** What a person relying on a screen reader, a keyboard or good contrast would be stopped by. */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * The rules axe runs: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices
 * (landmarks, one main, headings). Its "experimental" rules are left out.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** One violation as a reader of a failed test needs it: rule, impact, what to fix, where. */
export function describeViolation(violation: Result): string {
  const where = violation.nodes.slice(0, 5).map((node) => {
    const target = node.target.map((part) => (Array.isArray(part) ? part.join(' >> ') : part)).join(' ');
    const why = node.failureSummary?.split('\n').slice(1).join('; ').trim();
    return `    - ${target}${why ? `: ${why}` : ''}`;
  });
  const more = violation.nodes.length > 5 ? [`    - ... and ${violation.nodes.length - 5} more`] : [];
  return [`  ${violation.id} (${violation.impact}): ${violation.help}`, ...where, ...more].join('\n');
}

/**
 * Runs axe-core on the page as it is now and fails, with a readable list, when it finds a
 * serious or critical violation. `state` names what is on screen ("/scan sign-in, km") for the
 * message. Moderate and minor findings are returned for a test that wants them, never thrown.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  state: string,
  options: { exclude?: string[] } = {},
): Promise<Result[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const blocking = results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
  if (blocking.length > 0) {
    throw new Error(
      `axe-core found ${blocking.length} serious or critical violation(s) on ${state}:\n${blocking
        .map(describeViolation)
        .join('\n')}`,
    );
  }
  return results.violations;
}
