import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { liveWindow } from '../support/round-fixtures.js';
import { decodeQrPng } from '../support/voucher-fixtures.js';
import { adminPages, openSection, personRecord, signIn } from './support/admin-page.js';
import { phone, watchForViolations } from './support/browser.js';
import type { DemoServer } from './support/demo-server.js';
import { writeQrVideo } from './support/fake-camera.js';
import {
  countTypedCharacters,
  firstHandoverFromInvitation,
  type PhoneLanguage,
} from './support/first-handover.js';
import { acceptByApi, countKeystrokes, invitePerson, storedOnDevice } from './support/invitations.js';
import { demoInChromium } from './support/lifecycle.js';
import { openKeyForm } from './support/sign-in.js';

/** A laptop's screen, where an admin shows the QR code and a logistics lead reads the dashboard. */
const LAPTOP = { width: 1280, height: 800 };
/** The smallest phone a volunteer is likely to hold. */
const PHONE = { width: 360, height: 740 };

const VOLUNTEER = 'Sokha (gate desk)';

/** What the phone and the dashboard say, in the language of each run. */
const words: Record<PhoneLanguage, { signedOut: string; by: string }> = {
  en: {
    signedOut:
      'You are signed out: this phone’s access has ended. Ask your coordinator for a new invitation.',
    by: `by ${VOLUNTEER}`,
  },
  km: {
    signedOut: 'អ្នកបានចាកចេញហើយ៖ សិទ្ធិប្រើប្រាស់របស់ទូរសព្ទនេះបានបញ្ចប់។ សូមសុំការអញ្ជើញថ្មីពីអ្នកសម្របសម្រួលរបស់អ្នក។',
    by: `ដោយ ${VOLUNTEER}`,
  },
};

/**
 * A round at Phnom Penh Central, open, and one household's voucher issued in it, through the API
 * as a coordinator does (its code is on the household's slip; the phone's camera will film it).
 */
async function roundWithOneVoucher(demo: DemoServer, language: PhoneLanguage) {
  const created = await demo.http('POST', '/v1/rounds', demo.keys.coordinator, {
    name: `Whole chain (${language})`,
    shelterIds: ['pp-central'],
    ...liveWindow(14),
    rules: [
      { itemId: 'rice', amount: 5, per: 'household' },
      { itemId: 'water', amount: 30, per: 'household' },
    ],
  });
  if (created.status !== 201) throw new Error(`round: ${created.status} ${created.text}`);
  const roundId = String(created.body.id);
  const opened = await demo.http('POST', `/v1/rounds/${roundId}/open`, demo.keys.coordinator);
  if (opened.status !== 200) throw new Error(`open: ${opened.status} ${opened.text}`);
  const issued = await demo.http('POST', `/v1/rounds/${roundId}/households`, demo.keys.coordinator, {
    households: [{ beneficiaryRef: `E2E-CHAIN-${language}`, householdSize: 4 }],
  });
  const [result] = issued.body.results as Array<{ voucher?: { id: string; code: string } }>;
  if (result?.voucher === undefined) throw new Error(`households: ${issued.status} ${issued.text}`);
  return { roundId, voucher: result.voucher };
}

/** The reconciliation CSV's rows as records keyed by its header (the HXL row skipped). */
async function reconciliationCsv(demo: DemoServer, roundId: string) {
  const csv = await demo.http(
    'GET',
    `/v1/rounds/${roundId}/reconciliation?format=csv`,
    demo.keys.coordinator,
  );
  expect(csv.status).toBe(200);
  const [header = '', , ...rows] = csv.text.split('\r\n').filter((line) => line !== '');
  const names = header.split(',');
  // No cell here holds a comma or a quote (ids, numbers, one display name).
  return rows.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [names[i], cell])));
}

async function signInToDashboard(page: Page, key: string, language: PhoneLanguage) {
  await page.goto('/dashboard');
  if (language === 'km') {
    await page.evaluate(`localStorage.setItem('supplyline.lang', 'km')`);
    await page.reload();
  }
  await openKeyForm(page);
  await page.locator('#signin-key').fill(key);
  await page.locator('#signin-form button[type=submit]').click();
  await page.locator('#stock td[data-shelter="pp-central"][data-item="rice"]').waitFor({ state: 'visible' });
}

for (const language of ['en', 'km'] satisfies PhoneLanguage[]) {
  describe(`issue 22, the whole chain with the volunteer’s phone in ${language}: /admin adds and invites, the phone hands over typing nothing, the name follows, revoking signs the phone out`, () => {
    let round: Awaited<ReturnType<typeof roundWithOneVoucher>>;
    const suite = demoInChromium({
      // The camera films the household's voucher slip, issued in the round before any phone lands.
      cameraVideo: async (demo) => {
        round = await roundWithOneVoucher(demo, language);
        const png = await fetch(`${demo.baseUrl}/v1/vouchers/${round.voucher.id}/qr.png`, {
          headers: { authorization: `Bearer ${demo.keys.coordinator}` },
        });
        const video = join(await mkdtemp(join(tmpdir(), 'supplyline-chain-')), 'voucher-qr.y4m');
        await writeQrVideo(Buffer.from(await png.arrayBuffer()), video);
        return video;
      },
    });
    const open = adminPages(suite);

    it('from /admin’s QR code to a handover named in the dashboard and the reconciliation, then revoked: signed out, pack refused', async () => {
      const { demo, browser } = suite;
      const shot = (name: string) => `test-artifacts/whole-chain-${name}-${language}.png`;
      // An admin who is a person, signed in on the office laptop with a key of their own.
      const admin = await invitePerson(demo, { displayName: 'Dara (Phnom Penh office)', role: 'admin' });
      const adminKey = String((await acceptByApi(demo, admin.code)).body.apiKey);
      const laptop = await open(LAPTOP);
      await signIn(laptop, adminKey);
      await openSection(laptop, 'People');
      const people = laptop.locator('#people');

      // The admin adds the volunteer at the main gate and shows the invitation's QR code.
      await people.getByText('Add a person').click();
      await people.getByLabel('What colleagues call them').fill(VOLUNTEER);
      await people.getByLabel('Role').selectOption('volunteer');
      await people.getByLabel('Organisation').selectOption('pp-relief');
      await people.getByRole('checkbox', { name: 'Main gate (Phnom Penh Central Shelter)' }).check();
      await people.getByRole('button', { name: `Add ${VOLUNTEER} as Volunteer` }).click();
      const record = personRecord(laptop, VOLUNTEER);
      await record
        .getByRole('form', { name: `Invite ${VOLUNTEER}` })
        .getByRole('button', { name: `Create the invitation for ${VOLUNTEER}` })
        .click();
      await laptop
        .getByRole('dialog', { name: `Invitation for ${VOLUNTEER}` })
        .getByRole('img', { name: `QR code of the invitation for ${VOLUNTEER}` })
        .waitFor();
      // What the phone's camera sees: the laptop's whole screen, the QR code somewhere on it.
      const link = decodeQrPng(await laptop.screenshot({ path: shot('admin-qr-laptop') }));
      expect(link).toMatch(new RegExp(`^${demo.baseUrl.replace(/[.]/g, '\\.')}/scan#invite=inv_`));
      await laptop.getByRole('button', { name: 'Done' }).click();

      // The volunteer's phone, in its own language, opens the link: from here nothing is typed.
      const phoneContext = await phone(browser, demo.baseUrl, {
        viewport: PHONE,
        locale: language === 'km' ? 'km-KH' : 'en-GB',
      });
      const violations = watchForViolations(phoneContext, demo.baseUrl);
      const typed = await countTypedCharacters(phoneContext);
      const keystrokes = await countKeystrokes(phoneContext);
      const handset = await phoneContext.newPage();
      // Scanning is real: Chromium's fake camera films the voucher's QR code (fake-camera.ts).
      await firstHandoverFromInvitation(handset, link ?? '', language, async (screen) => {
        await handset.screenshot({ path: shot(`phone-${screen}`), fullPage: true });
      });
      expect(await handset.locator('#point-name').textContent()).toBe('Main gate');
      const voucher = await demo.http('GET', `/v1/vouchers/${round.voucher.id}`, demo.keys.coordinator);
      expect(voucher.body).toMatchObject({ status: 'redeemed', pickupPointId: 'pp-central-gate' });

      // The logistics lead's dashboard names the volunteer on the handover.
      const desk = await open(LAPTOP);
      await signInToDashboard(desk, demo.keys.logistics, language);
      await desk.locator('#chart-shelter').selectOption('pp-central');
      const handover = desk.locator('#movements li[data-type="distribution"]').first();
      await handover.filter({ hasText: words[language].by }).waitFor();
      await desk.screenshot({ path: shot('dashboard-laptop'), fullPage: true });

      // So does the round's reconciliation, on the rows of the voucher's items.
      const rows = await reconciliationCsv(demo, round.roundId);
      expect(rows.map((row) => [row.item, row.vouchers_redeemed, row.redeemed_by])).toEqual([
        ['rice', '1', VOLUNTEER],
        ['water', '1', VOLUNTEER],
      ]);

      // What the phone holds to fetch its pack, as the scanner does: its key and its device.
      const phoneKey = (await storedOnDevice(handset)).local
        .find((entry) => entry.startsWith('supplyline.volunteerKey='))
        ?.slice('supplyline.volunteerKey='.length);
      const listed = await demo.http('GET', '/v1/people?role=volunteer', demo.keys.admin);
      const { id: personId } = (listed.body.items as Array<{ id: string; displayName: string }>).find(
        (candidate) => candidate.displayName === VOLUNTEER,
      ) ?? { id: '' };
      const person = await demo.http('GET', `/v1/people/${personId}`, demo.keys.admin);
      const [device] = person.body.devices as Array<{ id: string }>;
      const pack = () => demo.http('GET', `/v1/devices/${device?.id}/pack`, phoneKey ?? '');
      expect((await pack()).status).toBe(200);

      // The admin revokes the volunteer, after the check that says what it does.
      await record.getByRole('button', { name: `Revoke ${VOLUNTEER}` }).click();
      const check = record.getByRole('group', { name: 'Check before you revoke this person' });
      await check.getByRole('button', { name: `Revoke ${VOLUNTEER}` }).click();
      await people
        .getByRole('status')
        .filter({ hasText: `Revoked ${VOLUNTEER}. Keys stopped: 1. Phones stopped: 1.` })
        .waitFor();

      // The phone, lying at its desk, signs itself out at its next sync round (every 30 s; the
      // key cache is the server's own, 30 s): a generous wait, not a timed assertion.
      await handset.locator('#view-signin').waitFor({ state: 'visible', timeout: 90_000 });
      expect(await handset.locator('#signin-error').textContent()).toBe(words[language].signedOut);
      expect(await handset.locator('#view-scan').isHidden()).toBe(true);
      await handset.screenshot({ path: shot('phone-signed-out'), fullPage: true });
      const refused = await pack();
      expect(refused.status).toBe(401);
      expect(
        (await storedOnDevice(handset)).local.filter((entry) => entry.includes(phoneKey ?? '?')),
      ).toEqual([]);

      expect(typed()).toBe(0);
      expect(keystrokes()).toEqual([]);
      expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
      await phoneContext.close();
    }, 240_000);
  });
}
