// The door check-in page (/checkin): an organizer's phone or tablet at the door of one session. Choose the session,
// then scan QR tickets with the camera or find people by name; every answer shows large with colour, icon and words
// and is announced. Scans made without a network wait on the device (queue.js) and are sent when it is back.
import { i18n, setLang, t, dateTime, timeRange, venueText, pick, clock } from '../i18n.js';
import { h, $, fill, announce, randomId } from '../dom.js';
import { api, ApiError } from '../api.js';
import { auth, initAuth, signOut } from '../auth.js';
import { dt, dtn } from './texts.js';
import { prepareScanner, startScanner } from './scanner.js';
import { queued, enqueue, dequeue } from './queue.js';

const POLL_MS = 5000;
const SAME_CODE_MS = 3000;
const RETRYABLE = new Set([0, 502, 503, 504]);

const state = {
  sessionId: null, session: null, tab: 'scan', result: null, counts: null, countsAt: null, offline: false,
  names: new Map(), scanner: null, cameraNote: null, last: { code: null, seen: 0 }, busy: false,
  outcomes: [], pollTimer: null, picker: { editionId: null, q: '' }
};

// ---- tickets (display only: the service verifies every ticket)

/** The ids inside a ticket (EW1.<registrationId>.<sessionId>.<signature>, base64url), or null if it is none. */
function readTicket(text) {
  const parts = String(text || '').trim().split('.');
  if (parts.length !== 4 || parts[0] !== 'EW1' || !parts[3]) return null;
  try {
    const dec = (s) => new TextDecoder().decode(Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')),
      (c) => c.charCodeAt(0)));
    return { registrationId: dec(parts[1]), sessionId: dec(parts[2]) };
  } catch { return null; }
}

// ---- the shell

function applyStaticTexts() {
  document.title = dt('title') + ' — eduweek';
  document.querySelectorAll('[data-d]').forEach((el) => { el.textContent = dt(el.dataset.d); });
  const sw = $('#lang-switch');
  sw.textContent = t('switchLang');
  sw.setAttribute('lang', i18n.lang === 'zh' ? 'en' : 'zh-CN');
  sw.setAttribute('aria-label', t('switchLangLabel'));
}

function renderAccount() {
  const box = $('#account');
  if (!auth.signedIn) { fill(box); return; }
  fill(box, h('span', { class: 'who' }, t('signedInAs', auth.user.name || auth.user.sub)),
    h('button', { type: 'button', class: 'ghost', onclick: () => { stopCamera(); signOut(); } }, t('signOut')));
}

const isOrganizer = () => auth.signedIn && (auth.user.roles || []).some((r) => r === 'ORGANIZER' || r === 'ADMIN');

function signIn() {
  const u = new URL(auth.signInUrl, location.origin);
  u.searchParams.set('lang', i18n.lang);
  u.searchParams.set('return', '/checkin' + (location.hash || ''));
  location.assign(u.pathname + u.search);
}

function gate(main) {
  if (auth.mode !== 'bff' || (!auth.signedIn && !auth.signInUrl)) {
    fill(main, h('h1', {}, dt('title')), h('div', { class: 'notice warn' }, h('p', {}, dt('devMode'))));
    return false;
  }
  if (!auth.signedIn) {
    fill(main, h('h1', {}, dt('signInTitle')), h('div', { class: 'notice' }, h('p', {}, dt('signInText')),
      h('button', { type: 'button', onclick: signIn }, t('signIn'))));
    return false;
  }
  if (!isOrganizer()) {
    fill(main, h('h1', {}, dt('title')), h('div', { class: 'notice bad' },
      h('p', {}, dt('notOrganizer', auth.user.name || auth.user.sub))));
    return false;
  }
  return true;
}

function sessionIdFromHash() {
  const m = /^#\/s\/([^/?#]+)$/.exec(location.hash || '');
  return m ? decodeURIComponent(m[1]) : null;
}

async function render() {
  const main = $('#main');
  applyStaticTexts();
  renderAccount();
  if (!gate(main)) { stopCamera(); return; }
  const sessionId = sessionIdFromHash();
  if (!sessionId) { stopCamera(); stopPolling(); state.sessionId = null; await renderPicker(main); return; }
  if (sessionId !== state.sessionId) {
    stopCamera();
    Object.assign(state, { sessionId, session: null, result: null, counts: null, outcomes: [], names: new Map() });
  }
  await renderDoor(main);
}

// ---- choosing the session

async function renderPicker(main) {
  fill(main, h('h1', {}, dt('title')), h('p', { class: 'lede' }, dt('intro')), h('p', { class: 'loading' }, dt('loading')));
  let editions;
  try {
    editions = await api('/api/schedule/editions');
  } catch (e) { return showError(main, e, () => renderPicker(main)); }
  editions = Array.isArray(editions) ? editions : (editions && editions.items) || [];
  const today = new Date().toISOString().slice(0, 10);
  if (!state.picker.editionId || !editions.some((e) => e.id === state.picker.editionId)) {
    const current = editions.find((e) => e.startDate <= today && today <= e.endDate)
      || editions.filter((e) => e.startDate > today).sort((a, b) => a.startDate.localeCompare(b.startDate))[0]
      || editions[editions.length - 1];
    state.picker.editionId = current ? current.id : null;
  }
  const list = h('div', { 'aria-live': 'polite', 'aria-busy': 'true' });
  const editionField = h('div', { class: 'field' }, h('label', { for: 'door-edition' }, dt('edition')),
    h('select', { id: 'door-edition', onchange: (ev) => { state.picker.editionId = ev.target.value; load(); } },
      editions.map((e) => h('option', { value: e.id, selected: e.id === state.picker.editionId },
        pick(e, 'name', 'names') || e.id))));
  const search = h('input', { id: 'door-session-q', type: 'search', value: state.picker.q, autocomplete: 'off',
    'aria-describedby': 'door-session-q-hint', oninput: (ev) => { state.picker.q = ev.target.value; show(); } });
  const searchField = h('div', { class: 'field' }, h('label', { for: 'door-session-q' }, dt('searchSessions')), search,
    h('p', { class: 'hint', id: 'door-session-q-hint' }, dt('searchSessionsHint')));
  fill(main, h('h1', {}, dt('title')), h('p', { class: 'lede' }, dt('intro')),
    h('div', { class: 'door-picker' }, editionField, searchField), list);

  let sessions = [];
  const show = () => {
    const words = state.picker.q.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = sessions.filter((s) => {
      const text = [s.title, s.titles && s.titles.en, s.titles && s.titles.zh].filter(Boolean).join(' ').toLowerCase();
      return words.every((w) => text.includes(w));
    });
    const now = Date.now();
    const todayOf = (s) => new Intl.DateTimeFormat('en-CA', { timeZone: s.displayTimeZone || s.timeZone || 'UTC' })
      .format(new Date());
    const groups = [
      ['today', matches.filter((s) => (s.day || '') === todayOf(s))],
      ['upcoming', matches.filter((s) => (s.day || '') !== todayOf(s) && new Date(s.end).getTime() >= now)],
      ['earlier', matches.filter((s) => (s.day || '') !== todayOf(s) && new Date(s.end).getTime() < now).reverse()]
    ].filter(([, items]) => items.length);
    list.setAttribute('aria-busy', 'false');
    if (!groups.length) { fill(list, h('p', {}, dt('noSessions'))); return; }
    fill(list, groups.map(([key, items]) => [h('h2', {}, dt(key)), h('ul', { class: 'door-sessions' },
      items.slice(0, 100).map((s) => h('li', {}, h('button', { type: 'button', class: 'door-session-choice',
        'aria-label': dt('openSession', s.title || s.id),
        onclick: () => { location.hash = '#/s/' + encodeURIComponent(s.id); } },
      h('strong', {}, s.title || s.id),
      h('span', { class: 'door-when' }, timeRange(s.start, s.end, s.displayTimeZone || s.timeZone),
        s.venue ? ' · ' + venueText(s.venue) : '')))))]));
  };
  const load = async () => {
    list.setAttribute('aria-busy', 'true');
    if (!state.picker.editionId) { sessions = []; show(); return; }
    try {
      const page = await api('/api/schedule/sessions?' + new URLSearchParams({ editionId: state.picker.editionId,
        size: '1000' }));
      sessions = ((page && page.items) || []).filter((s) => s.status !== 'CANCELLED')
        .sort((a, b) => String(a.start).localeCompare(String(b.start)));
      show();
    } catch (e) { showError(list, e, load); }
  };
  await load();
}

// ---- the door of one session

async function renderDoor(main) {
  if (!state.session) {
    fill(main, h('p', { class: 'loading' }, dt('loading')));
    try {
      state.session = await api('/api/schedule/sessions/' + encodeURIComponent(state.sessionId));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        fill(main, h('h1', {}, dt('title')), h('div', { class: 'notice bad' }, h('p', {}, dt('sessionGone'))),
          h('p', {}, h('a', { href: '#/' }, dt('changeSession'))));
        return;
      }
      return showError(main, e, () => renderDoor(main));
    }
    loadNames();
    prepareScanner();
  } else if (state.session.lang !== i18n.lang) {
    try { state.session = await api('/api/schedule/sessions/' + encodeURIComponent(state.sessionId)); } catch { /* keep */ }
  }
  const s = state.session;
  const countBox = h('div', { class: 'door-count', id: 'door-count', role: 'status', 'aria-live': 'polite' });
  const status = h('p', { class: 'door-status', id: 'door-status' });
  const tabs = h('div', { class: 'door-tabs' },
    h('button', { type: 'button', id: 'door-tab-scan', 'aria-pressed': String(state.tab === 'scan'),
      onclick: () => { state.tab = 'scan'; renderDoor(main); } }, dt('scanTab')),
    h('button', { type: 'button', id: 'door-tab-search', 'aria-pressed': String(state.tab === 'search'),
      onclick: () => { state.tab = 'search'; stopCamera(); renderDoor(main); } }, dt('searchTab')));
  const result = h('section', { class: 'door-result', id: 'door-result', role: 'status', 'aria-live': 'assertive',
    'aria-atomic': 'true' });
  const queueBox = h('div', { id: 'door-queue' });
  const work = state.tab === 'scan' ? scanPanel() : searchPanel();
  fill(main,
    h('div', { class: 'door-session' }, h('h1', {}, s.title || s.id),
      h('a', { href: '#/', onclick: () => stopCamera() }, dt('changeSession'))),
    h('p', { class: 'door-when' }, timeRange(s.start, s.end, s.displayTimeZone || s.timeZone),
      s.venue ? ' · ' + venueText(s.venue) : ''),
    countBox, status,
    h('div', { class: 'door-desk' }, tabs, result, h('div', { class: 'door-work' }, work), queueBox));
  showCounts();
  showResult();
  showQueue();
  startPolling();
}

function scanPanel() {
  const host = h('div', { class: 'door-camera', id: 'door-camera', role: 'img', 'aria-label': dt('cameraLabel') });
  const note = h('p', { class: 'hint', id: 'door-camera-note', 'aria-live': 'polite' });
  const toggle = h('button', { type: 'button', id: 'door-camera-toggle' });
  const refresh = () => {
    toggle.textContent = state.scanner ? dt('stopCamera') : dt('startCamera');
    toggle.className = state.scanner ? 'secondary' : '';
    note.textContent = state.cameraNote || (state.scanner ? dt('cameraHint') : dt('cameraOff'));
  };
  toggle.addEventListener('click', async () => {
    if (state.scanner) { stopCamera(); refresh(); showResult(); return; }
    state.cameraNote = dt('cameraStarting');
    refresh();
    toggle.disabled = true;
    try {
      state.scanner = await startScanner(host, onCode);
      state.cameraNote = null;
      showResult();
    } catch (e) {
      state.scanner = null;
      state.cameraNote = e.message === 'decoder' ? dt('decoderMissing')
        : e.name === 'NotFoundError' ? dt('cameraMissing') : dt('cameraDenied', e.name);
    }
    toggle.disabled = false;
    refresh();
  });
  if (state.scanner) {
    // the page re-rendered (language, counts): the running camera moves into the new frame
    stopCamera();
    queueMicrotask(() => toggle.click());
  }
  refresh();
  return h('div', { class: 'door-scan' }, host, h('div', { class: 'actions door-next' }, toggle), note);
}

function stopCamera() {
  if (state.scanner) { try { state.scanner.stop(); } catch { /* already stopped */ } }
  state.scanner = null;
}

function searchPanel() {
  const input = h('input', { id: 'door-people-q', type: 'search', autocomplete: 'off',
    'aria-describedby': 'door-people-q-hint' });
  const found = h('p', { class: 'hint', id: 'door-people-found', 'aria-live': 'polite' });
  const list = h('ul', { class: 'door-list', id: 'door-people' });
  let timer = null;
  let seq = 0;
  const search = async () => {
    const mine = ++seq;
    try {
      const roster = await api(`/api/registrations/sessions/${encodeURIComponent(state.sessionId)}/check-ins?`
        + new URLSearchParams({ q: input.value.trim(), limit: '30' }));
      if (mine !== seq) return;
      roster.people.forEach((p) => state.names.set(p.registrationId, p));
      updateCounts(roster);
      found.textContent = roster.people.length ? dtn('peopleFound', roster.people.length) : dt('noPeople');
      fill(list, roster.people.map((p) => h('li', {},
        h('span', { class: 'door-person' }, h('strong', {}, p.name), h('span', {}, dt('seat', t(p.seatMode)))),
        p.checkedInAt ? h('span', { class: 'door-in' }, '✓ ' + dt('checkedInAt', dateTime(p.checkedInAt)))
          : h('button', { type: 'button', 'aria-label': dt('checkInPersonLabel', p.name),
            onclick: async (ev) => {
              ev.currentTarget.disabled = true;
              await checkIn({ registrationId: p.registrationId }, p.name);
              search();
            } }, dt('checkInPerson')))));
    } catch (e) {
      if (mine === seq) { fill(list); found.textContent = describeError(e); }
    }
  };
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 250); });
  search();
  return h('div', { class: 'door-search' },
    h('div', { class: 'field' }, h('label', { for: 'door-people-q' }, dt('searchPeople')), input,
      h('p', { class: 'hint', id: 'door-people-q-hint' }, dt('searchPeopleHint'))), found, list,
    walkInPanel(search));
}

// ---- a walk-in: someone without a registration gets a free seat on the spot

const WALK_IN_FIELDS = ['name', 'email', 'language'];

/** The walk-in form; afterwards the roster search runs again so the new person shows checked in. */
function walkInPanel(afterwards) {
  const controls = {};
  const errors = {};
  const field = (name, control, hintKey) => {
    const id = 'door-walkin-' + name;
    control.id = id;
    errors[name] = h('p', { class: 'field-error', id: id + '-error', hidden: true });
    const hint = hintKey ? h('p', { class: 'hint', id: id + '-hint' }, dt(hintKey)) : null;
    control.setAttribute('aria-describedby', [hint ? id + '-hint' : null, id + '-error'].filter(Boolean).join(' '));
    controls[name] = control;
    return h('div', { class: 'field' }, h('label', { for: id }, dt('walkIn_' + name)), control, hint, errors[name]);
  };
  // one key per person typed in: a double tap or a retry after a lost answer is the same walk-in
  let key = randomId();
  const changed = () => { key = randomId(); };
  const name = h('input', { type: 'text', autocomplete: 'off', required: true, maxlength: '100', oninput: changed });
  const email = h('input', { type: 'email', autocomplete: 'off', required: true, maxlength: '254',
    inputmode: 'email', spellcheck: 'false', oninput: changed });
  const language = h('select', { onchange: changed },
    ['en', 'zh'].map((l) => h('option', { value: l, selected: l === i18n.lang }, t('lang_' + l))));
  const submit = h('button', { type: 'submit', id: 'door-walkin-submit' }, dt('walkInSubmit'));
  const clearErrors = () => WALK_IN_FIELDS.forEach((f) => {
    errors[f].hidden = true;
    errors[f].textContent = '';
    controls[f].removeAttribute('aria-invalid');
  });
  const form = h('form', { class: 'door-walkin', id: 'door-walkin', novalidate: true,
    'aria-labelledby': 'door-walkin-h', onsubmit: async (ev) => {
      ev.preventDefault();
      clearErrors();
      const missing = [['name', name.value.trim() ? null : 'walkInNameMissing'],
        ['email', /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.value.trim()) ? null : 'walkInEmailInvalid']]
        .filter(([, k]) => k);
      if (missing.length) {
        missing.forEach(([f, k]) => showFieldError(f, dt(k)));
        controls[missing[0][0]].focus();
        return;
      }
      submit.disabled = true;
      submit.textContent = dt('walkInSending');
      try {
        const answer = await api(`/api/registrations/sessions/${encodeURIComponent(state.sessionId)}/walk-ins`,
          { method: 'POST', headers: { 'Idempotency-Key': key },
            body: { name: name.value.trim(), email: email.value.trim(), language: language.value } });
        show({ kind: 'ok', headline: 'walkInDone', name: answer.participantName, seatMode: answer.seatMode,
          at: answer.checkedInAt, note: dt(answer.invited ? 'walkInInvited' : 'walkInKnown', email.value.trim()) });
        name.value = '';
        email.value = '';
        changed();
        refreshCounts();
        afterwards();
      } catch (e) {
        const placed = e instanceof ApiError ? e.fields.filter((f) => controls[f.field]) : [];
        placed.forEach((f) => showFieldError(f.field, f.message));
        if (placed.length) controls[placed[0].field].focus();
        if (e instanceof ApiError && e.status === 401) render();
        else show({ kind: 'bad', headline: 'walkInRefused',
          detail: e instanceof ApiError && e.status === 0 ? dt('walkInOffline') : describeError(e) });
      } finally {
        submit.disabled = false;
        submit.textContent = dt('walkInSubmit');
      }
    } },
  h('h2', { id: 'door-walkin-h' }, dt('walkInTitle')),
  h('p', { class: 'hint' }, dt('walkInIntro')),
  h('div', { class: 'door-walkin-fields' }, field('name', name), field('email', email, 'walkIn_emailHint'),
    field('language', language, 'walkIn_languageHint')),
  h('div', { class: 'actions' }, submit));
  function showFieldError(f, message) {
    errors[f].textContent = message;
    errors[f].hidden = false;
    controls[f].setAttribute('aria-invalid', 'true');
  }
  return form;
}

// ---- scanning and checking in

function onCode(text) {
  const now = Date.now();
  const same = text === state.last.code && now - state.last.seen < SAME_CODE_MS;
  state.last = { code: text, seen: now };
  if (state.busy || same) return;
  state.busy = true;
  handleCode(text).finally(() => { state.busy = false; state.last.seen = Date.now(); });
}

async function handleCode(text) {
  const ticket = readTicket(text);
  if (!ticket) { show({ kind: 'bad', headline: 'invalidTicket', detailKey: 'invalidTicketDetail' }); return; }
  const known = state.names.get(ticket.registrationId);
  await checkIn({ token: text.trim() }, known ? known.name : null, ticket);
}

/** body: {token} or {registrationId}; name: what this device knows, for a queued scan. */
async function checkIn(body, name, ticket) {
  const item = { key: randomId(), sessionId: state.sessionId, ...body, at: new Date().toISOString(), name };
  try {
    const answer = await send(item);
    show(outcomeOf(answer));
    refreshCounts();
  } catch (e) {
    if (e instanceof ApiError && RETRYABLE.has(e.status)) {
      enqueue(item);
      setOffline(e.status === 0);
      show({ kind: 'queued', headline: 'queued', name: name || null, detailKey: 'queuedDetail' });
      showQueue();
      return;
    }
    show(await refusal(e, ticket));
  }
}

function send(item) {
  const body = item.token ? { token: item.token } : { registrationId: item.registrationId };
  return api(`/api/registrations/sessions/${encodeURIComponent(item.sessionId)}/check-ins`,
    { method: 'POST', body, headers: { 'Idempotency-Key': item.key } });
}

function outcomeOf(answer) {
  const r = answer.registration;
  return answer.alreadyCheckedIn
    ? { kind: 'again', headline: 'alreadyIn', name: answer.participantName || r.participantId, seatMode: r.seatMode,
      at: r.checkedInAt }
    : { kind: 'ok', headline: 'checkedIn', name: answer.participantName || r.participantId, seatMode: r.seatMode,
      at: r.checkedInAt };
}

async function refusal(e, ticket) {
  if (!(e instanceof ApiError)) return { kind: 'bad', headline: 'failed', detail: String(e.message || e) };
  if (e.status === 401) { render(); return { kind: 'bad', headline: 'failed', detailKey: 'signedOut' }; }
  if (e.status === 400 && e.problem && String(e.problem.type || '').endsWith('/invalid-qr-token')) {
    return { kind: 'bad', headline: 'invalidTicket', detailKey: 'invalidTicketDetail' };
  }
  if (e.status === 409 && ticket && ticket.sessionId !== state.sessionId) {
    let title = ticket.sessionId;
    try { title = (await api('/api/schedule/sessions/' + encodeURIComponent(ticket.sessionId))).title || title; }
    catch { /* name it by id */ }
    return { kind: 'bad', headline: 'otherSession', detailKey: 'otherSessionDetail', detailArg: title };
  }
  if (e.status === 409) return { kind: 'bad', headline: 'notAdmitted', detail: e.message };
  if (e.status === 404) return { kind: 'bad', headline: 'unknownTicket', detail: e.message };
  return { kind: 'bad', headline: 'failed', detail: e.message };
}

// ---- the answer, large

const ICONS = { ok: '✓', again: 'i', queued: '…', bad: '✕' };

function show(outcome) {
  state.result = outcome;
  showResult(true);
}

function showResult(fresh = false) {
  const box = $('#door-result');
  if (!box) return;
  const o = state.result;
  if (!o) { fill(box); box.removeAttribute('data-kind'); return; }
  box.dataset.kind = o.kind;
  const lines = [dt(o.headline)];
  const detail = o.kind === 'again' ? dt('alreadyInAt', dateTime(o.at))
    : o.kind === 'ok' ? dt('checkedInAt', dateTime(o.at))
      : o.detailKey ? dt(o.detailKey, o.detailArg) : o.detail;
  fill(box,
    h('span', { class: 'door-icon', 'aria-hidden': 'true' }, ICONS[o.kind]),
    h('p', { class: 'door-headline' }, dt(o.headline)),
    o.name || o.kind === 'queued' ? h('p', { class: 'door-name' }, o.name || dt('unknownName')) : null,
    h('p', { class: 'door-detail' }, [o.seatMode ? dt('seat', t(o.seatMode)) : null, detail].filter(Boolean).join(' · ')),
    o.note ? h('p', { class: 'door-detail door-note' }, o.note) : null,
    state.tab === 'scan' && state.scanner ? h('button', { type: 'button', class: 'secondary door-again',
      onclick: () => { state.last = { code: null, seen: 0 }; } }, dt('scanAgain')) : null);
  if (fresh) {
    if (o.name) lines.push(o.name);
    if (o.seatMode) lines.push(dt('seat', t(o.seatMode)));
    if (detail) lines.push(detail);
    if (o.note) lines.push(o.note);
    announce(lines.join('. '));
  }
}

// ---- counts, live

function updateCounts(roster) {
  state.counts = { confirmed: roster.confirmed, checkedIn: roster.checkedIn };
  state.countsAt = new Date();
  setOffline(false);
  showCounts();
}

function showCounts() {
  const box = $('#door-count');
  if (!box) return;
  const c = state.counts;
  fill(box, c ? [h('strong', {}, String(c.checkedIn)), h('span', {}, dt('count', c.checkedIn, c.confirmed))] : dt('loading'));
  const status = $('#door-status');
  if (status) {
    status.dataset.offline = String(state.offline);
    status.textContent = state.offline ? dt('offlineStatus') : state.countsAt ? dt('countUpdated', clock(state.countsAt)) : '';
  }
}

function setOffline(offline) {
  if (state.offline === offline) return;
  state.offline = offline;
  showCounts();
}

async function refreshCounts() {
  if (!state.sessionId) return;
  try {
    updateCounts(await api(`/api/registrations/sessions/${encodeURIComponent(state.sessionId)}/check-ins?limit=0`));
  } catch (e) {
    if (e instanceof ApiError && e.status === 0) setOffline(true);
    else if (e instanceof ApiError && e.status >= 400 && e.status < 500) showCountRefusal(e);
  }
  flushQueue();
}

/** The service's own words when it refuses this session's figures (e.g. not on its edition's team). */
function showCountRefusal(e) {
  const box = $('#door-count');
  if (!box) return;
  const p = e.problem || {};
  const words = [p.title, p.detail].filter(Boolean).join(': ');
  if (!words || box.textContent === words) return;
  fill(box, h('span', { class: 'door-refused', role: 'alert' }, words));
}

async function loadNames() {
  try {
    const roster = await api(`/api/registrations/sessions/${encodeURIComponent(state.sessionId)}/check-ins?limit=200`);
    roster.people.forEach((p) => state.names.set(p.registrationId, p));
    updateCounts(roster);
  } catch { /* names are a nicety for queued scans */ }
}

function startPolling() {
  if (state.pollTimer) return;
  state.pollTimer = setInterval(refreshCounts, POLL_MS);
  refreshCounts();
}

function stopPolling() {
  clearInterval(state.pollTimer);
  state.pollTimer = null;
}

// ---- the offline queue

let flushing = false;

async function flushQueue() {
  if (flushing || !state.sessionId) return;
  const items = queued(state.sessionId);
  if (!items.length) return;
  flushing = true;
  try {
    for (const item of items) {
      try {
        const answer = await send(item);
        dequeue(item.key);
        const o = outcomeOf(answer);
        state.outcomes.unshift({ key: item.key, state: 'verified', at: item.at, outcome: o });
        if (state.result && state.result.kind === 'queued') show({ ...o, kind: o.kind });
      } catch (e) {
        if (e instanceof ApiError && (RETRYABLE.has(e.status) || e.status === 401
          || (e.status === 409 && e.problem && String(e.problem.type || '').endsWith('/idempotency-in-progress')))) {
          if (e.status === 0) setOffline(true);
          break;
        }
        dequeue(item.key);
        const o = await refusal(e, item.token ? readTicket(item.token) : null);
        state.outcomes.unshift({ key: item.key, state: 'refused', at: item.at, outcome: { ...o, name: item.name } });
      }
    }
  } finally {
    flushing = false;
    showQueue();
    refreshCountsQuietly();
  }
}

async function refreshCountsQuietly() {
  try {
    updateCounts(await api(`/api/registrations/sessions/${encodeURIComponent(state.sessionId)}/check-ins?limit=0`));
  } catch { /* the next poll tries again */ }
}

function showQueue() {
  const box = $('#door-queue');
  if (!box) return;
  const waiting = queued(state.sessionId);
  if (!waiting.length && !state.outcomes.length) { fill(box); return; }
  const label = (item) => item.name || (item.token ? dt('ticketEnding', item.token.slice(-6)) : item.registrationId);
  fill(box, h('h2', { id: 'door-queue-h' }, dt('queueTitle')),
    h('p', { class: 'door-status', id: 'door-queue-count' }, waiting.length ? dtn('queueCount', waiting.length)
      : dt('queueEmpty')),
    h('ul', { class: 'door-list door-queue' },
      waiting.map((item) => h('li', { 'data-state': 'queued' }, h('span', {}, label(item)),
        h('span', {}, dt('queueItemQueued', clock(new Date(item.at)))))),
      state.outcomes.slice(0, 20).map((x) => h('li', { 'data-state': x.state },
        h('span', {}, x.outcome.name || '—'),
        h('span', {}, x.state === 'verified'
          ? dt('queueItemVerified', x.outcome.kind === 'ok' ? dt('checkedIn') : dt('alreadyIn'))
          : dt('queueItemRefused', dt(x.outcome.headline)))))));
}

// ---- errors and start

function describeError(e) {
  return e instanceof ApiError && e.status === 0 ? t('offline') : String(e.message || e);
}

function showError(where, e, retry) {
  fill(where, h('p', { class: 'error' }, describeError(e)), h('button', { type: 'button', onclick: retry }, t('retry')));
}

async function start() {
  setLang(i18n.lang);
  applyStaticTexts();
  $('#lang-switch').addEventListener('click', () => {
    setLang(i18n.lang === 'zh' ? 'en' : 'zh');
    render();
  });
  window.addEventListener('hashchange', render);
  window.addEventListener('online', () => { setOffline(false); flushQueue(); });
  window.addEventListener('offline', () => setOffline(true));
  await initAuth();
  await render();
}

start();
