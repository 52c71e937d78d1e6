// The programme: one edition, grouped by day, with filters and search kept in the URL (#/?day=…&mode=…&q=…).
import { h, nextId, announce, fill } from './dom.js';
import { api, describe } from './api.js';
import { i18n, t, tn, timeOnly, dayLabel, venueText, campusText, locale, pick } from './i18n.js';

const FILTERS = ['q', 'day', 'track', 'activity', 'campus', 'mode', 'language', 'audience'];
const SERVER = { q: 'q', day: 'day', track: 'trackId', activity: 'activityId', campus: 'campus', mode: 'mode',
  language: 'language', audience: 'audience' };
export const AUDIENCES = ['STUDENT', 'NEW_STUDENT', 'TEACHER', 'MANAGEMENT_STAFF', 'EXTERNAL_SCHOLAR'];
const cache = new Map();

/** GET with a per-language memo (reference data changes rarely; the programme is fetched fresh). */
export function cached(path) {
  const key = i18n.lang + ' ' + path;
  if (!cache.has(key)) cache.set(key, api(path).catch((e) => { cache.delete(key); throw e; }));
  return cache.get(key);
}

function chooseEdition(editions, wanted) {
  if (!editions.length) return null;
  const byId = editions.find((e) => e.id === wanted);
  if (byId) return byId;
  const today = new Date().toISOString().slice(0, 10);
  const sorted = [...editions].sort((a, b) => String(a.startDate).localeCompare(String(b.startDate)));
  return sorted.find((e) => String(e.endDate) >= today) || sorted[sorted.length - 1];
}

function daysOf(edition) {
  const days = [];
  if (!edition.startDate || !edition.endDate) return days;
  const d = new Date(edition.startDate + 'T00:00:00Z');
  const end = new Date(edition.endDate + 'T00:00:00Z');
  for (let i = 0; d <= end && i < 62; i++) { days.push(d.toISOString().slice(0, 10)); d.setUTCDate(d.getUTCDate() + 1); }
  return days;
}

function editionDates(e) {
  if (!e.startDate) return '';
  const f = new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  const a = new Date(e.startDate + 'T12:00:00Z'); const b = new Date((e.endDate || e.startDate) + 'T12:00:00Z');
  try { return f.formatRange(a, b); } catch { return f.format(a) + ' – ' + f.format(b); }
}

export function modeLabel(mode, short = false) {
  return short && mode === 'HYBRID' ? t('HYBRID_short') : t(mode);
}

export function audienceText(list) {
  return !list || !list.length ? t('everyone') : list.map((a) => t(a)).join(i18n.lang === 'zh' ? '、' : ', ');
}

export function languageText(code) {
  if (!code) return '';
  const key = 'lang_' + code;
  const known = t(key);
  if (known !== key) return known;
  try { return new Intl.DisplayNames([locale()], { type: 'language' }).of(code); } catch { return code; }
}

/** "300 places" (capacity) for the session's modes, e.g. "300 in person · 500 online". */
export function capacityText(s) {
  const c = s.capacity || {};
  const parts = [];
  if (s.mode !== 'ONLINE' && c.inPerson) parts.push(s.mode === 'HYBRID' ? t('pair', t('seatInPerson'), tn('places', c.inPerson)) : tn('places', c.inPerson));
  if (s.mode !== 'OFFLINE' && c.online) parts.push(s.mode === 'HYBRID' ? t('pair', t('seatOnline'), tn('places', c.online)) : tn('places', c.online));
  return parts.join(' · ');
}

function isPast(s, now) { return new Date(s.end || s.start).getTime() < now; }

function select(id, label, value, options, onChange) {
  const control = h('select', { id, name: id, onchange: onChange },
    h('option', { value: '' }, t('any')),
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

export async function render(main, ctx) {
  const params = ctx.route.params;
  const editions = await cached('/api/schedule/editions');
  if (!ctx.isCurrent()) return null;
  const edition = chooseEdition(editions || [], params.get('edition'));
  const state = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || '']));
  state.past = params.get('past') === '1';

  const title = edition ? pick(edition, 'name', 'names') : t('siteName');
  const intro = edition ? [editionDates(edition), (edition.campuses || []).map(campusText).join(i18n.lang === 'zh' ? '、' : ', ')]
    .filter(Boolean).join(' · ') : '';

  const resultsStatus = h('p', { class: 'results', role: 'status', 'aria-live': 'polite' });
  const list = h('div', { class: 'days', 'aria-busy': 'true' }, h('p', { class: 'loading' }, t('loading')));
  const filtersOpen = FILTERS.slice(1).some((k) => state[k]) || window.matchMedia('(min-width: 60rem)').matches;

  const updateUrl = () => {
    const q = new URLSearchParams();
    if (edition && params.get('edition')) q.set('edition', edition.id);
    FILTERS.forEach((k) => { if (state[k]) q.set(k, state[k]); });
    if (state.past) q.set('past', '1');
    const hash = '#/' + (q.toString() ? '?' + q : '');
    if (location.hash !== hash) history.replaceState(null, '', hash);
    ctx.remember(hash);
    clear.hidden = !FILTERS.some((k) => state[k]) && !state.past;
  };

  let loadSeq = 0;
  const load = async () => {
    const seq = ++loadSeq;
    updateUrl();
    list.setAttribute('aria-busy', 'true');
    const q = new URLSearchParams({ size: '1000' });
    if (edition) q.set('editionId', edition.id);
    FILTERS.forEach((k) => { if (state[k]) q.set(SERVER[k], state[k]); });
    try {
      const page = await api('/api/schedule/sessions?' + q);
      if (seq !== loadSeq || !ctx.isCurrent()) return;
      showSessions(page.items || []);
    } catch (e) {
      if (seq !== loadSeq) return;
      fill(list, h('p', { class: 'error' }, describe(e)),
        h('button', { type: 'button', onclick: load }, t('retry')));
      resultsStatus.textContent = '';
    } finally {
      if (seq === loadSeq) list.setAttribute('aria-busy', 'false');
    }
  };

  const showSessions = (items) => {
    const now = Date.now();
    const hiddenPast = state.past ? 0 : items.filter((s) => isPast(s, now)).length;
    const shown = state.past ? items : items.filter((s) => !isPast(s, now));
    const summary = tn('results', shown.length) + (hiddenPast ? ' · ' + tn('pastHidden', hiddenPast) : '');
    resultsStatus.textContent = summary;
    if (!shown.length && hiddenPast) {
      // Everything found is over (a past edition): say so and offer it, rather than an empty page.
      fill(list, h('div', { class: 'notice' }, h('p', {}, tn('allPast', hiddenPast)),
        h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => { pastBox.click(); pastBox.focus(); } }, t('showPast')))));
      return;
    }
    if (!shown.length) { fill(list, h('p', { class: 'empty' }, t('noResults'))); return; }
    const byDay = new Map();
    for (const s of shown) {
      const day = s.day || String(s.start).slice(0, 10);
      if (!byDay.has(day)) byDay.set(day, []);
      byDay.get(day).push(s);
    }
    fill(list, ...[...byDay.entries()].map(([day, sessions]) => {
      const hid = nextId('day');
      return h('section', { class: 'day', 'aria-labelledby': hid },
        h('h2', { id: hid }, dayLabel(day)),
        h('ul', { class: 'cards' }, sessions.map((s) => card(s, now))));
    }));
    ctx.ready.then(() => {
      if (!ctx.isCurrent() || !list.isConnected) return;
      if (seatObserver) seatObserver.disconnect();
      seatObserver = observeSeats(list, ctx);
    });
  };
  let seatObserver = null;

  // The filter form. Selects apply at once; the search box on submit or after a pause in typing.
  const sid = nextId('q');
  const search = h('input', { id: sid, type: 'search', name: 'q', value: state.q, maxlength: '100',
    placeholder: t('searchPlaceholder'), autocomplete: 'off', enterkeyhint: 'search' });
  let typing;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => { if (state.q !== search.value.trim()) { state.q = search.value.trim(); load(); } }, 450);
  });
  const set = (key) => (ev) => { state[key] = ev.target.value; load(); };

  const trackField = h('div', { class: 'field-slot' });
  const activityField = h('div', { class: 'field-slot' });
  let referenceLoaded = false;
  let activities = null; // once loaded
  // A chosen track offers only its own activities: another track's activity would leave the list empty.
  const ofTrack = () => (state.track ? activities.filter((x) => x.trackId === state.track) : activities);
  const drawActivities = () => {
    const offered = ofTrack().slice();
    const chosen = activities.find((x) => x.id === state.activity);
    if (chosen && !offered.includes(chosen)) offered.push(chosen); // an address naming both stays as it was shared
    fill(activityField, select(nextId('activity'), t('activity'), state.activity,
      offered.map((x) => [x.id, pick(x, 'title', 'titles')]), set('activity')));
  };
  const chooseTrack = (ev) => {
    state.track = ev.target.value;
    if (activities) {
      if (state.activity && !ofTrack().some((x) => x.id === state.activity)) state.activity = '';
      drawActivities();
    }
    load();
  };
  const loadReference = async () => {
    if (referenceLoaded || !edition) return;
    referenceLoaded = true;
    try {
      const [tracks, found] = await Promise.all([
        cached('/api/schedule/tracks?editionId=' + encodeURIComponent(edition.id)),
        cached('/api/schedule/activities?editionId=' + encodeURIComponent(edition.id))]);
      if (!ctx.isCurrent()) return;
      fill(trackField, select(nextId('track'), t('track'), state.track,
        (tracks || []).map((x) => [x.id, pick(x, 'title', 'titles')]), chooseTrack));
      activities = found || [];
      drawActivities();
    } catch { referenceLoaded = false; }
  };

  const pastId = nextId('past');
  const pastBox = h('input', { type: 'checkbox', id: pastId, checked: state.past,
    onchange: (ev) => { state.past = ev.target.checked; load(); } });
  const clear = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => {
    announce(t('clearFilters'));
    location.hash = edition && params.get('edition') ? '#/?edition=' + encodeURIComponent(edition.id) : '#/';
  } }, t('clearFilters'));

  const details = h('details', { class: 'filters', open: filtersOpen,
    ontoggle: (ev) => { if (ev.target.open) loadReference(); } },
    h('summary', {}, t('filters')),
    h('div', { class: 'filter-grid' },
      edition ? select(nextId('day'), t('day'), state.day, daysOf(edition).map((d) => [d, dayLabel(d, 'short')]), set('day')) : null,
      trackField, activityField,
      edition && edition.campuses && edition.campuses.length
        ? select(nextId('campus'), t('campus'), state.campus, edition.campuses.map((c) => [c, campusText(c)]), set('campus')) : null,
      select(nextId('mode'), t('format'), state.mode, ['ONLINE', 'OFFLINE', 'HYBRID'].map((m) => [m, modeLabel(m)]), set('mode')),
      select(nextId('lang'), t('language'), state.language, [['en', t('lang_en')], ['zh', t('lang_zh')]], set('language')),
      select(nextId('aud'), t('audience'), state.audience, AUDIENCES.map((a) => [a, t(a)]), set('audience'))));

  const editionPicker = editions && editions.length > 1
    ? select(nextId('edition'), t('edition'), edition.id, editions.map((e) => [e.id, pick(e, 'name', 'names')]), (ev) => {
      location.hash = '#/?edition=' + encodeURIComponent(ev.target.value || '');
    }) : null;

  fill(main, 
    h('div', { class: 'intro' }, h('h1', {}, title), intro ? h('p', { class: 'lede' }, intro) : null),
    editionPicker,
    h('div', { class: 'programme-layout' }, h('div', { class: 'prog-side' },
    h('form', { class: 'search', role: 'search', onsubmit: (ev) => {
      ev.preventDefault(); clearTimeout(typing); state.q = search.value.trim(); load();
    } },
      h('label', { for: sid, class: 'search-label' }, t('search')),
      h('div', { class: 'search-row' }, search, h('button', { type: 'submit' }, t('search'))),
      h('div', { class: 'check' }, pastBox, h('label', { for: pastId }, t('showPast')))),
    details, clear), h('div', { class: 'prog-main' }, resultsStatus, list)));

  if (filtersOpen) loadReference();
  await load();
  return () => { clearTimeout(typing); loadSeq++; if (seatObserver) seatObserver.disconnect(); };
}

function card(s, now) {
  const past = isPast(s, now);
  const cancelled = s.status === 'CANCELLED';
  const venue = s.mode === 'ONLINE' ? '' : venueText(s.venue || s);
  const flags = [];
  if (cancelled) flags.push(h('span', { class: 'flag flag-cancelled' }, t('cancelledSession')));
  else if (past) flags.push(h('span', { class: 'flag flag-past' }, t('ended')));
  return h('li', { class: 'card' + (past ? ' is-past' : '') + (cancelled ? ' is-cancelled' : '') },
    h('h3', {}, h('a', { href: '#/sessions/' + encodeURIComponent(s.id) }, s.title || s.id)),
    h('p', { class: 'when' }, timeOnly(s.start, s.end, s.timeZone), flags.length ? ' ' : null, flags),
    h('p', { class: 'where' }, h('span', { class: 'mode mode-' + s.mode }, modeLabel(s.mode, true)),
      venue ? ' ' + venue : null),
    h('p', { class: 'meta' }, [capacityText(s), t('pair', t('forAudience'), audienceText(s.audience)),
      languageText(s.language)].filter(Boolean).join(' · ')),
    past || cancelled ? null : h('p', { class: 'free', 'data-seats': s.id, 'data-mode': s.mode }));
}

/** "12 seats free" (one mode) or "In person: Full · Online: 3 seats free" (hybrid). */
export function freeText(a, mode) {
  const seats = (a.seats || []).filter((x) => (mode === 'HYBRID' ? true : mode === 'ONLINE' ? x.seatMode === 'ONLINE' : x.seatMode === 'IN_PERSON'));
  return seats.map((x) => {
    const text = x.free > 0 ? tn('freeSeats', x.free) : t('full') + (x.waiting ? ' (' + tn('waiting', x.waiting) + ')' : '');
    return seats.length > 1 ? t('pair', x.seatMode === 'ONLINE' ? t('seatOnline') : t('seatInPerson'), text) : text;
  }).join(' · ');
}

/** Free seats on the cards in view, for every visitor (the seats are public), fetched as cards scroll into view. */
function observeSeats(list, ctx) {
  if (!('IntersectionObserver' in window)) return null;
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      io.unobserve(e.target);
      const slot = e.target.querySelector('[data-seats]');
      api('/api/registrations/sessions/' + encodeURIComponent(slot.dataset.seats) + '/availability', { quiet401: true })
        .then((a) => { if (slot.isConnected) slot.textContent = freeText(a, slot.dataset.mode); }, () => {});
    }
  }, { rootMargin: '200px' });
  // Observe the cards: the empty seat line itself has no box until it has text.
  list.querySelectorAll('[data-seats]').forEach((n) => io.observe(n.closest('li')));
  return io;
}
