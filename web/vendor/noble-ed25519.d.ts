// Served as /web/vendor/noble-ed25519.js from the installed package (web/serve/web-files.ts);
// this file gives the browser check the package's own types for it.
export * from '@noble/ed25519';
