import jsQR from 'jsqr';

/**
 * Reads the QR codes drawn in an SVG as a camera would: each code (a nested `<svg>` whose path
 * draws dark modules as horizontal runs, as the qrcode package writes them) rasterised to pixels,
 * then decoded by jsQR. Nothing is taken from the markup but the drawing itself.
 */
export function decodeSvgQrCodes(svg: string): string[] {
  const codes = [
    ...svg.matchAll(/<svg[^>]*viewBox="0 0 (\d+) (\d+)"[^>]*>.*?<path stroke="#000000" d="([^"]+)"/gs),
  ];
  return codes.map(([, width, , path]) => {
    const decoded = decodeModules(rasterise(Number(width), path as string));
    if (decoded === undefined) throw new Error('a QR code in the SVG does not decode');
    return decoded;
  });
}

const SCALE = 4;

/** The modules a path like `M2 2.5h7m3 0h1M2 3.5h1` draws, as a size x size grid of dark cells. */
function rasterise(size: number, path: string): boolean[][] {
  const grid = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, command, args] of path.matchAll(/([MmHh])([^MmHh]*)/g)) {
    const numbers = (args as string)
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    if (command === 'M') [x, y] = numbers as [number, number];
    else if (command === 'm') {
      x += numbers[0] as number;
      y += numbers[1] as number;
    } else {
      const length = numbers[0] as number;
      const row = grid[Math.floor(y)] as boolean[];
      for (let i = 0; i < length; i++) row[x + i] = true;
      x += length;
    }
  }
  return grid;
}

function decodeModules(grid: boolean[][]): string | undefined {
  const size = grid.length * SCALE;
  const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
  for (const [y, row] of grid.entries()) {
    for (const [x, dark] of row.entries()) {
      if (!dark) continue;
      for (let dy = 0; dy < SCALE; dy++) {
        for (let dx = 0; dx < SCALE; dx++) {
          const offset = ((y * SCALE + dy) * size + x * SCALE + dx) * 4;
          pixels.fill(0, offset, offset + 3);
        }
      }
    }
  }
  return jsQR.default(pixels, size, size)?.data;
}
