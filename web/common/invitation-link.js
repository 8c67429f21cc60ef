// An invitation link (`<page>#invite=<code>`) on any page: the code leaves the address at once;
// the exchange (invitation-landing.js) loads only then. Why so: docs/design.md, "The landing".
import { newIdempotencyKey } from './api.js';

/** sessionStorage: the code and its attemptId until answered; that another page sent us here. */
export const PENDING_INVITATION = 'supplyline.invitation';
export const LANDED_BY_INVITATION = 'supplyline.invitationLanded';

/**
 * Lands the page from an invitation, if there is one: answers whether it does.
 * @param {import('./invitation-landing.js').LandingPage} page
 */
export function landFromInvitation(page) {
  const code = /^#invite=(.*)$/s.exec(location.hash)?.[1];
  const store = sessionStorage;
  if (code !== undefined) {
    history.replaceState(history.state, '', location.pathname + location.search);
    /** @type {{ code?: string, attemptId?: string }} */
    const was = JSON.parse(store.getItem(PENDING_INVITATION) ?? '{}');
    const attemptId = was.code === code ? was.attemptId : newIdempotencyKey();
    store.setItem(PENDING_INVITATION, JSON.stringify({ code, attemptId }));
  }
  if (store.getItem(PENDING_INVITATION) === null && store.getItem(LANDED_BY_INVITATION) === null)
    return false;
  import('./invitation-landing.js').then((landing) => landing.land(page), page.start);
  return true;
}
