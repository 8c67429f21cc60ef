import { describe, expect, it } from 'vitest';
import { accessiblePhonePerTest, type Language, openIn } from './support/accessible-phone.js';
import { signInToDesk } from './support/desk-page.js';
import { scrollWidth } from './support/khmer.js';
import { phonePerTest } from './support/lifecycle.js';
import { openKeyForm } from './support/sign-in.js';

/** The desk's shell: sign-in, the shelter, the sections' navigation and the address. */
describe('/desk: the logistics lead’s working page, its shell', () => {
  const phone = phonePerTest();

  it('signs in a logistics key through the shared form, refusing a volunteer’s, and keeps it for /dashboard too', async () => {
    const { demo, page } = phone;
    await page.goto('/desk');
    await openKeyForm(page);
    await page.getByLabel('Logistics or admin key').fill(demo.keys.volunteer);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This page needs a logistics or admin key.').waitFor();

    await page.getByLabel('Logistics or admin key').fill(demo.keys.logistics);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'Conflicts', level: 2 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Logistics desk', level: 1 }).isVisible()).toBe(true);
    // The stock board is the same lead's page, and names the desk back: no second sign-in.
    await page.getByRole('link', { name: 'Stock board' }).click();
    await page.waitForURL('**/dashboard');
    await page.locator('#view-board').waitFor({ state: 'visible' });
    await page.getByRole('link', { name: 'Logistics desk' }).click();
    await page.waitForURL('**/desk');
    await page.getByRole('heading', { name: 'Conflicts', level: 2 }).waitFor();
  });

  it('remembers the chosen shelter on the device, and shows what the address names', async () => {
    const { demo, page } = phone;
    await signInToDesk(page, demo.keys.logistics);
    const shelter = page.getByLabel('Shelter', { exact: true });
    expect(await shelter.locator('option').allTextContents()).toEqual([
      'Chbar Ampov Transit Shelter',
      'Phnom Penh Central Shelter',
      'Ta Khmau Safe House',
    ]);

    await shelter.selectOption({ label: 'Ta Khmau Safe House' });
    await page.getByText('No open conflicts at Ta Khmau Safe House.').waitFor();
    await page.goto('/desk#conflicts');
    await page.reload();

    await page.getByText('No open conflicts at Ta Khmau Safe House.').waitFor();
    expect(await page.getByLabel('Shelter', { exact: true }).inputValue()).toBe('ta-khmau');
    const link = page.getByRole('navigation').getByRole('link', { name: 'Conflicts' });
    expect(await link.getAttribute('aria-current')).toBe('page');
    // An address naming no section shows the first; the sections' list says which is on screen.
    await page.goto('/desk#nothing-here');
    await page.getByRole('heading', { name: 'Conflicts', level: 2 }).waitFor();
  });

  it('names the one shelter of a key that has one, and signs out for good', async () => {
    const { demo, page } = phone;
    const lead = await demo.t.createKey('logistics', 'pp-relief', { shelterIds: ['ta-khmau'] });
    await signInToDesk(page, lead);

    const shelter = page.getByLabel('Shelter', { exact: true });
    expect(await shelter.locator('option').allTextContents()).toEqual(['Ta Khmau Safe House']);
    expect(await shelter.isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.reload();
    await openKeyForm(page);
    expect(await page.locator('#view-desk').isVisible()).toBe(false);
  });

  it('signs an admin key in, at every shelter; a coordinator’s key is refused', async () => {
    const { demo, page } = phone;
    await signInToDesk(page, demo.keys.admin);
    expect(await page.locator('#who').textContent()).toBe('Admin');
    expect(await page.getByLabel('Shelter', { exact: true }).locator('option').count()).toBe(3);
    await page.getByRole('button', { name: 'Sign out' }).click();

    await openKeyForm(page);
    await page.getByLabel('Logistics or admin key').fill(demo.keys.coordinator);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This page needs a logistics or admin key.').waitFor();
  });

  it('says plainly when it cannot load for want of a network, keeps the key, and loads on "Try again"', async () => {
    const { demo, page } = phone;
    await signInToDesk(page, demo.keys.logistics);
    // The page loads, then its first call finds no network.
    await page.route('**/v1/me', (route) => route.abort('internetdisconnected'));
    await page.reload();

    await page.getByText('No connection: the desk needs the network to load.', { exact: false }).waitFor();
    await page.unroute('**/v1/me');
    await page.getByRole('button', { name: 'Try again' }).click();

    await page.getByRole('heading', { name: 'Conflicts', level: 2 }).waitFor();
  });

  it('moves the keyboard past the header with the skip link, leaving the address as it is', async () => {
    const { demo, page } = phone;
    await signInToDesk(page, demo.keys.logistics);
    // Opened afresh (the key is kept): the keyboard starts at the top of the page.
    await page.goto('/desk#conflicts');
    await page.reload();
    await page.getByRole('heading', { name: 'Conflicts', level: 2 }).waitFor();

    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to the content');
    await page.keyboard.press('Enter');

    expect(await page.evaluate('document.activeElement?.id')).toBe('content');
    expect(new URL(page.url()).hash).toBe('#conflicts');
  });
});

for (const language of ['en', 'km'] satisfies Language[]) {
  describe(`/desk on a 360x740 phone in ${language}: axe-core finds no serious or critical violation`, () => {
    const phone = accessiblePhonePerTest('desk', language);

    it('signing in, a refused key, and the desk with its sections', async () => {
      const { demo, page, check } = phone;
      await openIn(page, '/desk', language);
      await check('sign-in');

      await openKeyForm(page);
      await page.locator('#signin-key').fill(demo.keys.volunteer);
      await page.locator('#signin-key').press('Enter');
      await page.locator('#signin-error:not(:empty)').waitFor();
      await check('sign-in-refused');

      await openKeyForm(page);
      await page.locator('#signin-key').fill(demo.keys.logistics);
      await page.locator('#signin-key').press('Enter');
      await page.locator('#view-desk').waitFor({ state: 'visible' });
      await page.locator('.desk-section:not([hidden]) .summary:not(:empty)').waitFor();
      expect(await page.locator('h1').textContent()).toBe(language === 'km' ? 'តុភស្តុភារ' : 'Logistics desk');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
      await check('desk');
    });
  });
}
