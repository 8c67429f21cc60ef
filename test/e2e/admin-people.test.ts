import { beforeAll, describe, expect, it } from 'vitest';
import { decodeQrPng } from '../support/voucher-fixtures.js';
import {
  adminPages,
  focused,
  focusedText,
  LAPTOP,
  openSection,
  personRecord,
  SMALL_PHONE,
  signIn,
  tabTo,
} from './support/admin-page.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import type { DemoServer } from './support/demo-server.js';
import { demoInChromium } from './support/lifecycle.js';

type Person = { id: string; displayName: string };
type Invitation = { id: string; link: string; expiresAt: string };

/** What follows `#invite=` in an invitation's link. */
const codeOf = (link: string) => new URL(link).hash.replace(/^#invite=/, '');

/** Accepts an invitation as a phone's page does (no key: the code is the credential). */
async function accept(demo: DemoServer, code: string, label = 'Phone') {
  return demo.http('POST', '/v1/invitations/accept', '', { code, label, attemptId: crypto.randomUUID() });
}

async function addPerson(demo: DemoServer, key: string, body: Record<string, unknown>): Promise<Person> {
  const added = await demo.http('POST', '/v1/people', key, body);
  if (added.status !== 201) throw new Error(`add person: ${added.status} ${added.text}`);
  return added.body as unknown as Person;
}

async function invite(demo: DemoServer, key: string, personId: string): Promise<Invitation> {
  const made = await demo.http('POST', `/v1/people/${personId}/invitations`, key, { expiresInMinutes: 15 });
  if (made.status !== 201) throw new Error(`invite: ${made.status} ${made.text}`);
  return made.body as unknown as Invitation;
}

/** A person added, invited and signed in on one device: their id and that device's key. */
async function personWithKey(demo: DemoServer, key: string, body: Record<string, unknown>, label = 'Phone') {
  const person = await addPerson(demo, key, body);
  const accepted = await accept(demo, codeOf((await invite(demo, key, person.id)).link), label);
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${accepted.text}`);
  return { person, apiKey: String(accepted.body.apiKey) };
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('/admin people: add, invite by QR code or link, re-invite, revoke (issue 22 §3)', () => {
  const suite = demoInChromium();
  const open = adminPages(suite);
  /** An admin who is a person (so what they do names them), signed in with a key of their own. */
  let dara: string;

  beforeAll(async () => {
    ({ apiKey: dara } = await personWithKey(suite.demo, suite.demo.keys.admin, {
      displayName: 'Dara (Phnom Penh office)',
      role: 'admin',
    }));
  });

  it('adds a volunteer on a laptop and shows the invitation’s QR code, which holds <origin>/scan#invite=<code>, a code that signs them in once', async () => {
    const { demo } = suite;
    const page = await open(LAPTOP);
    await signIn(page, dara);
    await openSection(page, 'People');
    const section = page.locator('#people');

    await section.getByText('Add a person').click();
    await section.getByLabel('What colleagues call them').fill('Sokha (gate desk)');
    await section.getByLabel('Role').selectOption('volunteer');
    await section.getByLabel('Organisation').selectOption('pp-relief');
    await section.getByRole('checkbox', { name: 'Main gate (Phnom Penh Central Shelter)' }).check();
    await section.getByRole('button', { name: 'Add Sokha (gate desk) as Volunteer' }).click();
    await section
      .getByRole('status')
      .filter({ hasText: 'Added Sokha (gate desk). Their invitation is next.' })
      .waitFor();

    // Their record says who added them, and their invitation's form opens on it: 15 minutes unless chosen.
    const record = personRecord(page, 'Sokha (gate desk)');
    await record.getByText('invited, no key yet').waitFor();
    await record.getByText(/, by Dara \(Phnom Penh office\)$/).waitFor();
    await record.getByText('Main gate (Phnom Penh Central Shelter)').waitFor();
    const form = record.getByRole('form', { name: 'Invite Sokha (gate desk)' });
    expect(await form.getByLabel('How long the invitation works').inputValue()).toBe('15');
    await form.getByRole('button', { name: 'Create the invitation for Sokha (gate desk)' }).click();

    const dialog = page.getByRole('dialog', { name: 'Invitation for Sokha (gate desk)' });
    const qr = dialog.getByRole('img', { name: 'QR code of the invitation for Sokha (gate desk)' });
    await qr.waitFor();
    // Large enough for a phone held up to the laptop: at least 8 cm at a laptop's 96 dpi.
    expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(320);
    const link = decodeQrPng(await qr.screenshot());
    expect(link).toMatch(
      new RegExp(`^${escaped(demo.baseUrl)}/scan#invite=inv_[0-9A-HJKMNP-TV-Z]{26}\\.[\\w-]{43}$`),
    );
    expect(await dialog.getByLabel('Invitation link').inputValue()).toBe(link);
    await dialog
      .getByText(/^Hold their phone’s camera up to this code\. It signs them in once, until /)
      .waitFor();
    const person = (
      (await demo.http('GET', '/v1/people?role=volunteer', demo.keys.admin)).body.items as Array<
        Person & { status: string }
      >
    ).find((candidate) => candidate.displayName === 'Sokha (gate desk)');
    const detail = await demo.http('GET', `/v1/people/${person?.id}`, demo.keys.admin);
    const [made] = detail.body.invitations as Array<{ expiresAt: string; status: string }>;
    expect(Date.parse(made?.expiresAt ?? '') - Date.now()).toBeGreaterThan(13 * 60_000);
    expect(Date.parse(made?.expiresAt ?? '') - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    await page.screenshot({ path: 'test-artifacts/admin-people-qr-laptop-en.png' });
    await expectNoSeriousA11yViolations(page, '/admin invitation dialog (laptop, en)');

    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(codeOf(link ?? ''));

    // The code in the QR code signs their phone in, once.
    expect((await accept(demo, codeOf(link ?? ''))).status).toBe(200);
    expect((await accept(demo, codeOf(link ?? ''))).status).toBe(409);
    await page.reload();
    await page.locator('#view-admin').waitFor();
    await openSection(page, 'People');
    await personRecord(page, 'Sokha (gate desk)').getByText('signed in').waitFor();
    await page.screenshot({ path: 'test-artifacts/admin-people-list-laptop-en.png', fullPage: true });
    await expectNoSeriousA11yViolations(page, '/admin people (laptop, en)');
  });

  it('invites again with a link that works 7 days, withdrawing the code shown before, and lists both invitations', async () => {
    const { demo } = suite;
    const vanna = await addPerson(demo, demo.keys.admin, {
      displayName: 'Vanna (hall)',
      role: 'volunteer',
      scope: { pickupPointIds: ['pp-central-hall'] },
    });
    const earlier = await invite(demo, demo.keys.admin, vanna.id);
    const page = await open(LAPTOP);
    await signIn(page, dara);
    await openSection(page, 'People');
    const record = personRecord(page, 'Vanna (hall)');

    await record.getByRole('button', { name: 'Invite Vanna (hall)' }).click();
    const form = record.getByRole('form', { name: 'Invite Vanna (hall)' });
    await form
      .getByLabel('How long the invitation works')
      .selectOption({ label: '7 days: a link you send them' });
    expect(
      await form
        .getByRole('checkbox', { name: 'Withdraw their earlier invitations not used yet (1)' })
        .isChecked(),
    ).toBe(true);
    await page.screenshot({
      path: 'test-artifacts/admin-people-reinvite-form-laptop-en.png',
      fullPage: true,
    });
    await form.getByRole('button', { name: 'Create the invitation for Vanna (hall)' }).click();

    const dialog = page.getByRole('dialog', { name: 'Invitation for Vanna (hall)' });
    await dialog.getByText(/^Send them this link, or let their phone’s camera read the code\./).waitFor();
    const link = await dialog.getByLabel('Invitation link').inputValue();
    expect(decodeQrPng(await dialog.getByRole('img').screenshot())).toBe(link);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page
      .locator('#people')
      .getByRole('status')
      .filter({ hasText: 'Earlier invitations withdrawn: 1.' })
      .waitFor();

    const refused = await accept(demo, codeOf(earlier.link));
    expect(refused.status).toBe(410);
    expect(refused.body.type).toBe('urn:supplyline:problem:invitation-revoked');
    const detail = await demo.http('GET', `/v1/people/${vanna.id}`, demo.keys.admin);
    const [newest] = detail.body.invitations as Array<{ expiresAt: string }>;
    expect(Date.parse(newest?.expiresAt ?? '') - Date.now()).toBeGreaterThan(7 * 24 * 3_600_000 - 120_000);

    await record.getByRole('button', { name: 'Keys, devices and invitations of Vanna (hall)' }).click();
    const invitations = record.locator('.person-detail');
    await invitations.getByText('withdrawn').waitFor();
    await invitations.getByText('not used yet').waitFor();
    await page.screenshot({ path: 'test-artifacts/admin-people-details-laptop-en.png', fullPage: true });
    await expectNoSeriousA11yViolations(page, '/admin person details (laptop, en)');
  });

  it('revokes a person after a check that says what it does: every key and phone of theirs at once', async () => {
    const { demo } = suite;
    const { person, apiKey } = await personWithKey(
      demo,
      demo.keys.admin,
      { displayName: 'Srey (desk 3)', role: 'volunteer', scope: { pickupPointIds: ['pp-central-gate'] } },
      'Srey’s phone',
    );
    const registered = await demo.http('POST', '/v1/devices', apiKey, {
      pickupPointId: 'pp-central-gate',
      label: 'Desk 3 phone',
    });
    expect(registered.status, registered.text).toBe(201);
    const page = await open(LAPTOP);
    await signIn(page, dara);
    await openSection(page, 'People');
    const record = personRecord(page, 'Srey (desk 3)');

    await record.getByRole('button', { name: 'Revoke Srey (desk 3)' }).click();
    const check = record.getByRole('group', { name: 'Check before you revoke this person' });
    await check.getByText('Srey’s phone').waitFor();
    await check.getByText('Desk 3 phone').waitFor();
    await check.getByText(/^Every key and phone of theirs stops working at once/).waitFor();
    await page.screenshot({ path: 'test-artifacts/admin-people-revoke-check-laptop-en.png', fullPage: true });
    await expectNoSeriousA11yViolations(page, '/admin revoke check (laptop, en)');
    await check.getByRole('button', { name: 'Revoke Srey (desk 3)' }).click();
    await page
      .locator('#people')
      .getByRole('status')
      .filter({ hasText: 'Revoked Srey (desk 3). Keys stopped: 1. Phones stopped: 1.' })
      .waitFor();

    expect((await demo.http('GET', '/v1/me', apiKey)).status).toBe(401);
    const device = await demo.http('GET', `/v1/devices/${registered.body.id}`, demo.keys.admin);
    expect(device.body).toMatchObject({ status: 'revoked', revocationReason: 'person-revoked' });
    // Revoked people leave the list unless asked for.
    await expect.poll(() => record.count()).toBe(0);
    await page.locator('#people').getByLabel('Show', { exact: true }).selectOption({ label: 'Revoked' });
    await record.getByText('revoked', { exact: true }).waitFor();
    expect(await record.getByRole('button', { name: /^Invite|^Revoke/ }).count()).toBe(0);
    expect(person.id).toMatch(/^psn_/);
  });

  it('revokes one lost key of a person, who keeps their other', async () => {
    const { demo } = suite;
    const { person, apiKey: phoneKey } = await personWithKey(
      demo,
      demo.keys.admin,
      { displayName: 'Nary (store)', role: 'logistics', scope: { shelterIds: ['pp-central'] } },
      'Nary’s phone',
    );
    const laptop = await accept(
      demo,
      codeOf((await invite(demo, demo.keys.admin, person.id)).link),
      'Nary’s laptop',
    );
    expect(laptop.status).toBe(200);
    const page = await open(LAPTOP);
    await signIn(page, dara);
    await openSection(page, 'People');
    const record = personRecord(page, 'Nary (store)');
    await record.getByText('Phnom Penh Central Shelter').waitFor();

    await record.getByRole('button', { name: 'Keys, devices and invitations of Nary (store)' }).click();
    await record.getByRole('button', { name: 'Revoke key “Nary’s phone” (lost)' }).click();
    const check = record.getByRole('group', { name: 'Check before you revoke this key' });
    await check.getByText(/^For a lost or stolen phone or laptop/).waitFor();
    await check.getByRole('button', { name: 'Revoke key “Nary’s phone” (lost)' }).click();
    await page
      .locator('#people')
      .getByRole('status')
      .filter({ hasText: 'Revoked key “Nary’s phone” of Nary (store).' })
      .waitFor();

    expect((await demo.http('GET', '/v1/me', phoneKey)).status).toBe(401);
    expect((await demo.http('GET', '/v1/me', String(laptop.body.apiKey))).status).toBe(200);
  });

  it('changes a volunteer’s name and pickup point, and every key of theirs follows', async () => {
    const { demo } = suite;
    const { apiKey } = await personWithKey(demo, demo.keys.admin, {
      displayName: 'Mony (gate)',
      role: 'volunteer',
      scope: { pickupPointIds: ['pp-central-gate'] },
    });
    const page = await open(LAPTOP);
    await signIn(page, dara);
    await openSection(page, 'People');
    const record = personRecord(page, 'Mony (gate)');

    await record.getByRole('button', { name: 'Change Mony (gate)' }).click();
    const form = record.getByRole('form', { name: 'Change what they are called or where they work' });
    expect(
      await form.getByRole('checkbox', { name: 'Main gate (Phnom Penh Central Shelter)' }).isChecked(),
    ).toBe(true);
    await form.getByLabel('What colleagues call them').fill('Mony (hall)');
    await form.getByRole('checkbox', { name: 'Main gate (Phnom Penh Central Shelter)' }).uncheck();
    await form.getByRole('checkbox', { name: 'Clinic hall (Phnom Penh Central Shelter)' }).check();
    await page.screenshot({ path: 'test-artifacts/admin-people-change-laptop-en.png', fullPage: true });
    await expectNoSeriousA11yViolations(page, '/admin change a person (laptop, en)');
    await form.getByRole('button', { name: 'Save changes to Mony (gate)' }).click();
    await page
      .locator('#people')
      .getByRole('status')
      .filter({ hasText: 'Saved Mony (hall): every key of theirs follows.' })
      .waitFor();

    await personRecord(page, 'Mony (hall)').getByText('Clinic hall (Phnom Penh Central Shelter)').waitFor();
    const me = await demo.http('GET', '/v1/me', apiKey);
    expect(me.body).toMatchObject({
      displayName: 'Mony (hall)',
      scope: { pickupPointIds: ['pp-central-hall'] },
    });
  });

  it('invites by keyboard alone: Tab to the invitation, Enter, the dialog, Done, and the focus comes back', async () => {
    const { demo } = suite;
    await addPerson(demo, demo.keys.admin, {
      displayName: 'Kosal (yard)',
      role: 'volunteer',
      scope: { pickupPointIds: ['chbar-ampov-yard'] },
    });
    const page = await open(LAPTOP);
    await signIn(page, dara);
    await openSection(page, 'People');
    const record = personRecord(page, 'Kosal (yard)');
    await record.waitFor();

    await tabTo(page, record.getByRole('button', { name: 'Invite Kosal (yard)' }), 120);
    await page.keyboard.press('Enter');
    const form = record.getByRole('form', { name: 'Invite Kosal (yard)' });
    await expect.poll(() => focused(form.getByRole('heading'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(form.getByLabel('How long the invitation works'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Create the invitation for Kosal (yard)');
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: 'Invitation for Kosal (yard)' });
    await expect.poll(() => focused(dialog.getByRole('heading'))).toBe(true);
    await tabTo(page, dialog.getByRole('button', { name: 'Done' }), 5);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedText(page)).toBe('Kosal (yard)');
  });
});

describe('/admin people for a coordinator: its own volunteers only, in Khmer on a phone', () => {
  const suite = demoInChromium();
  const open = adminPages(suite);

  beforeAll(async () => {
    const { demo } = suite;
    const admin = demo.keys.admin;
    const post = async (path: string, body: unknown) => {
      const made = await demo.http('POST', path, admin, body);
      if (made.status !== 201) throw new Error(`${path}: ${made.status} ${made.text}`);
    };
    await post('/v1/shelters', {
      id: 'kampong-speu',
      name: 'Kampong Speu House',
      nameKm: 'ផ្ទះកំពង់ស្ពឺ',
      province: 'Kampong Speu',
      capacity: 40,
      population: 20,
    });
    await post('/v1/shelters/kampong-speu/pickup-points', { id: 'ks-door', name: 'Door', nameKm: 'ទ្វារ' });
    await post('/v1/organizations', { id: 'mekong-aid', name: 'Mekong Aid' });
    await addPerson(demo, admin, {
      displayName: 'Bopha (door)',
      role: 'volunteer',
      scope: { pickupPointIds: ['ks-door'] },
    });
    await addPerson(demo, admin, {
      displayName: 'Rith (stores)',
      role: 'logistics',
      scope: { shelterIds: '*' },
    });
    await addPerson(demo, admin, {
      displayName: 'Chan (Mekong Aid)',
      role: 'volunteer',
      orgId: 'mekong-aid',
      scope: { pickupPointIds: ['ks-door'] },
    });
  });

  it('lists only its organisation’s volunteers with Khmer names, adds one at its own pickup points, and shows the QR code on the phone', async () => {
    const page = await open(SMALL_PHONE);
    await signIn(page, suite.demo.keys.coordinator, 'km');
    const menu = page.getByRole('navigation');
    expect(await menu.getByRole('link').allTextContents()).toEqual(['មនុស្ស', 'ឧបករណ៍', 'Webhook']);
    const section = page.locator('#people');

    const bopha = personRecord(page, 'Bopha (door)');
    await bopha.getByText('ទ្វារ (ផ្ទះកំពង់ស្ពឺ)').waitFor();
    expect(await personRecord(page, 'Rith (stores)').count()).toBe(0);
    expect(await personRecord(page, 'Chan (Mekong Aid)').count()).toBe(0);
    await page.screenshot({ path: 'test-artifacts/admin-people-coordinator-phone-km.png', fullPage: true });
    await expectNoSeriousA11yViolations(page, '/admin people, coordinator (phone, km)');

    await section.getByText('បន្ថែមមនុស្ស').first().click();
    expect(await section.getByLabel('តួនាទី').locator('option').allTextContents()).toEqual(['អ្នកស្ម័គ្រចិត្ត']);
    expect(await section.getByLabel('អង្គការ').count()).toBe(0);
    await section.getByLabel('ឈ្មោះដែលមិត្តរួមការងារហៅ').fill('Dalin (door)');
    await section.getByRole('checkbox', { name: 'ទ្វារ (ផ្ទះកំពង់ស្ពឺ)' }).check();
    await section.getByRole('button', { name: 'បន្ថែម Dalin (door) ជាអ្នកស្ម័គ្រចិត្ត' }).click();
    const form = personRecord(page, 'Dalin (door)').getByRole('form', { name: 'អញ្ជើញ Dalin (door)' });
    await form.getByRole('button', { name: 'បង្កើតការអញ្ជើញសម្រាប់ Dalin (door)' }).click();
    const dialog = page.getByRole('dialog', { name: 'ការអញ្ជើញសម្រាប់ Dalin (door)' });
    const qr = dialog.getByRole('img', { name: 'កូដ QR នៃការអញ្ជើញសម្រាប់ Dalin (door)' });
    await qr.waitFor();
    expect(decodeQrPng(await qr.screenshot())).toMatch(
      new RegExp(`^${escaped(suite.demo.baseUrl)}/scan#invite=`),
    );
    await page.screenshot({ path: 'test-artifacts/admin-people-qr-phone-km.png' });
    await expectNoSeriousA11yViolations(page, '/admin invitation dialog, coordinator (phone, km)');
    await dialog.getByRole('button', { name: 'រួចរាល់' }).click();
  });
});
