// Signing out signs the device off: it syncs, then gives its pool back to the other desks. With
// handovers still waiting (no network), it refuses: the key is what lets them sync.
import { savedKey } from '../common/api.js';
import { $ } from '../common/dom.js';
import { t } from '../common/i18n.js';
import { signOffDevice } from './device-sync.js';
import * as offline from './offline-session.js';
import { forgetPoint } from './point-picker.js';
import { stopScanner } from './scanner-view.js';
import { showSignIn } from './sign-in.js';

export async function signOut() {
  const state = offline.current();
  if (state) {
    // Sends what waits at every pickup point (when online), then gives this point's pool back.
    await offline.tick();
    try {
      await signOffDevice(state.key, state.device);
    } catch {
      // Offline, or a record still waits: checked just below.
    }
    const waiting = await offline.waitingToSync(state.device.keyFingerprint);
    if (waiting > 0) {
      $('status-line').textContent = t('status.signOffBlocked', { count: waiting });
      return;
    }
  }
  stopScanner();
  savedKey.forget('volunteer');
  forgetPoint();
  $('signin-key', HTMLInputElement).value = '';
  showSignIn();
}
