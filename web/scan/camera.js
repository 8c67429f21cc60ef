// Reads QR codes from the phone camera: video frames drawn on a canvas, decoded by jsQR.
// (BarcodeDetector would be lighter, but many browsers, headless Chromium among them, lack it.)

const SCAN_INTERVAL_MS = 150;
const MAX_FRAME_WIDTH = 640;

/** @typedef {NonNullable<Window['jsQR']>} Decoder */

/** @type {Promise<Decoder> | undefined} */
let decoder;

/**
 * jsQR is the largest file of the page: fetched only once a camera is there to use it.
 * @returns {Promise<Decoder>}
 */
function loadDecoder() {
  decoder ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/web/vendor/jsQR.js';
    script.onload = () =>
      window.jsQR ? resolve(window.jsQR) : reject(new Error('the QR decoder did not load'));
    script.onerror = () => {
      decoder = undefined;
      reject(new Error('could not load the QR decoder'));
    };
    document.head.append(script);
  });
  return decoder;
}

/**
 * Starts the back camera in `video` and calls `onCode(text)` for each QR code seen while
 * `active()` says so (repeatedly, while a code stays in view: the caller decides what to ignore).
 * Resolves to a stop function; rejects when there is no camera or no permission.
 * @param {HTMLVideoElement} video
 * @param {(text: string) => void} onCode
 * @param {() => boolean} active
 * @returns {Promise<() => void>}
 */
export async function startCamera(video, onCode, active) {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('no 2D canvas to read camera frames with');
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'environment', width: { ideal: 640 }, height: { ideal: 480 } },
    audio: false,
  });
  const release = () => {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  /** @type {Decoder} */
  let decode;
  try {
    decode = await loadDecoder();
    video.srcObject = stream;
    await video.play();
  } catch (err) {
    // Whatever failed, the camera must not stay on behind a "no camera" message.
    release();
    throw err;
  }

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const scan = () => {
    if (active() && video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
      const scale = Math.min(1, MAX_FRAME_WIDTH / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const frame = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = decode(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
      if (found?.data) onCode(found.data);
    }
    timer = setTimeout(scan, SCAN_INTERVAL_MS);
  };
  scan();

  return () => {
    clearTimeout(timer);
    release();
  };
}
