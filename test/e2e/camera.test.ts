import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureTransfer } from './support/browser.js';
import { type IssuedVoucher, issueVoucher } from './support/demo-server.js';
import { writeQrVideo } from './support/fake-camera.js';
import { phonePerTest } from './support/lifecycle.js';
import { screenText, signInToScan, waitForState } from './support/scan-page.js';

const BUDGET_BYTES = 150 * 1024;

describe('/scan: a volunteer scans a voucher QR with the phone camera', () => {
  let voucher: IssuedVoucher;
  const phone = phonePerTest({
    // The camera films the voucher's own QR image, as printed on its slip.
    cameraVideo: async (demo) => {
      voucher = await issueVoucher(demo);
      const png = await fetch(`${demo.baseUrl}/v1/vouchers/${voucher.id}/qr.png`, {
        headers: { authorization: `Bearer ${demo.keys.coordinator}` },
      });
      const video = join(await mkdtemp(join(tmpdir(), 'supplyline-camera-')), 'voucher-qr.y4m');
      await writeQrVideo(Buffer.from(await png.arrayBuffer()), video);
      return video;
    },
  });

  it('reads the QR from the camera, shows the lines and redeems it, within a 150 KB page', async () => {
    const { demo, page } = phone;
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
    await writeFile('test-artifacts/transfer-scan.json', JSON.stringify(received, null, 2));

    // The slip is still in front of the camera after "Next voucher": this phone's own handover,
    // not a red "Already redeemed". Ignored while it stays there.
    await page.getByRole('button', { name: 'Next voucher' }).click();
    await page.waitForTimeout(2_500);
    expect(await page.locator('#view-scan').isVisible()).toBe(true);
    expect(await page.locator('#state[data-kind="already-redeemed"]').count()).toBe(0);
  });

  it('turns the camera off again when its video cannot play, and offers the typed code', async () => {
    const { demo, page } = phone;
    // Keep every stream the page opens, and make the video refuse to play (as a busy camera can).
    await page.addInitScript(`
      window.openedStreams = [];
      const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        const stream = await getUserMedia(constraints);
        window.openedStreams.push(stream);
        return stream;
      };
      HTMLMediaElement.prototype.play = () => Promise.reject(new DOMException('busy', 'NotReadableError'));
    `);

    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');

    await page.locator('#camera-status', { hasText: 'No camera: type the code below.' }).waitFor();
    const tracks = (await page.evaluate(
      'window.openedStreams.flatMap((stream) => stream.getTracks().map((track) => track.readyState))',
    )) as string[];
    expect(tracks.length).toBeGreaterThan(0);
    expect(tracks).toEqual(tracks.map(() => 'ended'));
  });
});
