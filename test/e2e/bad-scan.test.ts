import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qrPng } from '../../shared/domain/voucher-qr.js';
import { issueVoucher } from './support/demo-server.js';
import { writeQrVideo } from './support/fake-camera.js';
import { phonePerTest } from './support/lifecycle.js';
import { screenText, signInToScan, waitForState } from './support/scan-page.js';

describe('/scan: a scan that is cut short', () => {
  const phone = phonePerTest({
    // The camera films a QR code of a voucher token cut short, as a partial read of a slip is.
    cameraVideo: async (demo) => {
      const voucher = await issueVoucher(demo);
      const video = join(await mkdtemp(join(tmpdir(), 'supplyline-camera-')), 'cut-short-qr.y4m');
      await writeQrVideo(Buffer.from(await qrPng(voucher.token.slice(0, 70), 400)), video);
      return video;
    },
  });

  it('asks the volunteer to scan again, and does not call the voucher forged', async () => {
    const { demo, page } = phone;
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');

    await waitForState(page, 'unreadable', 30_000);

    const screen = await screenText(page);
    expect(screen.title).toBe('Scan again');
    expect(screen.detail).toMatch(/^Could not read this code, scan again\./);
    expect(screen.lines).toEqual([]);
    expect(await page.getByRole('button', { name: 'Handed over' }).isVisible()).toBe(false);
  });
});
