// Scans made while the network is down, kept on this device (localStorage, so a reload or a closed tab loses none)
// until registration-service has answered them. Each carries the Idempotency-Key it is sent with every time, so a
// scan sent twice (an answer lost on the way back) checks in once.

const KEY = 'eduweek.door.queue.v1';

function read() {
  try {
    const items = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(items) ? items : [];
  } catch { return []; }
}

function write(items) {
  try { localStorage.setItem(KEY, JSON.stringify(items)); } catch { /* storage full or disabled: kept in memory */ }
  memory = items;
}

let memory = read();

/** The queued scans of one session, oldest first. */
export function queued(sessionId) {
  memory = read();
  return memory.filter((item) => item.sessionId === sessionId);
}

/** item: { key, sessionId, token? , registrationId?, at, name? } */
export function enqueue(item) {
  const items = read();
  if (!items.some((x) => x.key === item.key)) items.push(item);
  write(items);
}

export function dequeue(key) {
  write(read().filter((x) => x.key !== key));
}
