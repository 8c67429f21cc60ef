import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, measureTransfer, phone, watchForViolations } from './support/browser.js';
import { type DemoServer, type IssuedVoucher, issueVoucher, serveDemo } from './support/demo-server.js';
import { writeQrVideo } from './support/fake-camera.js';
import { screenText, signInToScan, waitForState } from './support/scan-page.js';

const BUDGET_BYTES = 150 * 1024;

describe('/scan: a volunteer scans a voucher QR with the phone camera', () => {
  let demo: DemoServer;
  let voucher: IssuedVoucher;
  let browser: Browser;

  beforeAll(async () => {
    demo = await serveDemo();
    voucher = await issueVoucher(demo);
    const png = await fetch(`${demo.baseUrl}/v1/vouchers/${voucher.id}/qr.png`, {
      headers: { authorization: `Bearer ${demo.keys.coordinator}` },
    });
    // The camera films the voucher's own QR image, as printed on its slip.
    const video = join(await mkdtemp(join(tmpdir(), 'supplyline-camera-')), 'voucher-qr.y4m');
    await writeQrVideo(Buffer.from(await png.arrayBuffer()), video);
    browser = await launchChromium({ cameraVideo: video });
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('reads the QR from the camera, shows the lines and redeems it, within a 150 KB page', async () => {
    const context = await phone(browser, demo.baseUrl);
    const violations = watchForViolations(context, demo.baseUrl);
    const page = await context.newPage();
    const transfer = measureTransfer(page);
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');

    await waitForState(page, 'ready', 30_000);
    expect((await screenText(page)).lines).toEqual(['5 kg Rice', '30 L Drinking water', '2 × Mosquito net']);
    await page.getByRole('button', { name: 'Handed over' }).click();

    await waitForState(page, 'redeemed');
    const status = await demo.http('GET', `/v1/vouchers/${voucher.id}`, demo.keys.coordinator);
    expect(status.body).toMatchObject({ status: 'redeemed', pickupPointId: 'pp-central-gate' });
    const received = await transfer();
    expect(received.files.map((file) => file.url)).toContain('/web/vendor/jsQR.js');
    expect(received.pageBytes).toBeLessThan(BUDGET_BYTES);
    expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
    await mkdir('test-artifacts', { recursive: true });
    await writeFile('test-artifacts/transfer-scan.json', JSON.stringify(received, null, 2));
    await context.close();
  });
});
