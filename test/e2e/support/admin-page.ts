import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { phone, watchForViolations } from './browser.js';
import type { DemoInChromium } from './lifecycle.js';
import { openKeyForm } from './sign-in.js';

/** A laptop's screen, where an admin shows an invitation's QR code to a volunteer's phone. */
export const LAPTOP = { width: 1280, height: 900 };
/** The smallest phone a coordinator is likely to hold. */
export const SMALL_PHONE = { width: 360, height: 740 };

/**
 * Opens /admin pages in fresh contexts (a laptop, or a 360x740 phone), each watched: after every
 * test nothing left the machine, the Content-Security-Policy blocked nothing and no script threw.
 */
export function adminPages(suite: DemoInChromium) {
  const contexts: BrowserContext[] = [];
  let watched: Array<{ violations: ReturnType<typeof watchForViolations>; errors: string[] }> = [];

  afterEach(async () => {
    for (const { violations, errors } of watched) {
      expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
      expect(errors).toEqual([]);
    }
    watched = [];
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  return async function open(viewport: { width: number; height: number }) {
    const context =
      viewport === SMALL_PHONE
        ? await phone(suite.browser, suite.demo.baseUrl, { viewport })
        : await suite.browser.newContext({
            baseURL: suite.demo.baseUrl,
            viewport,
            locale: 'en-GB',
            timezoneId: 'Asia/Phnom_Penh',
            serviceWorkers: 'block',
          });
    contexts.push(context);
    const errors: string[] = [];
    watched.push({ violations: watchForViolations(context, suite.demo.baseUrl), errors });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    return page;
  };
}

/** Signs in with `key`, in Khmer when asked (the choice is kept on the device, as a person's is). */
export async function signIn(page: Page, key: string, lang: 'en' | 'km' = 'en') {
  await page.goto('/admin');
  if (lang === 'km') {
    await page.evaluate(`localStorage.setItem('supplyline.lang', 'km')`);
    await page.reload();
  }
  await openKeyForm(page);
  await page.locator('#signin-key').fill(key);
  await page.locator('#signin-form button[type=submit]').click();
  await page.locator('#view-admin').waitFor();
}

/** Opens a section from the page's menu. */
export async function openSection(page: Page, name: string | RegExp) {
  await page
    .getByRole('navigation')
    .getByRole('link', { name, exact: typeof name === 'string' })
    .click();
}

/** Whether the keyboard's focus is on this element. */
export async function focused(locator: Locator) {
  return locator.evaluate(
    (element: { ownerDocument: { activeElement: unknown } }) =>
      element === element.ownerDocument.activeElement,
  );
}

/** What has the keyboard's focus, as a person reads it. */
export async function focusedText(page: Page) {
  return String(await page.evaluate(`(document.activeElement?.textContent ?? '').trim()`));
}

/** Presses Tab until `target` has the focus (at most `limit` times); fails if it never does. */
export async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let presses = 0; presses < limit && !(await focused(target)); presses++) {
    await page.keyboard.press('Tab');
  }
  expect(await focused(target)).toBe(true);
}

/** A person's record in the People section, found by their display name. */
export function personRecord(page: Page, name: string) {
  return page
    .locator('#people')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name, exact: true, level: 4 }) });
}
