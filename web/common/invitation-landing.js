// The exchange an invitation link starts (loaded by invitation-link.js only when there is one):
// the code is sent once, with the attemptId made for it, to POST /v1/invitations/accept; the key
// that comes back is kept where the person's page keeps its key (never shown), and the page of
// the person's role signs in with it. A retry, by the button, by the network coming back or by a
// reload, sends the very same body: if the first answer was lost, the server gives the key after
// all (the attemptId rule of the route) rather than "used".
import './invitation-messages.js';
import { ApiError, apiCall, NetworkError, savedKey } from './api.js';
import { LANDED_BY_INVITATION, PENDING_INVITATION } from './invitation-link.js';
import { invitationScreen } from './invitation-screen.js';

/** @typedef {import('./api.js').KeyName} KeyName */
/** @typedef {import('./api-contract.js').Schema<'LandingPage'>} LandingPath */
/**
 * What a page gives its landing: where its key is kept, how it signs in with a key and how it
 * starts without one (its sign-in, or the key it keeps); on /scan, how many handovers of the
 * volunteer signed in here still wait to sync (a new key must not strand them).
 * @typedef {{
 *   keyName: KeyName,
 *   signIn: (key: string) => void,
 *   start: () => void,
 *   handoversWaiting?: () => Promise<number>,
 * }} LandingPage
 */
/** @typedef {import('./invitation-screen.js').Outcome} Outcome */
/** @typedef {{ code: string, attemptId: string }} Pending */

/**
 * Where each landing page keeps its key (the key name it has always used). /dashboard lands too
 * (a link made when it was the logistics lead's page), under the desk's key name.
 * @type {Record<LandingPath, KeyName>}
 */
const KEY_OF_PAGE = {
  '/scan': 'volunteer',
  '/desk': 'logistics',
  '/coordinator': 'coordinator',
  '/admin': 'admin',
};

/** @returns {Pending | undefined} */
function pending() {
  const stored = sessionStorage.getItem(PENDING_INVITATION);
  return stored === null ? undefined : JSON.parse(stored);
}

/**
 * What the new key is called in the person's list of keys, so that whoever manages them can tell
 * the lost phone from the laptop: "Chrome on Android". Nothing that names the person.
 */
export function deviceLabel(userAgent = navigator.userAgent) {
  const system = [
    [/Android/, 'Android'],
    [/iPhone|iPad|iPod/, 'iPhone or iPad'],
    [/CrOS/, 'ChromeOS'],
    [/Windows/, 'Windows'],
    [/Mac OS X/, 'Mac'],
    [/Linux/, 'Linux'],
  ].find(([pattern]) => /** @type {RegExp} */ (pattern).test(userAgent))?.[1];
  const browser = [
    [/Edg\//, 'Edge'],
    [/SamsungBrowser\//, 'Samsung Internet'],
    [/Firefox\/|FxiOS\//, 'Firefox'],
    [/Chrome\/|CriOS\//, 'Chrome'],
    [/Safari\//, 'Safari'],
  ].find(([pattern]) => /** @type {RegExp} */ (pattern).test(userAgent))?.[1];
  if (browser === undefined && system === undefined) return undefined;
  return `${browser ?? 'A browser'}${system === undefined ? '' : ` on ${system}`}`;
}

/**
 * Why no key came, as the screen says it. A refusal of the code itself is final (the code is
 * forgotten); the network, a busy server or a rate limit leave it to try again.
 * @param {unknown} err
 * @returns {Outcome}
 */
export function outcomeOf(err) {
  if (err instanceof NetworkError) return { kind: 'offline' };
  if (!(err instanceof ApiError)) return { kind: 'busy' };
  const invitedBy = /** @type {Outcome['invitedBy']} */ (err.problem.invitedBy);
  switch (err.code) {
    case 'invitation-used':
      return { kind: 'used', at: err.member('usedAt'), invitedBy };
    case 'invitation-expired':
      return { kind: 'expired', at: err.member('expiredAt'), invitedBy };
    case 'invitation-revoked':
      return { kind: 'revoked', invitedBy };
    case 'invitation-invalid':
    case 'validation':
      return { kind: 'invalid' };
    case 'rate-limited':
      return { kind: 'rate-limited', until: Date.now() + (err.retryAfterSeconds ?? 60) * 1000 };
    default:
      // 503, a proxy's 502, the person changed while the key was made (409 conflict): again.
      return { kind: 'busy' };
  }
}

/** @param {Outcome} outcome */
const isFinal = (outcome) => ['used', 'expired', 'revoked', 'invalid'].includes(outcome.kind);

/**
 * Lands the page from its invitation (see invitation-link.js for when).
 * @param {LandingPage} page
 */
export async function land(page) {
  const invitation = pending();
  if (invitation === undefined) {
    // Another page exchanged the code and sent the person here, their key kept under this page's name.
    sessionStorage.removeItem(LANDED_BY_INVITATION);
    const key = savedKey.get(page.keyName);
    return key === null ? page.start() : page.signIn(key);
  }
  sessionStorage.removeItem(LANDED_BY_INVITATION);
  const { code, attemptId } = invitation;
  let busy = false;
  const screen = invitationScreen({
    onRetry: () => void exchange(),
    onLeave: () => {
      window.removeEventListener('online', onOnline);
      sessionStorage.removeItem(PENDING_INVITATION);
      screen.remove();
      page.start();
    },
    signedInHere: () => savedKey.get(page.keyName) !== null,
  });
  const onOnline = () => void exchange();

  const waiting = (await page.handoversWaiting?.().catch(() => 0)) ?? 0;
  if (waiting > 0) {
    // A new key here would leave these handovers unsent: their volunteer's key sends them.
    sessionStorage.removeItem(PENDING_INVITATION);
    return screen.show({ kind: 'handovers-waiting', count: waiting });
  }

  async function exchange() {
    if (busy) return;
    busy = true;
    screen.show({ kind: 'exchanging' });
    try {
      const accepted = await apiCall('', 'POST', '/v1/invitations/accept', {
        body: { code, attemptId, label: deviceLabel() },
      });
      // The key first, then the code forgotten: cut off in between, a reload retries the same
      // attempt and the server gives a fresh key in place of this one.
      const keyName = KEY_OF_PAGE[accepted.page];
      savedKey.set(keyName, accepted.apiKey);
      sessionStorage.removeItem(PENDING_INVITATION);
      window.removeEventListener('online', onOnline);
      if (keyName !== page.keyName) {
        // The person's role has another page (their role changed since the link was made).
        sessionStorage.setItem(LANDED_BY_INVITATION, accepted.page);
        location.replace(accepted.page);
        return;
      }
      screen.remove();
      page.signIn(accepted.apiKey);
    } catch (err) {
      const outcome = outcomeOf(err);
      if (isFinal(outcome)) {
        sessionStorage.removeItem(PENDING_INVITATION);
        window.removeEventListener('online', onOnline);
      }
      screen.show(outcome);
    } finally {
      busy = false;
    }
  }

  window.addEventListener('online', onOnline);
  await exchange();
}
