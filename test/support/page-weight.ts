/**
 * What a page costs a phone the first time it is opened with an empty cache: the page, its style
 * sheets, icon and manifest, and every module its scripts import statically, gzipped as the server
 * sends them. Modules imported with `import()` and scripts added at run time load on first use
 * (the QR decoder when the camera starts, @noble/ed25519 on a browser without Ed25519), so they
 * are not part of the first load. The service worker's precache is the offline install, measured
 * apart (bench/page-weight.ts).
 */

/** Issue 22: /scan's first load at most 60 KB gzipped, every other page at most 150 KB. */
export const PAGE_BUDGETS = {
  '/scan': 60_000,
  '/dashboard': 150_000,
  '/desk': 150_000,
  '/coordinator': 150_000,
  '/admin': 150_000,
  '/docs': 150_000,
} as const;

export type BudgetedPage = keyof typeof PAGE_BUDGETS;

export interface FirstLoad {
  page: string;
  /** Each file with its gzipped body's bytes, in the order found. */
  files: Array<{ url: string; gzipBytes: number }>;
  gzipBytes: number;
}

/** Fetches a URL gzipped: the body's bytes as sent, and its text once decoded. */
export type GzipFetch = (url: string) => Promise<{ status: number; gzipBytes: number; text: string }>;

/** The files an HTML page names: style sheets, icons, the manifest, scripts. */
function linkedFrom(html: string): string[] {
  const links = [...html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*>/g)].map((m) => m[1] ?? '');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((m) => m[1] ?? '');
  return [...links, ...scripts];
}

/** The modules a script imports statically (`import x from`, `import '...'`, `export ... from`). */
function importedBy(source: string): string[] {
  const statements = source.matchAll(/^import\s*'([^']+)'|^(?:import|export)\b[^'";]*?\bfrom\s*'([^']+)'/gm);
  return [...statements].map((m) => m[1] ?? m[2] ?? '');
}

export async function firstLoadOf(page: string, fetchGzip: GzipFetch): Promise<FirstLoad> {
  const files: FirstLoad['files'] = [];
  const seen = new Set<string>();
  const queue = [page];
  while (queue.length > 0) {
    const url = queue.shift() ?? '';
    if (seen.has(url)) continue;
    seen.add(url);
    const answer = await fetchGzip(url);
    if (answer.status !== 200) throw new Error(`${page} needs ${url}, answered ${answer.status}`);
    files.push({ url, gzipBytes: answer.gzipBytes });
    const found = url === page ? linkedFrom(answer.text) : url.endsWith('.js') ? importedBy(answer.text) : [];
    for (const next of found) queue.push(new URL(next, `http://page${url}`).pathname);
  }
  return { page, files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}
