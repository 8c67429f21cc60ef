import type { Content } from './asset-cache.js';
import { readWebFile, type WebFile } from './web-files.js';

/**
 * The pages. Each is the one shell (web/common/shell.html: head, style sheets, script) around
 * the page's own body (web/<page>/<page>.html), whose `{{signin}}` is the shared sign-in form.
 */
export const pages = {
  scan: {
    path: '/scan',
    body: 'scan/scan.html',
    title: 'Hand out',
    // Installable, and loads offline once its service worker has the files (/scan-sw.js).
    head: '\n  <link rel="manifest" href="/web/scan/scan.webmanifest">\n  <meta name="theme-color" content="#0b5cad">',
    signIn: { role: 'volunteer', keyLabel: 'Volunteer key' },
    summary: 'Volunteer scanner page (HTML)',
    description:
      'Scan or type a voucher, see what to hand over, confirm the handover. Signs in with a volunteer key.',
  },
  dashboard: {
    path: '/dashboard',
    body: 'dashboard/dashboard.html',
    title: 'Stock',
    head: '',
    signIn: { role: 'logistics', keyLabel: 'Logistics key' },
    summary: 'Logistics dashboard page (HTML)',
    description:
      'Stock per shelter and item, stock over time, recent movements, vouchers today. Signs in with a logistics key.',
  },
  desk: {
    path: '/desk',
    body: 'desk/desk.html',
    title: 'Logistics desk',
    // The forms' look, shared with every page that writes through web/common/form.js.
    head: '\n  <link rel="stylesheet" href="/web/common/form.css">',
    signIn: { role: 'desk', keyLabel: 'Logistics or admin key' },
    summary: 'Logistics desk page: the logistics lead’s working page (HTML)',
    description:
      'Beside the read-only /dashboard, the page where a logistics lead works: the offline conflicts at their shelter, each with what the phone recorded and what the server had, resolved as goods handed out or not. Sections are addressed by fragment (/desk#conflicts). Signs in with a logistics or admin key.',
  },
  coordinator: {
    path: '/coordinator',
    body: 'coordinator/coordinator.html',
    title: 'Rounds',
    head: '',
    signIn: { role: 'coordinator', keyLabel: 'Coordinator key' },
    summary: 'Coordinator page for distribution rounds (HTML)',
    description:
      'Create a round from rule templates, upload a household CSV, see the forecast, issue, print the slips (A4, eight a sheet) and follow the reconciliation. Signs in with a coordinator key.',
  },
  admin: {
    path: '/admin',
    body: 'admin/admin.html',
    title: 'Administration',
    head: '',
    signIn: { role: 'admin', keyLabel: 'Admin or coordinator key' },
    summary: 'Admin page: organisations, people, partner keys, shelters, items, devices, webhooks (HTML)',
    description:
      'One page for the platform’s set-up, on a phone or a laptop, in English and Khmer. An admin key sees every section; a coordinator key sees its own volunteers, devices and webhooks.',
  },
} as const;

export type PageName = keyof typeof pages;

/** `{{name}}` filled from `values`; a name without a value is a mistake in our files, never a blank. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`The template names {{${name}}}, which has no value.`);
    return value;
  });
}

const text = async (path: WebFile) => new TextDecoder().decode((await readWebFile(path)).body);

/** The page as sent: shell, body and sign-in form filled in. */
export async function pageHtml(name: PageName): Promise<Content> {
  const page = pages[name];
  const [shell, body, signIn] = await Promise.all([
    text('common/shell.html'),
    text(page.body),
    text('common/signin.html'),
  ]);
  const html = fillTemplate(shell, {
    title: page.title,
    head: page.head,
    page: name,
    body: fillTemplate(body, { signin: fillTemplate(signIn, page.signIn) }),
  });
  return { body: new TextEncoder().encode(html), contentType: 'text/html; charset=utf-8' };
}
