// Live seat availability of one session: GET /api/registrations/sessions/{id}/availability (anonymous), kept current
// by its event stream when it answers, else by polling every 15 s while the page is visible.
import { api } from './api.js';

const POLL_MS = 15000;

/**
 * watchSeats(sessionId, onUpdate(availability|null)) → stop(). onUpdate(null) once when the API is not available
 * (then nothing more happens).
 */
export function watchSeats(sessionId, onUpdate) {
  const base = '/api/registrations/sessions/' + encodeURIComponent(sessionId) + '/availability';
  let stopped = false;
  let timer = null;
  let source = null;
  let lastSequence = -1;

  const deliver = (a) => {
    if (stopped || !a) return;
    if (typeof a.sequence === 'number' && a.sequence < lastSequence) return; // an older answer arriving late
    if (typeof a.sequence === 'number') lastSequence = a.sequence;
    onUpdate(a);
  };

  const poll = async () => {
    clearTimeout(timer);
    if (stopped) return;
    if (document.visibilityState === 'visible') {
      try { deliver(await api(base, { quiet401: true })); } catch { /* keep the last figures; try again */ }
    }
    timer = setTimeout(poll, POLL_MS);
  };

  const onVisible = () => { if (document.visibilityState === 'visible' && !source && !stopped) poll(); };

  const startStream = () => {
    if (!('EventSource' in window)) { timer = setTimeout(poll, POLL_MS); return; }
    let opened = false;
    source = new EventSource(base + '/stream');
    const handle = (ev) => { try { deliver(JSON.parse(ev.data)); } catch { /* not ours */ } };
    source.onmessage = handle;
    source.addEventListener('availability', handle);
    source.onopen = () => { opened = true; };
    source.onerror = () => {
      // Never opened (no stream endpoint): poll instead. Opened then dropped: the browser reconnects by itself,
      // but poll meanwhile so the figures do not go stale.
      if (!opened || source.readyState === EventSource.CLOSED) {
        source.close();
        source = null;
        timer = setTimeout(poll, opened ? 0 : POLL_MS);
      }
    };
  };

  (async () => {
    try {
      deliver(await api(base, { quiet401: true }));
    } catch {
      if (!stopped) onUpdate(null);
      return;
    }
    if (stopped) return;
    startStream();
    document.addEventListener('visibilitychange', onVisible);
  })();

  const refresh = () => { if (!stopped) api(base, { quiet401: true }).then(deliver, () => {}); };
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    if (source) source.close();
    document.removeEventListener('visibilitychange', onVisible);
  };
  return { stop, refresh };
}
