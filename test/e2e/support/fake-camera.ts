import { writeFile } from 'node:fs/promises';
import { PNG } from 'pngjs';

const WIDTH = 640;
const HEIGHT = 480;
/** How big the QR appears in the frame: about what a phone sees held over a printed slip. */
const QR_SIZE = 400;

/**
 * A Y4M video of a QR code on white paper, for Chromium's fake camera
 * (--use-file-for-fake-video-capture). Written from the PNG's pixels: the luma plane carries the
 * picture, both chroma planes are neutral grey (128), so the frames are black and white.
 */
export async function writeQrVideo(qrPng: Buffer, path: string, frames = 5): Promise<void> {
  const image = PNG.sync.read(qrPng);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 255);
  const left = (WIDTH - QR_SIZE) / 2;
  const top = (HEIGHT - QR_SIZE) / 2;
  for (let y = 0; y < QR_SIZE; y++) {
    for (let x = 0; x < QR_SIZE; x++) {
      // Nearest neighbour keeps module edges sharp, as a focused camera would see them.
      const sx = Math.floor((x * image.width) / QR_SIZE);
      const sy = Math.floor((y * image.height) / QR_SIZE);
      const i = (sy * image.width + sx) * 4;
      const alpha = (image.data[i + 3] ?? 255) / 255;
      const grey =
        0.299 * (image.data[i] ?? 255) +
        0.587 * (image.data[i + 1] ?? 255) +
        0.114 * (image.data[i + 2] ?? 255);
      luma[(top + y) * WIDTH + left + x] = Math.round(grey * alpha + 255 * (1 - alpha));
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F30:1 Ip A1:1 C420jpeg\n`);
  await writeFile(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
