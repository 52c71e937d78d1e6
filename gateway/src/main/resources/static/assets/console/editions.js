// Editions: the list, and one edition's page with tabs (sessions, releases, tracks, activities, overview, team). A tab is
// one entry of TABS and one view function (the team's lives in team.js).
import { h, fill } from '../dom.js';
import { api } from '../api.js';
import { pick, dayLabel, venueText, timeRange } from '../i18n.js';
import { ct, word } from './texts.js';
import { crudView, bothLanguages } from './crud.js';
import { buildForm, wrapAttrs } from './forms.js';

const S = '/api/schedule';
const TYPES = ['PRESENTATION_SERIES', 'SHARING_MEETING', 'FAIR', 'EXHIBITION', 'TRAINING_COURSE', 'ENGLISH_CLASS',
  'CULTURAL_ACTIVITY', 'LECTURE', 'SALON', 'FORUM', 'CONFERENCE', 'KEYNOTE'];
const CATEGORIES = ['PROGRAMME_PRESENTATION', 'CULTURAL', 'TEACHER_TRAINING', 'FORUM', 'OTHER'];
const pair = (en, zh, field) => ({ en: en?.[field] ?? null, zh: zh?.[field] ?? null });

const editionFields = (item) => [
  ...(item ? [] : [{ name: 'id', hint: 'idHint' }]),
  { name: 'name', type: 'bi', required: true, wide: true },
  { name: 'startDate', type: 'date', required: true }, { name: 'endDate', type: 'date', required: true },
  { name: 'timeZone', required: true, hint: 'timeZoneHint' },
  { name: 'hostInstitution' }, { name: 'campuses', hint: 'campusesHint' },
  { name: 'description', type: 'bitext' }];

async function editionValues(e) {
  const { en, zh } = await bothLanguages(`${S}/editions/${encodeURIComponent(e.id)}`);
  return { name: e.names, startDate: e.startDate, endDate: e.endDate, timeZone: e.timeZone,
    hostInstitution: e.hostInstitution, campuses: (e.campuses || []).join(', '), description: pair(en, zh, 'description') };
}

function editionBody(v, item) {
  return { id: item ? item.id : v.id, name: v.name, description: v.description, hostInstitution: v.hostInstitution,
    startDate: v.startDate, endDate: v.endDate, timeZone: v.timeZone,
    campuses: (v.campuses || '').split(/[,，]/).map((c) => c.trim()).filter(Boolean),
    sampleData: item ? item.sampleData : false };
}

const dates = (e) => `${dayLabel(e.startDate, 'short')} – ${dayLabel(e.endDate, 'short')}`;

export const editionSpec = {
  key: 'edition', title: 'editions', singular: 'edition', path: `${S}/editions`,
  list: () => api(`${S}/editions`), name: (e) => pick(e, 'name', 'names'),
  columns: [
    { label: 'name', cell: (e) => h('a', { href: `#/editions/${encodeURIComponent(e.id)}` }, pick(e, 'name', 'names')) },
    { label: 'dates', cell: dates }, { label: 'timeZone', cell: (e) => e.timeZone }, { label: 'id', cell: (e) => e.id }],
  fields: editionFields, values: editionValues, body: editionBody
};

const MINE = 'eduweek.console.mineOnly';
const mineOnly = () => { try { return sessionStorage.getItem(MINE) === 'true'; } catch { return false; } };

/** The editions list; "only mine" asks the service for the editions whose team holds the signed-in person. */
export function editionsPage({ main, refresh }) {
  const mine = mineOnly();
  const box = h('input', { type: 'checkbox', id: 'editions-mine', checked: mine, onchange: () => {
    try { sessionStorage.setItem(MINE, String(box.checked)); } catch { /* kept for this view only */ }
    refresh().then(() => document.getElementById('editions-mine')?.focus());
  } });
  const controls = h('div', { class: 'check filter' }, box, h('label', { for: 'editions-mine' }, ct('mineOnly')));
  return crudView(main, { ...editionSpec, controls,
    list: () => api(`${S}/editions${mine ? '?mine=true' : ''}`) });
}

const TABS = [
  ['sessions', 'tabSessions', sessionsTab],
  ['release', 'tabRelease', (ctx) => import('./releases.js').then((m) => m.releaseTab(ctx))],
  ['tracks', 'tabTracks', tracksTab],
  ['activities', 'tabActivities', activitiesTab],
  ['overview', 'tabOverview', overviewTab],
  ['team', 'tabTeam', (ctx) => import('./team.js').then((m) => m.teamTab(ctx))]
];

export async function editionPage(ctx) {
  const [id, tab = 'sessions'] = ctx.params;
  const edition = await api(`${S}/editions/${encodeURIComponent(id)}`);
  const current = TABS.find((t) => t[0] === tab) || TABS[0];
  const body = h('div', { id: 'tab-body' });
  fill(ctx.main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, ct('editions')), ' › '),
    h('h1', {}, pick(edition, 'name', 'names')),
    h('p', { class: 'lede' }, `${dates(edition)} · ${edition.timeZone}`),
    h('nav', { 'aria-label': ct('edition') }, h('ul', { class: 'tabs' }, TABS.map(([key, label]) => h('li', {},
      h('a', { href: `#/editions/${encodeURIComponent(id)}/${key}`, 'aria-current': key === current[0] ? 'page' : null,
        id: `tab-${key}` }, ct(label)))))),
    body);
  await current[2]({ ...ctx, edition, container: body });
}

async function overviewTab({ edition, container, refresh }) {
  const values = await editionValues(edition);
  const form = buildForm({ key: 'edition-edit', title: ct('editItem', pick(edition, 'name', 'names')),
    fields: editionFields(edition), values, onSubmit: async (v) => {
      await api(`${S}/editions/${encodeURIComponent(edition.id)}`, { method: 'PUT', body: editionBody(v, edition) });
      await refresh();
    } });
  fill(container, form);
}

function trackSpec(edition) {
  return {
    key: 'track', title: 'tracks', singular: 'track', heading: 'h2', path: `${S}/tracks`,
    list: () => api(`${S}/tracks?editionId=${encodeURIComponent(edition.id)}`),
    name: (t) => pick(t, 'title', 'titles'),
    columns: [{ label: 'title', cell: (t) => pick(t, 'title', 'titles') }, { label: 'position', num: true, cell: (t) => t.position }],
    fields: (item) => [...(item ? [] : [{ name: 'id', hint: 'idHint' }]), { name: 'title', type: 'bi', required: true, wide: true },
      { name: 'position', type: 'number', min: 0 }, { name: 'description', type: 'bitext' }],
    values: async (t) => {
      const { en, zh } = await bothLanguages(`${S}/tracks/${encodeURIComponent(t.id)}`);
      return { title: t.titles, position: t.position, description: pair(en, zh, 'description') };
    },
    body: (v, item) => ({ id: item ? item.id : v.id, editionId: edition.id, title: v.title, description: v.description,
      position: v.position, assumed: item ? item.assumed : false })
  };
}

function tracksTab({ edition, container }) {
  return crudView(container, trackSpec(edition));
}

async function activitiesTab({ edition, container }) {
  const tracks = await api(`${S}/tracks?editionId=${encodeURIComponent(edition.id)}`);
  const institutions = await api(`${S}/institutions`);
  return crudView(container, {
    key: 'activity', title: 'activities', singular: 'activity', heading: 'h2', path: `${S}/activities`,
    list: () => api(`${S}/activities?editionId=${encodeURIComponent(edition.id)}`),
    name: (a) => pick(a, 'title', 'titles'),
    columns: [{ label: 'title', cell: (a) => pick(a, 'title', 'titles') },
      { label: 'track', cell: (a) => pick(tracks.find((t) => t.id === a.trackId), 'title', 'titles') || '' },
      { label: 'type', cell: (a) => a.type || '' }, { label: 'category', cell: (a) => a.category || '' }],
    fields: (item) => [...(item ? [] : [{ name: 'id', hint: 'idHint' }]), { name: 'title', type: 'bi', required: true, wide: true },
      { name: 'trackId', label: 'track', type: 'select', options: tracks.map((t) => ({ value: t.id, label: pick(t, 'title', 'titles') })) },
      { name: 'type', type: 'select', options: TYPES.map((x) => ({ value: x, label: x })) },
      { name: 'category', type: 'select', options: CATEGORIES.map((x) => ({ value: x, label: x })) },
      { name: 'organizer' },
      { name: 'institutionIds', label: 'institutions', type: 'multi', options: institutions.map((i) => ({ value: i.id, label: pick(i, 'name', 'names') })) },
      { name: 'description', type: 'bitext' }],
    values: async (a) => {
      const { en, zh } = await bothLanguages(`${S}/activities/${encodeURIComponent(a.id)}`);
      return { title: a.titles, trackId: a.trackId, type: a.type, category: a.category, organizer: a.organizer,
        institutionIds: a.institutionIds, description: pair(en, zh, 'description') };
    },
    body: (v, item) => ({ id: item ? item.id : v.id, editionId: edition.id, trackId: v.trackId, type: v.type,
      category: v.category, title: v.title, description: v.description, organizer: v.organizer,
      institutionIds: v.institutionIds, sampleData: item ? item.sampleData : false })
  });
}

/** The draft programme: the published sessions, and drafts the next release would add. */
async function sessionsTab(ctx) {
  const { edition, container } = ctx;
  const eid = encodeURIComponent(edition.id);
  const [page, pending] = await Promise.all([
    api(`${S}/sessions?editionId=${eid}&includeCancelled=true&size=1000`),
    api(`${S}/editions/${eid}/releases/pending`)]);
  const pendingById = new Map(pending.map((p) => [p.sessionId, p]));
  const listed = new Set(page.items.map((s) => s.id));
  const drafts = await Promise.all(pending.filter((p) => !listed.has(p.sessionId))
    .map((p) => api(`${S}/sessions/${encodeURIComponent(p.sessionId)}?view=draft`).catch(() => null)));
  const rows = [...page.items.map((s) => ({ ...s, venue: s.room ? { campus: s.campus, building: s.building, room: s.room } : null })),
    ...drafts.filter(Boolean)].sort((a, b) => String(a.start).localeCompare(String(b.start)));
  const formSlot = h('div');
  const newButton = h('button', { type: 'button', id: 'session-new', onclick: async () => {
    const { sessionForm } = await import('./session.js');
    const form = await sessionForm({ edition, onCancel: () => { fill(formSlot); newButton.focus(); },
      onSaved: (s) => { location.hash = `#/sessions/${encodeURIComponent(s.id)}`; } });
    fill(formSlot, form);
    form.querySelector('input, select, textarea')?.focus();
  } }, ct('newSession'));
  fill(container,
    h('div', { class: 'toolbar' }, h('h2', {}, ct('sessions')), newButton),
    h('p', { class: 'lede' }, ct('sessionsHint')), formSlot,
    rows.length ? h('div', wrapAttrs(ct('sessions')), h('table', { class: 'data', id: 'sessions-table' },
      h('caption', { class: 'sr-only' }, ct('sessions')),
      h('thead', {}, h('tr', {}, ['title', 'when', 'where', 'mode', 'status', 'draftStatus'].map((k) => h('th', { scope: 'col' }, ct(k))))),
      h('tbody', {}, rows.map((s) => {
        const p = pendingById.get(s.id);
        return h('tr', { 'data-id': s.id },
          h('th', { scope: 'row' }, h('a', { href: `#/sessions/${encodeURIComponent(s.id)}` }, s.title || s.id)),
          h('td', {}, s.start ? timeRange(s.start, s.end, s.timeZone || edition.timeZone) : ''),
          h('td', {}, s.mode === 'ONLINE' ? ct('onlineVenue') : venueText(s.venue)),
          h('td', {}, word(s.mode)),
          h('td', {}, listed.has(s.id) ? word(s.status) : ct('DRAFT')),
          h('td', {}, p ? h('span', { class: `kind kind-${p.eventType}` }, ct(p.eventType)) : ct('noChange')));
      })))) : h('p', { class: 'empty' }, ct('none')));
}
