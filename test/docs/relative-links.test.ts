import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** Markdown links and images whose target is a path in this repository (not a URL, not an anchor). */
function relativeLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] ?? '');
  return targets.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorsOf(markdown: string): Set<string> {
  const headings = [...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => m[1] ?? '');
  return new Set(
    headings.map((h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

describe('the README', () => {
  it('links the design document', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('](docs/design.md');
  });
});

describe.each(['README.md', 'docs/design.md'])('the relative links of %s', (document) => {
  const text = readFileSync(join(root, document), 'utf8');

  it('all resolve to a file or folder in the repository', () => {
    const missing = relativeLinks(text).filter(
      (target) => !existsSync(join(root, dirname(document), target.split('#')[0] ?? '')),
    );
    expect(missing).toEqual([]);
  });

  it('point at headings that exist when they name one', () => {
    const broken = relativeLinks(text)
      .filter((target) => target.includes('#'))
      .filter((target) => {
        const [path = '', anchor = ''] = target.split('#');
        const file = join(root, dirname(document), path);
        return !path.endsWith('.md') || !anchorsOf(readFileSync(file, 'utf8')).has(anchor);
      });
    expect(broken).toEqual([]);
  });

  it('name no document that is not in the repository', () => {
    expect(text).not.toMatch(/\bDESIGN\.md\b/);
  });
});
