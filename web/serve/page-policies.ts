/**
 * The pages talk to this origin only. No inline script or style: everything comes from our own
 * files, so an injected tag cannot run. The camera needs no CSP entry (a MediaStream is not a URL).
 */
export const pageCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  // The scanner's web app manifest (its service worker falls under script-src).
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The scanner needs the camera; nothing needs the microphone, location or payment. */
export const permissionsPolicy = 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()';

export const pageHeaders = { 'content-security-policy': pageCsp, 'permissions-policy': permissionsPolicy };
