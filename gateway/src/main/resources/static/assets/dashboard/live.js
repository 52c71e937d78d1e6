// The analytics event stream (GET /api/analytics/stream?editionId=…, Server-Sent Events through the gateway). With
// the gateway's session the cookie goes along and the gateway relays the user's token; with a dev token (local
// profile without a provider) the token rides in ?access_token=, the one path that accepts it.
//
// EventSource retries by itself after a dropped connection (the server asks for 3 s); after an answer that is not a
// stream (401, 503) it gives up, so this module opens a new one with a growing pause, and asks first whether the
// sign-in is still there. Each (re)connection starts with the current figures, so nothing is missed.

/**
 * openLive({url, onSession, onEdition, onState, stillSignedIn}) → stop().
 * onState('connecting' | 'live' | 'reconnecting' | 'signed-out').
 */
export function openLive({ url, onSession, onEdition, onState, stillSignedIn }) {
  let source = null;
  let stopped = false;
  let timer = null;
  let pause = 1000;

  const connect = () => {
    if (stopped) return;
    source = new EventSource(url());
    source.addEventListener('open', () => { pause = 1000; onState('live'); });
    source.addEventListener('session-stats', (e) => onSession(JSON.parse(e.data)));
    source.addEventListener('edition-summary', (e) => onEdition(JSON.parse(e.data)));
    source.addEventListener('error', async () => {
      if (stopped) return;
      onState('reconnecting');
      if (source.readyState !== EventSource.CLOSED) return; // the browser reconnects by itself
      source.close();
      if (!(await stillSignedIn())) { onState('signed-out'); return; }
      timer = setTimeout(connect, pause);
      pause = Math.min(pause * 2, 30_000);
    });
  };

  onState('connecting');
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    if (source) source.close();
  };
}
