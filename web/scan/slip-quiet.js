// The slip just handed over stays in front of the camera: the same QR text, seen again right
// after its handover, is that slip still in view, not a new scan. It is ignored for a while.

/** Ignored this long after the handover, and again after each time it is seen. */
const SAME_CODE_QUIET_MS = 4_000;

/** @type {{ text: string, until: number } | undefined} */
let quiet;

/**
 * After a handover: the QR text of its slip goes quiet.
 * @param {string} text
 */
export function quietAfterHandover(text) {
  quiet = { text, until: Date.now() + SAME_CODE_QUIET_MS };
}

/** Back at the camera, the last slip handed over is still in front of it: quiet from now. */
export function quietFromNow() {
  if (quiet) quiet.until = Date.now() + SAME_CODE_QUIET_MS;
}

/**
 * Whether `text` is the slip just handed over, still in view; if so, quiet for as long as it
 * stays there.
 * @param {string} text
 */
export function isQuietSlip(text) {
  if (quiet && quiet.text === text && Date.now() < quiet.until) {
    quiet.until = Date.now() + SAME_CODE_QUIET_MS;
    return true;
  }
  return false;
}
