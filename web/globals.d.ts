// What the pages find on `window` from the vendor scripts they load (web/vendor/*), typed as used.

interface JsQrCode {
  data: string;
}

interface Window {
  /** jsQR, loaded by web/scan/camera.js on first use of the camera. */
  jsQR?: (
    data: Uint8ClampedArray,
    width: number,
    height: number,
    options?: { inversionAttempts?: 'dontInvert' | 'onlyInvert' | 'attemptBoth' | 'invertFirst' },
  ) => JsQrCode | null;
}

/** Written in front of web/scan/service-worker.js by the server: what to precache, and its version. */
declare const SCAN_PRECACHE: { version: string; urls: string[] };

/**
 * The few parts of a service worker's global scope that web/scan/service-worker.js uses (the
 * WebWorker library cannot be loaded beside the DOM's in one check).
 */
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface ServiceWorkerScope {
  location: Location;
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
}
