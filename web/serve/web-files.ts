import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFolderOf } from '../../shared/config/bundle-folder.js';

/**
 * Every file the browser is sent, by its path below `web/` in the repository and below `/web/` in
 * a URL: ours are hand-written HTML, CSS and JS modules (no build step, so the Lambda bundle serves
 * the very files we test); `vendor/` holds other packages' files (jsQR, idb, @noble/ed25519), never a CDN's.
 * The `.html` files are templates: the page routes fill them, `/web/` never sends them as they are.
 */
const ours = [
  'common/shell.html',
  'common/signin.html',
  'common/app.css',
  'common/api.js',
  'common/dom.js',
  'common/i18n.js',
  'common/icon.svg',
  'common/elements.js',
  'common/form.js',
  'common/form.css',
  'common/form-messages.js',
  'common/invitation-link.js',
  'common/invitation-landing.js',
  'common/invitation-screen.js',
  'common/invitation-messages.js',
  'common/invitation.css',
  'scan/scan.html',
  'scan/scan.css',
  'scan/scan.js',
  'scan/scan-session.js',
  'scan/views.js',
  'scan/sign-in.js',
  'scan/handovers-waiting.js',
  'scan/sign-out.js',
  'scan/point-picker.js',
  'scan/scanner-view.js',
  'scan/slip-quiet.js',
  'scan/handed-here.js',
  'scan/voucher-on-screen.js',
  'scan/voucher-check.js',
  'scan/voucher-handover.js',
  'scan/after-sync.js',
  'scan/scan.webmanifest',
  'scan/camera.js',
  'scan/redeem.js',
  'scan/outcome.js',
  'scan/voucher-screen.js',
  'scan/sw-register.js',
  'scan/service-worker.js',
  'scan/voucher-token.js',
  'scan/record-hmac.js',
  'scan/offline-store.js',
  'scan/own-handovers.js',
  'scan/offline-check.js',
  'scan/offline-handover.js',
  'scan/offline-session.js',
  'scan/device-sync.js',
  'scan/pool-status.js',
  'dashboard/dashboard.html',
  'dashboard/dashboard.css',
  'dashboard/dashboard.js',
  'dashboard/dashboard-messages.js',
  'dashboard/stock-table.js',
  'dashboard/stock-chart.js',
  'desk/desk.html',
  'desk/desk.css',
  'desk/desk.js',
  'desk/desk-messages.js',
  'desk/names.js',
  'desk/sections.js',
  'desk/section-conflicts.js',
  'desk/conflicts-messages.js',
  'desk/section-count.js',
  'desk/count-messages.js',
  'desk/count-draft.js',
  'desk/print.js',
  'desk/section-receive.js',
  'desk/receive-messages.js',
  'desk/section-thresholds.js',
  'desk/thresholds-messages.js',
  'desk/read-number.js',
  'desk/section-transfer.js',
  'desk/transfer-messages.js',
  'desk/transfer-dispatch.js',
  'desk/transfer-receive.js',
  'desk/transfer-waybill.js',
  'desk/section-plan.js',
  'desk/plan-messages.js',
  'coordinator/coordinator.html',
  'coordinator/coordinator.css',
  'coordinator/coordinator.js',
  'coordinator/coordinator-messages.js',
  'coordinator/rule-templates.js',
  'coordinator/round-tables.js',
  'coordinator/round-form.js',
  'coordinator/round-list.js',
  'coordinator/issue-check.js',
  'coordinator/error-summary.js',
  'coordinator/page-state.js',
  'coordinator/round-view.js',
  'coordinator/round-actions.js',
  'coordinator/slip-sheet.js',
  'admin/admin.html',
  'admin/admin.css',
  'admin/admin.js',
  'admin/admin-i18n.js',
  'admin/ui.js',
  'admin/form.js',
  'admin/secret.js',
  'admin/organisations.js',
  'admin/words.js',
  'admin/people.js',
  'admin/person-fields.js',
  'admin/person-add.js',
  'admin/person-invite.js',
  'admin/person-detail.js',
  'admin/person-edit.js',
  'admin/api-keys.js',
  'admin/shelters.js',
  'admin/items.js',
  'admin/devices.js',
  'admin/webhooks.js',
  'docs/docs.html',
  'docs/docs.css',
  'slips/slip.css',
] as const;

/**
 * Rules the browser shares with the server (docs/design.md, "Rules the browser shares with the
 * server"): plain ES modules with JSDoc types, no dependencies, imported by the server's
 * TypeScript and sent to the browser as they are. They are served at their repository path,
 * `/shared/rules/<name>`, so that a page imports one by the same relative path
 * (`../../shared/rules/short-code.js`) that tsc, Node and the browser all resolve: one file, no
 * copy, no build step.
 */
const sharedRules = [
  'shared/rules/crockford.js',
  'shared/rules/short-code.js',
  'shared/rules/voucher-token.js',
  'shared/rules/offline-record.js',
  'shared/rules/voucher-rules.js',
  'shared/rules/problem-type.js',
  'shared/rules/waybill.js',
  'shared/rules/alert-levels.js',
  'shared/rules/gtin.js',
  'shared/rules/scanned-code.js',
  'shared/rules/item-label.js',
  'shared/rules/packs.js',
] as const;

/** Where each installed package keeps the file we serve as `vendor/<name>`. */
const vendored = {
  'vendor/jsQR.js': 'jsqr/dist/jsQR.js',
  // IndexedDB through promises (the outbox, the pack): one ES module, no imports of its own.
  'vendor/idb.js': 'idb/build/index.js',
  // Ed25519 for browsers whose WebCrypto lacks it: loaded only there (web/scan/voucher-token.js).
  'vendor/noble-ed25519.js': '@noble/ed25519/index.js',
} as const;

export type OurFile = (typeof ours)[number];
export type SharedRule = (typeof sharedRules)[number];
export type WebFile = OurFile | SharedRule | keyof typeof vendored;

export const ourFiles: readonly OurFile[] = ours;
export const sharedRuleFiles: readonly SharedRule[] = sharedRules;
export const webFiles: readonly WebFile[] = [
  ...ours,
  ...sharedRules,
  ...(Object.keys(vendored) as Array<keyof typeof vendored>),
];

const known = new Set<string>(webFiles);
const rules = new Set<string>(sharedRules);

export function isWebFile(path: string): path is WebFile {
  return known.has(path);
}

export function isSharedRule(path: string): path is SharedRule {
  return rules.has(path);
}

/** Where the browser asks for a file: `/web/<path>`, or a shared rule at its repository path. */
export function urlOf(path: WebFile): string {
  return isSharedRule(path) ? `/${path}` : `/web/${path}`;
}

const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, '..', '..');

/** Where the repository (or the installed package) has the file: what a bundle copies. */
export function sourceOf(path: WebFile): string {
  if (Object.hasOwn(vendored, path)) {
    return createRequire(import.meta.url).resolve(vendored[path as keyof typeof vendored]);
  }
  if (isSharedRule(path)) return join(repository, path);
  return join(repository, 'web', path);
}

/**
 * The folder beside a bundle that holds every file under its path here (scripts/build-function.ts):
 * `scan/scan.js`, `shared/rules/short-code.js` (web/ has no `shared` folder, so none collide).
 */
export const BUNDLED_FOLDER = 'web-assets';

/**
 * Where a file is read from, first match wins:
 * 1. `WEB_ASSET_DIR`: a folder laid out like `web-assets/` (a deployment may copy them there);
 * 2. the `web-assets/` folder beside the running module: the Lambda bundle;
 * 3. the repository, or the installed package for `vendor/` files.
 */
function locate(path: WebFile): string {
  const configured = process.env.WEB_ASSET_DIR;
  if (configured !== undefined && configured !== '') return join(configured, path);
  const besideModule = join(bundleFolderOf(import.meta.url), BUNDLED_FOLDER);
  if (existsSync(besideModule)) return join(besideModule, path);
  return sourceOf(path);
}

const contentTypes: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  png: 'image/png',
  svg: 'image/svg+xml',
  webmanifest: 'application/manifest+json',
};

export async function readWebFile(path: WebFile): Promise<{ body: Uint8Array; contentType: string }> {
  const extension = path.slice(path.lastIndexOf('.') + 1);
  const contentType = contentTypes[extension] ?? 'application/octet-stream';
  return { body: new Uint8Array(await readFile(locate(path))), contentType };
}
