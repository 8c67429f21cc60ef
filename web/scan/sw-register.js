// The service worker that lets /scan load with no network (web/scan/service-worker.js, served at
// /scan-sw.js). Registering is all the page does: the worker precaches the scanner's files itself.

export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/scan-sw.js', { scope: '/scan' }).catch((err) => {
    // The scanner still works online; it only cannot start offline on this phone.
    console.warn('service worker not registered', err);
  });
}
