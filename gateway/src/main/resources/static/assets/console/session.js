// One session: its draft (edit, cancel, restore, publish, delete), and the people: roster with attendance, the
// waitlist in order, the CSV export and an announcement to its registrants.
import { h, fill, toast, announce } from '../dom.js';
import { api, ApiError } from '../api.js';
import { pick, venueText, timeRange, dateTime } from '../i18n.js';
import { confirmDialog } from '../ui.js';
import { ct, ctn, word } from './texts.js';
import { buildForm, zonedIso, localInput, wrapAttrs, problemLines, problemNotice } from './forms.js';

const S = '/api/schedule';
const R = '/api/registrations';
const MODES = ['OFFLINE', 'ONLINE', 'HYBRID'];
const AUDIENCES = ['STUDENT', 'NEW_STUDENT', 'TEACHER', 'MANAGEMENT_STAFF', 'EXTERNAL_SCHOLAR'];
const enc = encodeURIComponent;
/** The venue choice that keeps a session's room given by name. */
const BY_NAME = '(by-name)';

/** The create/edit form of a session; reference data of its edition as choices. */
export async function sessionForm({ edition, session, onCancel, onSaved }) {
  const eid = enc(edition.id);
  const [activities, tracks, venues, speakers, institutions] = await Promise.all([
    api(`${S}/activities?editionId=${eid}`), api(`${S}/tracks?editionId=${eid}`), api(`${S}/venues`),
    api(`${S}/speakers`), api(`${S}/institutions`)]);
  const opt = (list, label) => list.map((x) => ({ value: x.id, label: label(x) }));
  const zone = session?.timeZone || edition.timeZone;
  // a room given by name (not a registered venue) stays a choice, so editing the session keeps it
  const byName = session?.venue && !session.venue.venueId && session.venue.room ? session.venue : null;
  const fields = [
    { name: 'title', type: 'bi', required: true, wide: true },
    { name: 'start', type: 'datetime', required: true }, { name: 'end', type: 'datetime', required: true },
    { name: 'timeZone', required: true, hint: 'timeZoneHint' },
    { name: 'mode', type: 'select', required: true, options: MODES.map((m) => ({ value: m, label: ct(m) })) },
    { name: 'venueId', label: 'venue', type: 'select', aliases: ['venue'],
      options: [...(byName ? [{ value: BY_NAME, label: venueText(byName) }] : []),
        ...opt(venues, (v) => venueText(v) + (v.capacity ? ` (${v.capacity})` : ''))] },
    { name: 'joinLink', type: 'url' },
    { name: 'capacity', type: 'number', min: 1, hint: 'capacityHint' },
    { name: 'capacityInPerson', type: 'number', min: 1, hint: 'hybridHint' },
    { name: 'capacityOnline', type: 'number', min: 1, hint: 'hybridHint' },
    { name: 'activityId', label: 'activity', type: 'select', options: opt(activities, (a) => pick(a, 'title', 'titles')) },
    { name: 'trackId', label: 'track', type: 'select', options: opt(tracks, (t) => pick(t, 'title', 'titles')) },
    { name: 'language', hint: null }, { name: 'level' },
    { name: 'speakerIds', label: 'speakers', type: 'multi', options: opt(speakers, (s) => pick(s, 'name', 'names')) },
    { name: 'institutionIds', label: 'institutions', type: 'multi', options: opt(institutions, (i) => pick(i, 'name', 'names')) },
    { name: 'audience', type: 'checks', options: AUDIENCES.map((a) => ({ value: a, label: ct(a) })) },
    { name: 'description', type: 'bitext' },
    { name: 'publish', label: 'publishNow', type: 'check', wide: true }];
  const cap = session?.capacity;
  const values = session ? {
    title: session.titles, description: session.descriptions, start: localInput(session.start, zone),
    end: localInput(session.end, zone), timeZone: session.timeZone, mode: session.mode,
    venueId: byName ? BY_NAME : session.venue?.venueId, joinLink: session.joinLink,
    capacity: session.mode === 'ONLINE' ? cap?.online : session.mode === 'OFFLINE' ? cap?.inPerson : null,
    capacityInPerson: session.mode === 'HYBRID' ? cap?.inPerson : null,
    capacityOnline: session.mode === 'HYBRID' ? cap?.online : null,
    activityId: session.activityId, trackId: session.trackId, language: session.language, level: session.level,
    speakerIds: session.speakerIds, institutionIds: session.institutionIds, audience: session.audience
  } : { timeZone: edition.timeZone, mode: 'OFFLINE', language: 'en' };
  return buildForm({
    key: 'session', title: session ? ct('editItem', session.title) : ct('newSession'), fields, values,
    submitLabel: session ? ct('save') : ct('create'), onCancel,
    onSubmit: async (v) => {
      const tz = v.timeZone || edition.timeZone;
      const body = { editionId: edition.id, activityId: v.activityId, trackId: v.trackId, title: v.title,
        description: v.description, start: zonedIso(v.start, tz), end: zonedIso(v.end, tz), timeZone: v.timeZone,
        mode: v.mode, capacity: v.capacity, capacityInPerson: v.capacityInPerson, capacityOnline: v.capacityOnline,
        venueId: v.venueId === BY_NAME ? null : v.venueId,
        venue: v.venueId === BY_NAME ? { campus: byName.campus, building: byName.building, room: byName.room } : null,
        joinLink: v.joinLink, audience: v.audience, level: v.level, language: v.language,
        speakerIds: v.speakerIds, institutionIds: v.institutionIds, publish: v.publish };
      const saved = session
        ? await api(`${S}/sessions/${enc(session.id)}`, { method: 'PUT', body })
        : await api(`${S}/sessions`, { method: 'POST', body });
      toast(session ? ct('saved') : ct('created'));
      await onSaved(saved);
    }
  });
}

export async function sessionPage(ctx) {
  const [id] = ctx.params;
  const session = await api(`${S}/sessions/${enc(id)}?view=draft`);
  const edition = await api(`${S}/editions/${enc(session.editionId)}`);
  const zone = session.timeZone || edition.timeZone;
  const formSlot = h('div');
  const notices = h('div');
  const edit = h('button', { type: 'button', id: 'session-edit', onclick: async () => {
    const form = await sessionForm({ edition, session, onCancel: () => { fill(formSlot); edit.focus(); },
      onSaved: () => ctx.refresh() });
    fill(formSlot, form);
    form.querySelector('input')?.focus();
  } }, ct('edit'));
  const act = (label, path, body, done, danger) => h('button', { type: 'button', class: danger ? 'danger' : 'secondary',
    onclick: async (e) => {
      if (danger) {
        const ok = await confirmDialog({ title: ct('confirmCancelTitle', session.title), text: ct('confirmCancelText'),
          confirm: ct('confirmCancel'), keep: ct('keep'), opener: e.currentTarget });
        if (!ok) return;
      }
      try {
        await api(`${S}/sessions/${enc(id)}${path}`, { method: 'POST', body });
        toast(ct(done));
        await ctx.refresh();
      } catch (err) { showError(err); }
    } }, ct(label));
  const remove = h('button', { type: 'button', class: 'secondary', onclick: async (e) => {
    const ok = await confirmDialog({ title: ct('confirmDeleteTitle', session.title), text: ct('confirmDeleteText'),
      confirm: ct('confirmDelete'), keep: ct('keep'), opener: e.currentTarget });
    if (!ok) return;
    try {
      await api(`${S}/sessions/${enc(id)}`, { method: 'DELETE' });
      toast(ct('deleted'));
      location.hash = `#/editions/${enc(edition.id)}/sessions`;
    } catch (err) { showError(err); }
  } }, ct('deleteSession'));
  function showError(err) {
    fill(notices, problemNotice(err));
    notices.firstChild.focus();
  }
  const cancelled = (session.draftStatus || session.status) === 'CANCELLED';
  const cap = session.capacity || {};
  const people = h('div', { id: 'people' });
  fill(ctx.main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, ct('editions')), ' › ',
      h('a', { href: `#/editions/${enc(edition.id)}/sessions` }, pick(edition, 'name', 'names')), ' › '),
    h('h1', {}, session.title || session.id),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, ct('when')), h('dd', {}, timeRange(session.start, session.end, zone))),
      h('div', {}, h('dt', {}, ct('where')), h('dd', {}, session.mode === 'ONLINE' ? ct('onlineVenue') : venueText(session.venue) || '—')),
      h('div', {}, h('dt', {}, ct('mode')), h('dd', {}, word(session.mode), ' · ',
        session.mode === 'HYBRID' ? `${ct('capacityInPerson')} ${cap.inPerson}, ${ct('capacityOnline')} ${cap.online}`
          : `${ct('capacity')} ${session.mode === 'ONLINE' ? cap.online : cap.inPerson}`)),
      h('div', {}, h('dt', {}, ct('status')), h('dd', {}, word(session.status),
        session.unpublishedChanges ? ` · ${ct('unpublished')}` : ''))),
    (session.warnings || []).length ? h('div', { class: 'notice warn' }, h('p', {}, ct('warnings')),
      session.warnings.map((w) => h('p', {}, `${w.field}: ${w.message}`))) : null,
    notices,
    h('div', { class: 'actions' }, edit,
      session.unpublishedChanges ? act('publishSession', '/publish', undefined, 'sessionPublished') : null,
      cancelled ? act('restoreSession', '/restore', {}, 'sessionRestored')
        : act('cancelSession', '/cancel', { reason: null }, 'sessionCancelled', true),
      session.sequence ? h('a', { class: 'button secondary', href: `/#/sessions/${enc(id)}` }, ct('programmeLink')) : remove),
    formSlot, people);
  await peopleView(people, session);
}

/** Roster, waitlist, export and announcement: the registration and notification services' side of a session. */
async function peopleView(container, session) {
  const id = enc(session.id);
  if (!session.sequence) {
    // never published: the registration service has not heard of it, so nobody can have registered
    fill(container, h('h2', {}, ct('roster')), h('p', { class: 'notice' }, ct('rosterUnavailable')));
    return;
  }
  let roster; let waitlist;
  try {
    [roster, waitlist] = await Promise.all([api(`${R}/sessions/${id}?size=1000`), api(`${R}/sessions/${id}/waitlist`)]);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      fill(container, h('h2', {}, ct('roster')), h('p', { class: 'notice' }, ct('rosterUnavailable')));
      return;
    }
    if (e instanceof ApiError && e.status === 403) {
      // an organizer of another edition: the roster service says why, the session's page stays usable
      fill(container, h('h2', {}, ct('roster')), h('div', { class: 'notice warn', id: 'roster-refused' }, problemLines(e)));
      return;
    }
    throw e;
  }
  const active = roster.filter((r) => r.status !== 'CANCELLED');
  const confirmed = active.filter((r) => r.status === 'CONFIRMED');
  const checkedIn = confirmed.filter((r) => r.checkedInAt).length;
  const exportStatus = h('p', { class: 'hint', role: 'status', id: 'export-status' });
  fill(container,
    h('div', { class: 'toolbar' }, h('h2', {}, ct('roster')),
      h('button', { type: 'button', class: 'secondary', id: 'export-csv', onclick: () => exportCsv(session.id, exportStatus) }, ct('exportCsv'))),
    exportStatus,
    h('p', { class: 'summary-line', id: 'roster-summary' }, ct('rosterSummary', confirmed.length, checkedIn, waitlist.length)),
    confirmed.length ? h('div', wrapAttrs(ct('roster')), h('table', { class: 'data', id: 'roster-table' },
      h('caption', { class: 'sr-only' }, ct('roster')),
      h('thead', {}, h('tr', {}, ['participant', 'seatMode', 'registeredAt', 'attendance'].map((k) => h('th', { scope: 'col' }, ct(k))))),
      h('tbody', {}, confirmed.map((r) => h('tr', { 'data-id': r.id },
        h('th', { scope: 'row' }, r.participantId), h('td', {}, word(r.seatMode)), h('td', {}, dateTime(r.confirmedAt || r.createdAt)),
        h('td', {}, r.checkedInAt ? h('span', { class: 'att-yes' }, '✓ ', ct('checkedInAt', dateTime(r.checkedInAt)))
          : h('span', { class: 'att-no' }, '○ ', ct('notCheckedIn')))))))) : h('p', { class: 'empty' }, ct('noRoster')),
    h('h2', {}, ct('waitlist')),
    waitlist.length ? h('div', wrapAttrs(ct('waitlist')), h('table', { class: 'data', id: 'waitlist-table' },
      h('caption', { class: 'sr-only' }, ct('waitlist')),
      h('thead', {}, h('tr', {}, ['waitPos', 'participant', 'seatMode', 'registeredAt'].map((k) => h('th', { scope: 'col', class: k === 'waitPos' ? 'num' : null }, ct(k))))),
      h('tbody', {}, waitlist.map((r) => h('tr', {}, h('td', { class: 'num' }, r.waitlistPosition ?? ''),
        h('th', { scope: 'row' }, r.participantId), h('td', {}, word(r.seatMode)), h('td', {}, dateTime(r.createdAt))))))) : h('p', { class: 'empty' }, ct('noWaitlist')),
    await announcementView(session, active.length));
}

async function exportCsv(sessionId, status) {
  try {
    const blob = await api(`${R}/sessions/${enc(sessionId)}/export.csv`, { as: 'blob' });
    const text = await blob.text();
    const rows = Math.max(0, text.split(/\r?\n/).filter((l) => l.trim()).length - 1);
    const name = `registrations-${sessionId}.csv`;
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    status.textContent = ct('exported', name, ctn('rows', rows));
  } catch (e) {
    status.textContent = e.message;
  }
}

/** The text in both languages goes out as one message: English first, then Chinese. */
export function bilingualAnnouncement(v) {
  const both = (a, b, sep) => [a, b].filter(Boolean).join(sep);
  return { subject: both(v.subject?.en, v.subject?.zh, ' / '), message: both(v.message?.en, v.message?.zh, '\n\n') };
}

async function announcementView(session, recipients) {
  const sent = await api(`/api/notifications/announcements?sessionId=${enc(session.id)}`).catch(() => []);
  const wrap = h('section', { 'aria-labelledby': 'announce-title' });
  const form = buildForm({
    key: 'announce', title: null,
    fields: [{ name: 'subject', type: 'bi', required: true, wide: true },
      { name: 'message', type: 'bitext', required: true, aliases: [] },
      { name: 'channels', type: 'checks', options: ['EMAIL', 'SMS'].map((c) => ({ value: c, label: ct(c) })) }],
    values: { channels: ['EMAIL'] }, submitLabel: ct('sendAnnouncement'),
    onSubmit: async (v) => {
      if (!v.channels.length) throw new ApiError(400, { errors: [{ field: 'channels', message: ct('chooseChannel') }] }, ct('fixFields'));
      const ok = await confirmDialog({ title: ct('confirmAnnounceTitle'),
        text: ct('confirmAnnounceText', recipients, v.channels.map((c) => ct(c)).join(' + ')),
        confirm: ct('confirmSend'), keep: ct('cancel'), opener: form.querySelector('button[type=submit]') });
      if (!ok) return;
      const { subject, message } = bilingualAnnouncement(v);
      const a = await api('/api/notifications/announcements', { method: 'POST',
        body: { sessionId: session.id, subject, message, channels: v.channels } });
      toast(ct('announced', a.recipients));
      announce(ct('announced', a.recipients));
      wrap.replaceWith(await announcementView(session, recipients));
    }
  });
  fill(wrap, h('h2', { id: 'announce-title' }, ct('announce')), h('p', { class: 'hint' }, ct('announceHint')), form,
    sent.length ? h('div', wrapAttrs(ct('previousAnnouncements')), h('table', { class: 'data', id: 'announcements-table' },
      h('caption', {}, ct('previousAnnouncements')),
      h('thead', {}, h('tr', {}, ['subject', 'channels', 'recipients', 'sentAt'].map((k) => h('th', { scope: 'col' }, ct(k))))),
      h('tbody', {}, sent.map((a) => h('tr', {}, h('th', { scope: 'row' }, a.subject),
        h('td', {}, (a.channels || []).map((c) => ct(c)).join(', ')), h('td', { class: 'num' }, a.recipients),
        h('td', {}, dateTime(a.createdAt))))))) : null);
  return wrap;
}
