// Asked by the invitation landing before it exchanges a code on this phone (loaded only then): a
// new key here would leave the handovers of the volunteer signed in here unsent, since only
// their key sends them.
import { savedKey } from '../common/api.js';
import { keyFingerprint, offlineCapable } from './device-sync.js';
import { waitingToSync } from './offline-session.js';

/** Handovers of the volunteer whose key this phone keeps that still wait to sync. */
export async function handoversWaiting() {
  const key = savedKey.get('volunteer');
  return key && offlineCapable() ? waitingToSync(await keyFingerprint(key)) : 0;
}
