// The scanning screen: the camera (started once, kept running between vouchers) and the typed
// code. A QR read while a voucher is on screen, or the slip just handed over, is no new scan.
import { $ } from '../common/dom.js';
import { t } from '../common/i18n.js';
import { isQuietSlip, quietFromNow } from './slip-quiet.js';
import { show } from './views.js';
import { check } from './voucher-check.js';
import { leaveVoucher, onScreen } from './voucher-on-screen.js';

/** @typedef {import('../common/i18n.js').MessageKey} MessageKey */

/** @type {(() => void) | undefined} */
let stopCamera;
/** @type {MessageKey} kept to say it again in the other language */
let cameraStatus = 'scan.cameraStarting';

export async function showScanner() {
  leaveVoucher();
  // Back at the camera, the last slip handed over is still in front of it: not a new scan.
  quietFromNow();
  $('code', HTMLInputElement).value = '';
  show('scan');
  if (stopCamera) return;
  setCameraStatus('scan.cameraStarting');
  try {
    // Loaded with the first scanning screen, not with the page: a phone that opens /scan signed
    // out (or from an invitation) fetches it only once there is a camera to start. The offline
    // install precaches it like every other module.
    const { startCamera } = await import('./camera.js');
    stopCamera = await startCamera($('video', HTMLVideoElement), onScanned, () => onScreen() === undefined);
    setCameraStatus('scan.cameraReady');
  } catch {
    $('video').hidden = true;
    setCameraStatus('scan.cameraUnavailable');
  }
}

/** Signing out: the camera goes off, and starts again at the next sign-in. */
export function stopScanner() {
  stopCamera?.();
  stopCamera = undefined;
}

/** The camera's status again, in the language just chosen. */
export function sayCameraStatusAgain() {
  $('camera-status').textContent = t(cameraStatus);
}

/** @param {MessageKey} key */
function setCameraStatus(key) {
  cameraStatus = key;
  $('camera-status').textContent = t(key);
}

/** @param {string} text */
function onScanned(text) {
  if (isQuietSlip(text)) return;
  if (onScreen() === undefined && !$('view-scan').hidden) check({ token: text });
}
