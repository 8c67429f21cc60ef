// Served as /web/vendor/idb.js from the installed package (web/serve/web-files.ts); this file
// gives the browser check the package's own types for it.
export * from 'idb';
