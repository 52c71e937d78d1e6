// The next release of an edition's draft programme, before it happens: which sessions it schedules, changes (each
// change old → new) or cancels, and how many registrants are told; then publish with a note, and the changelog.
// The counts come from the registration service's seats (confirmed + waiting); the notification service tells
// registrants of a cancellation and of changes to time, venue, format or join link.
import { h, fill, toast, announce } from '../dom.js';
import { api, ApiError } from '../api.js';
import { venueText, timeRange, dateTime } from '../i18n.js';
import { confirmDialog } from '../ui.js';
import { ct, ctn, word } from './texts.js';
import { buildForm, wrapAttrs } from './forms.js';

const S = '/api/schedule';
const enc = encodeURIComponent;
/** The changes registrants are told about (notification-service's Triggers). */
export const TOLD_CHANGES = new Set(['TIME', 'VENUE', 'MODE', 'LINK', 'JOIN_LINK']);

/** Registrants a pending entry reaches: everyone active on a cancellation or a change that matters to them. */
export function toldFor(entry, active) {
  if (entry.eventType === 'SessionCancelled') return active;
  if (entry.eventType === 'SessionChanged' && (entry.changes || []).some((c) => TOLD_CHANGES.has(c))) return active;
  return 0;
}

async function activeRegistrants(sessionId) {
  try {
    const a = await api(`/api/registrations/sessions/${enc(sessionId)}/availability`);
    return (a.seats || []).reduce((n, s) => n + (s.confirmed || 0) + (s.waiting || 0), 0);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return 0; // never published: nobody registered
    throw e;
  }
}

const list = (xs) => (xs && xs.length ? xs.join(', ') : ct('empty'));
const capText = (c, mode) => (!c ? '' : mode === 'HYBRID' ? `${c.inPerson} + ${c.online}` : String(mode === 'ONLINE' ? c.online : c.inPerson));

/** Old and new text of one change, from the published and the draft session. */
function describe(change, before, after) {
  const zone = after.timeZone || before.timeZone;
  switch (change) {
    case 'TIME': return [timeRange(before.start, before.end, before.timeZone || zone), timeRange(after.start, after.end, zone)];
    case 'VENUE': return [venueText(before.venue) || ct('empty'), venueText(after.venue) || ct('empty')];
    case 'MODE': return [word(before.mode), word(after.mode)];
    case 'LINK': return [before.joinLink || ct('empty'), after.joinLink || ct('empty')];
    case 'CAPACITY': return [capText(before.capacity, before.mode), capText(after.capacity, after.mode)];
    case 'TITLE': return [before.title, after.title];
    case 'DESCRIPTION': return [short(before.description), short(after.description)];
    case 'AUDIENCE': return [list((before.audience || []).map(word)), list((after.audience || []).map(word))];
    case 'LEVEL': return [before.level || ct('empty'), after.level || ct('empty')];
    case 'LANGUAGE': return [before.language || ct('empty'), after.language || ct('empty')];
    case 'SPEAKERS': return [list(before.speakerIds), list(after.speakerIds)];
    case 'INSTITUTIONS': return [list(before.institutionIds), list(after.institutionIds)];
    case 'ACTIVITY': return [`${before.activityId || ''} / ${before.trackId || ''}`, `${after.activityId || ''} / ${after.trackId || ''}`];
    default: return ['', ''];
  }
}

function short(text) {
  if (!text) return ct('empty');
  return text.length > 80 ? text.slice(0, 79) + '…' : text;
}

export async function releaseTab({ edition, container, refresh }) {
  const eid = enc(edition.id);
  const [pending, changelog] = await Promise.all([api(`${S}/editions/${eid}/releases/pending`), api(`${S}/editions/${eid}/changelog`)]);
  const rows = await Promise.all(pending.map(async (p) => {
    const sid = enc(p.sessionId);
    const [draft, before, active] = await Promise.all([
      api(`${S}/sessions/${sid}?view=draft`),
      p.eventType === 'SessionChanged' ? api(`${S}/sessions/${sid}`) : Promise.resolve(null),
      p.eventType === 'SessionScheduled' ? Promise.resolve(0) : activeRegistrants(p.sessionId)]);
    return { p, draft, before, told: toldFor(p, active) };
  }));
  const count = (type) => pending.filter((p) => p.eventType === type).length;
  const told = rows.reduce((n, r) => n + r.told, 0);
  const next = (changelog.releases.length ? changelog.releases[changelog.releases.length - 1].number : 0) + 1;

  const preview = rows.length ? [
    h('p', { class: 'summary-line', id: 'release-summary' },
      `${ct('releaseSummary', count('SessionScheduled'), count('SessionChanged'), count('SessionCancelled'))} ${ctn('willBeTold', told)}`),
    h('div', wrapAttrs(ct('releasePreview')), h('table', { class: 'data', id: 'release-table' },
      h('caption', { class: 'sr-only' }, ct('releasePreview')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ct('session')), h('th', { scope: 'col' }, ct('status')),
        h('th', { scope: 'col' }, ct('whatChanges')), h('th', { scope: 'col', class: 'num' }, ct('told')))),
      h('tbody', {}, rows.map(({ p, draft, before, told: n }) => h('tr', { 'data-id': p.sessionId },
        h('th', { scope: 'row' }, h('a', { href: `#/sessions/${enc(p.sessionId)}` }, draft.title || p.title || p.sessionId)),
        h('td', {}, h('span', { class: `kind kind-${p.eventType}` }, ct(p.eventType))),
        h('td', {}, p.eventType === 'SessionChanged' && before
          ? h('ul', { class: 'changes' }, (p.changes || []).map((c) => {
            const [o, n2] = describe(c, before, draft);
            return h('li', {}, h('strong', {}, ct(c)), ': ', h('span', { class: 'old' }, o),
              h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'), h('span', { class: 'sr-only' }, ' → '), h('span', { class: 'new' }, n2));
          }))
          : p.eventType === 'SessionScheduled'
            ? `${ct('newSessionNote')}: ${timeRange(draft.start, draft.end, draft.timeZone || edition.timeZone)}${draft.venue ? ' · ' + venueText(draft.venue) : ''}`
            : ct('cancelledNote')),
        h('td', { class: 'num' }, p.eventType === 'SessionChanged' && n === 0 ? `0 — ${ct('notToldNote')}` : String(n)))))))
  ] : [h('p', { class: 'notice', id: 'release-summary' }, ct('nothingPending'))];

  const form = rows.length ? buildForm({
    key: 'release', title: null, fields: [{ name: 'note', label: 'releaseNote', type: 'textarea' }],
    submitLabel: ct('publishRelease'),
    onSubmit: async (v) => {
      const ok = await confirmDialog({ title: ct('confirmReleaseTitle', next), text: ct('confirmReleaseText', rows.length, told),
        confirm: ct('confirmRelease'), keep: ct('cancel'), opener: form.querySelector('button[type=submit]') });
      if (!ok) return;
      const release = await api(`${S}/editions/${eid}/releases`, { method: 'POST', body: { note: v.note } });
      toast(ct('releasePublished', release.number));
      announce(ct('releasePublished', release.number));
      await refresh();
    }
  }) : null;

  const history = changelog.releases.slice().reverse();
  fill(container,
    h('h2', {}, ct('releasePreview')), h('p', { class: 'lede' }, ct('releaseIntro')), preview, form,
    h('h2', {}, ct('changelog')),
    history.length ? h('ol', { class: 'cards', id: 'changelog', reversed: true }, history.map((r) => h('li', { class: 'card' },
      h('h3', {}, ct('releaseLine', r.number, dateTime(r.publishedAt))),
      h('p', { class: 'meta' }, [r.publishedBy ? ct('by', r.publishedBy) : null, ctn('entries', r.entries.length)].filter(Boolean).join(' · ')),
      r.note ? h('p', { class: 'description' }, r.note) : null,
      h('ul', { class: 'changes' }, r.entries.map((e) => h('li', {}, h('span', { class: `kind kind-${e.eventType}` }, ct(e.eventType)), ' ',
        e.title || e.sessionId, (e.changes || []).length ? ` (${e.changes.map((c) => ct(c)).join(', ')})` : ''))))))
      : h('p', { class: 'empty' }, ct('noReleases')));
}
