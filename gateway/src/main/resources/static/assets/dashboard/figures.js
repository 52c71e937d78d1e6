// The figures the page draws, kept from the stream's records: one SessionStats per session (replaced by each newer
// record) and the edition's summary. Breakdowns by day, track, campus and mode are sums over the session
// records the organizer already sees one by one, so they move with every record and need no other call.

export class EditionFigures {
  constructor() {
    this.sessions = new Map();
    this.summary = null;
  }

  /** The stream delivers each subscriber's records in order, and each one whole: the latest replaces the last. */
  putSession(record) {
    this.sessions.set(record.sessionId, record);
  }

  putSummary(record) {
    this.summary = record;
  }

  /** Sessions by start (those not yet described by the schedule last), then title. */
  ordered() {
    return [...this.sessions.values()].sort((a, b) =>
      String(a.start || '~').localeCompare(String(b.start || '~')) || a.sessionId.localeCompare(b.sessionId));
  }

  /** The sessions that count in totals and breakdowns: all but the cancelled ones. */
  active() {
    return this.ordered().filter((s) => s.status !== 'CANCELLED');
  }

  /**
   * Totals of the edition: the summary the service computed when there is one; capacity (which the summary does not
   * carry) and, before the first summary, everything else summed over the sessions.
   */
  totals() {
    const sum = total(this.active());
    const s = this.summary;
    if (!s) return sum;
    return { sessions: s.sessions, confirmed: s.confirmed, waitlisted: s.waitlisted, checkedIn: s.checkedIn,
      noShows: s.noShows, fillRate: s.fillRate, capacity: sum.capacity, needMoreRoom: s.sessionsNeedingMoreRoom };
  }

  /** Groups of the active sessions by key(session) → [{key, sessions, confirmed, …, fillRate}], in key order. */
  groupBy(key) {
    const groups = new Map();
    for (const s of this.active()) {
      const k = key(s);
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(s);
    }
    return [...groups.entries()].map(([k, list]) => ({ key: k, ...total(list) }))
      .sort((a, b) => String(a.key ?? '~').localeCompare(String(b.key ?? '~')));
  }
}

export const capacityOf = (s) => (s.capacity ? (s.capacity.inPerson || 0) + (s.capacity.online || 0) : 0);

function total(list) {
  const t = { sessions: 0, confirmed: 0, waitlisted: 0, checkedIn: 0, noShows: 0, capacity: 0, needMoreRoom: 0 };
  for (const s of list) {
    t.sessions += 1;
    t.confirmed += s.confirmed || 0;
    t.waitlisted += s.waitlisted || 0;
    t.checkedIn += s.checkedIn || 0;
    t.noShows += s.noShows || 0;
    t.capacity += capacityOf(s);
    if (s.demand && s.demand.needsMoreRoom) t.needMoreRoom += 1;
  }
  t.fillRate = t.capacity > 0 ? t.confirmed / t.capacity : 0;
  return t;
}

/** The session's start date in its own time zone ("2026-12-05"), the day it belongs to in the programme. */
export function localDay(s) {
  if (!s.start) return null;
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: s.timeZone || 'UTC', year: 'numeric', month: '2-digit',
      day: '2-digit' }).format(new Date(s.start));
  } catch {
    return String(s.start).slice(0, 10);
  }
}
