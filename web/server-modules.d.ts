// The pages take their API types from the server's own files (web/common/api-types.d.ts), and
// some of those files use Node's crypto for what the browser never runs. The browser check has no
// Node types on purpose (a page must not reach for `process` or `Buffer`), so these are opaque here.
declare module 'node:crypto';
