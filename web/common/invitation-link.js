// An invitation link (`<page>#invite=<code>`): its code leaves the address at once, and the
// exchange (invitation-landing.js) loads only then. See docs/design.md.
import { newIdempotencyKey } from './api.js';

/** sessionStorage: the code and its attemptId until answered; "another page sent us here". */
export const PENDING_INVITATION = 'supplyline.invitation';
export const LANDED_BY_INVITATION = 'supplyline.invitationLanded';

/** The code from the address to this tab's sessionStorage: whether there was one. */
function take() {
  const code = /^#invite=(.*)$/s.exec(location.hash)?.[1];
  if (code === undefined) return false;
  history.replaceState(history.state, '', location.pathname + location.search);
  /** @type {{ code?: string, attemptId?: string }} */
  const was = JSON.parse(sessionStorage.getItem(PENDING_INVITATION) ?? '{}');
  const attemptId = was.code === code ? was.attemptId : newIdempotencyKey();
  sessionStorage.setItem(PENDING_INVITATION, JSON.stringify({ code, attemptId }));
  return true;
}

/**
 * Lands the page from an invitation, if any: whether it does. A link opened in a tab already on
 * its page changes the fragment only: the page starts again.
 * @param {import('./invitation-landing.js').LandingPage} page
 */
export function landFromInvitation(page) {
  addEventListener('hashchange', () => take() && location.reload());
  take();
  const store = sessionStorage;
  if (store.getItem(PENDING_INVITATION) === null && store.getItem(LANDED_BY_INVITATION) === null)
    return false;
  import('./invitation-landing.js').then((landing) => landing.land(page), page.start);
  return true;
}
