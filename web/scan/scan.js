// The volunteer scanner: sign in, pick a pickup point, scan or type a voucher, hand over, confirm.
// It shows only what to hand over: the API never sends a volunteer any beneficiary data.
// This file wires the page's controls to the modules that do each part, and starts it.
import { savedKey } from '../common/api.js';
import { $ } from '../common/dom.js';
import { setupLanguageToggle } from '../common/i18n.js';
import { landFromInvitation } from '../common/invitation-link.js';
import { showSyncOutcomes } from './after-sync.js';
import * as offline from './offline-session.js';
import { chosenPoint, showPointPicker, usePoint } from './point-picker.js';
import { currentSession } from './scan-session.js';
import { sayCameraStatusAgain, showScanner } from './scanner-view.js';
import { failSignIn, showSignIn, signedOutByServer, signIn } from './sign-in.js';
import { signOut } from './sign-out.js';
import { registerServiceWorker } from './sw-register.js';
import { check } from './voucher-check.js';
import { handOver } from './voucher-handover.js';
import { onKeyRejected, render } from './voucher-on-screen.js';

function wire() {
  setupLanguageToggle($('lang'), () => {
    render();
    if (currentSession()) sayCameraStatusAgain();
    void offline.renderStatus();
  });
  offline.onSettled((settled) => void showSyncOutcomes(settled));
  onKeyRejected(signedOutByServer);
  offline.onKeyRefused(signedOutByServer);
  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn($('signin-key', HTMLInputElement).value.trim()).catch(failSignIn);
  });
  $('point-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const session = currentSession();
    const point = chosenPoint();
    if (session && point) usePoint(session, point);
  });
  $('code-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const code = $('code', HTMLInputElement).value.trim();
    if (code) check({ code });
  });
  $('handover').addEventListener('click', handOver);
  $('next').addEventListener('click', showScanner);
  $('point-change').addEventListener('click', showPointPicker);
  $('sign-out').addEventListener('click', () => void signOut());
}

function start() {
  const remembered = savedKey.get('volunteer');
  if (remembered) signIn(remembered).catch((err) => failSignIn(err, 'kept'));
  else showSignIn();
}

wire();
registerServiceWorker();
if (
  !landFromInvitation({
    keyName: 'volunteer',
    signIn: (key) => signIn(key, { onlyPoint: true }).catch((err) => failSignIn(err, 'kept')),
    start,
    handoversWaiting: () => import('./handovers-waiting.js').then((m) => m.handoversWaiting()),
  })
)
  start();
