import type { Page } from 'playwright-core';

/**
 * Opens the sign-in's "Use an API key" disclosure, as a partner's staff member does: the key field
 * lies under it (the invitation is everyone else's way in). Left open when it already is (a key
 * was refused, or the offline start-up put the kept key back in the field).
 */
export async function openKeyForm(page: Page): Promise<void> {
  const summary = page.locator('#signin-with-key > summary');
  await summary.waitFor({ state: 'visible' });
  const open = await page.locator('#signin-with-key').getAttribute('open');
  if (open === null) await summary.click();
  await page.locator('#signin-key').waitFor({ state: 'visible' });
}
