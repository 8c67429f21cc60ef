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
  /** The Swagger UI instance /docs starts (web/docs/init.js). */
  ui?: unknown;
}

/** Swagger UI's entry point, a global of web/vendor/swagger-ui-bundle.js. */
declare function SwaggerUIBundle(options: Record<string, unknown>): unknown;
