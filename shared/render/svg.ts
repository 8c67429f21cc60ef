/**
 * What the printable SVGs (item labels, waybills) share: text made safe for XML, text cut to fit
 * a line, and a QR code placed as a nested `<svg>` at a position and size in millimetres.
 */

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function xml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => xmlEntities[c] ?? c);
}

/** At most `max` characters (whole grapheme clusters, so Khmer is never cut inside a syllable). */
export function clip(text: string, max: number): string {
  const clusters = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)];
  if (clusters.length <= max) return text;
  return `${clusters
    .slice(0, max - 1)
    .map((c) => c.segment)
    .join('')}…`;
}

/** Text broken at spaces into at most `lines` lines of `width` characters, the last cut if need be. */
export function wrap(content: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of content.split(/\s+/)) {
    if (current !== '' && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') out.push(current);
  if (out.length <= lines) return out.map((line) => clip(line, width));
  return [...out.slice(0, lines - 1), clip(out.slice(lines - 1).join(' '), width)];
}

/** A QR code made by voucher-qr.ts's qrSvg, placed at (x, y) as a square of `size`. */
export function placeQr(qr: string, x: number, y: number, size: number): string {
  return qr.trim().replace(/^<svg/, `<svg x="${x}" y="${y}" width="${size}" height="${size}"`);
}

/**
 * Fonts as presentation attributes, not a `<style>` element: a page that puts the SVG inline under
 * its Content-Security-Policy keeps them (a CSP without 'unsafe-inline' drops a `<style>`). Khmer
 * needs a Khmer font on the printing machine: the same list as the voucher slips.
 */
export const fonts = {
  text: 'font-family="Noto Sans, Noto Sans Khmer, Khmer OS, Khmer OS System, Arial, sans-serif"',
  khmer: 'font-family="Noto Sans Khmer, Khmer OS, Khmer OS System, sans-serif" lang="km"',
  mono: 'font-family="DejaVu Sans Mono, Menlo, Consolas, monospace"',
} as const;

/** One line of text at (x, y), `size` mm high; `attributes` add a font, a weight, an anchor. */
export function text(x: number, y: number, size: number, content: string, attributes = ''): string {
  return `<text x="${x}" y="${y}" font-size="${size}"${attributes === '' ? '' : ` ${attributes}`}>${xml(content)}</text>`;
}

/** An A4 page or a label, in millimetres, printing at its real size. */
export function svgDocument(width: number, height: number, title: string, body: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}mm" height="${height}mm" viewBox="0 0 ${width} ${height}" role="img" lang="en">`,
    `<title>${xml(title)}</title>`,
    `<g ${fonts.text} fill="#000">`,
    body,
    '</g>',
    '</svg>',
  ].join('\n');
}
