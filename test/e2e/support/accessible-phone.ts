import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect } from 'vitest';
import { expectNoSeriousA11yViolations } from './axe.js';
import { phone, watchForViolations } from './browser.js';
import { type DemoInChromium, demoInChromium } from './lifecycle.js';

/** The smallest phone a volunteer or a lead is likely to hold. */
export const SMALL_PHONE = { width: 360, height: 740 };

export type Language = 'en' | 'km';

/** What each language's toggle says: the other language, in its own script. */
const toggleName: Record<Language, string> = { en: 'ខ្មែរ', km: 'English' };

export interface AccessiblePhone extends DemoInChromium {
  context: BrowserContext;
  page: Page;
  /**
   * axe-core on what is on screen now (no serious or critical violation), and a screenshot
   * `test-artifacts/a11y-<page>-<state>-<lang>.png` to look at.
   */
  check(state: string): Promise<void>;
}

/**
 * A fresh 360x740 phone per test, in `language`: the page is switched with its own toggle the
 * first time it loads (the choice is remembered, as it is for a person). Nothing leaves the
 * machine and the Content-Security-Policy blocks nothing, as in every page test.
 */
export function accessiblePhonePerTest(pageName: string, language: Language): AccessiblePhone {
  const suite = demoInChromium();
  const under = {
    get demo() {
      return suite.demo;
    },
    get browser() {
      return suite.browser;
    },
  } as AccessiblePhone;
  let violations: ReturnType<typeof watchForViolations>;
  beforeEach(async () => {
    under.context = await phone(suite.browser, suite.demo.baseUrl, { viewport: SMALL_PHONE });
    violations = watchForViolations(under.context, suite.demo.baseUrl);
    under.page = await under.context.newPage();
    under.check = async (state) => {
      const label = `/${pageName} ${state} (${language})`;
      await under.page.screenshot({
        path: `test-artifacts/a11y-${pageName}-${state.replace(/[^a-z0-9]+/gi, '-')}-${language}.png`,
        fullPage: true,
      });
      expect(await under.page.locator('html').getAttribute('lang'), label).toBe(language);
      await expectNoSeriousA11yViolations(under.page, label);
    };
  });
  afterEach(async () => {
    expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
    await under.context.close();
  });
  return under;
}

/** Opens `path` and, for Khmer, presses the language toggle as a person would. */
export async function openIn(page: Page, path: string, language: Language): Promise<void> {
  await page.goto(path);
  const toggle = page.getByRole('button', { name: toggleName.en, exact: true });
  await toggle.waitFor();
  if (language === 'km') {
    await toggle.click();
    await page.getByRole('button', { name: toggleName.km, exact: true }).waitFor();
  }
}
