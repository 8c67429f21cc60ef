import type { Page } from 'playwright-core';
import { openKeyForm } from './sign-in.js';

/** Signs in to /desk through the shared sign-in form, as a lead does, and waits for the desk. */
export async function signInToDesk(page: Page, key: string, path = '/desk'): Promise<void> {
  await page.goto(path);
  await openKeyForm(page);
  await page.locator('#signin-key').fill(key);
  await page.locator('#signin-key').press('Enter');
  await page.locator('#view-desk').waitFor({ state: 'visible' });
}

/** The id of the element that has the keyboard's focus (run in the page). */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate('document.activeElement?.id ?? ""') as Promise<string>;
}

/** The text of the element that has the keyboard's focus. */
export function focusedText(page: Page): Promise<string> {
  return page.evaluate('document.activeElement?.textContent?.trim() ?? ""') as Promise<string>;
}

/** Presses Tab until `matches` says the focused element is the one wanted (at most `limit` times). */
export async function tabTo(page: Page, matches: () => Promise<boolean>, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await matches()) return;
    await page.keyboard.press('Tab');
  }
  if (!(await matches())) throw new Error(`Tab did not reach the element in ${limit} presses`);
}
