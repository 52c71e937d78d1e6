// The camera and the QR decoder. The browser's own BarcodeDetector where it reads QR codes (Android Chrome, Safari);
// elsewhere (desktop Chromium and Firefox) html5-qrcode from its WebJar, loaded the first time the camera starts on
// this page and nowhere else.

const LIBRARY = '/webjars/html5-qrcode/2.2.1/html5-qrcode.min.js';
let libraryLoading = null;

/** The decoder library as a classic script (it defines window.__Html5QrcodeLibrary__), loaded once. */
function loadLibrary() {
  if (!libraryLoading) {
    libraryLoading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = LIBRARY;
      script.async = true;
      script.onload = () => (window.__Html5QrcodeLibrary__ ? resolve(window.__Html5QrcodeLibrary__)
        : reject(new Error('decoder')));
      script.onerror = () => { libraryLoading = null; script.remove(); reject(new Error('decoder')); };
      document.head.append(script);
    });
  }
  return libraryLoading;
}

/**
 * Gets the decoder ready while the network is there: a door device that loses the network before its camera is
 * first started can still scan (and queue) then. Does nothing where BarcodeDetector reads QR codes.
 */
export async function prepareScanner() {
  if (await nativeDetector()) return;
  loadLibrary().catch(() => { /* startScanner tries again and says so */ });
}

async function nativeDetector() {
  if (!('BarcodeDetector' in window)) return null;
  try {
    const formats = await window.BarcodeDetector.getSupportedFormats();
    return formats.includes('qr_code') ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
  } catch { return null; }
}

/**
 * Starts the camera inside host and calls onCode(text) for every QR code read (the same code many times while it
 * stays in view: the caller debounces). Resolves to { engine, stop() }; rejects with an Error whose name is the
 * camera's (NotAllowedError, NotFoundError…) or 'decoder'.
 */
export async function startScanner(host, onCode) {
  const detector = await nativeDetector();
  if (detector) return startNative(host, detector, onCode);
  return startLibrary(host, onCode);
}

async function startNative(host, detector, onCode) {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.setAttribute('playsinline', '');
  video.setAttribute('aria-hidden', 'true');
  video.srcObject = stream;
  host.replaceChildren(video);
  await video.play();
  let running = true;
  const tick = async () => {
    if (!running) return;
    try {
      if (video.readyState >= 2) {
        const codes = await detector.detect(video);
        if (running && codes.length) onCode(codes[0].rawValue);
      }
    } catch { /* a frame the detector could not read */ }
    if (running) setTimeout(tick, 120);
  };
  tick();
  return {
    engine: 'BarcodeDetector',
    stop() {
      running = false;
      stream.getTracks().forEach((track) => track.stop());
      host.replaceChildren();
    }
  };
}

async function startLibrary(host, onCode) {
  const lib = await loadLibrary();
  const region = document.createElement('div');
  region.id = 'door-reader';
  host.replaceChildren(region);
  const reader = new lib.Html5Qrcode('door-reader', {
    formatsToSupport: [lib.Html5QrcodeSupportedFormats.QR_CODE], verbose: false
  });
  try {
    await reader.start({ facingMode: 'environment' }, { fps: 8, disableFlip: false },
      (text) => onCode(text), () => { /* no code in this frame */ });
  } catch (e) {
    host.replaceChildren();
    // html5-qrcode rejects with a string naming the camera's error
    const error = new Error(String(e));
    error.name = /NotAllowed|Permission/i.test(String(e)) ? 'NotAllowedError'
      : /NotFound|Requested device not found|no camera/i.test(String(e)) ? 'NotFoundError' : 'CameraError';
    throw error;
  }
  const video = region.querySelector('video');
  if (video) video.setAttribute('aria-hidden', 'true');
  return {
    engine: 'html5-qrcode',
    stop() {
      reader.stop().catch(() => { /* already stopped */ }).finally(() => { reader.clear(); host.replaceChildren(); });
    }
  };
}
