// The live dashboard at /dashboard: the shell (header, language, account), the sign-in gate and the hash router.
// Routes (shareable): #/?edition=… the overview, #/big?edition=… the big-screen layout for the venue.
// The page itself is public; the figures are not: only ORGANIZER and ADMIN get them (the gateway and analytics
// check again), everyone else is asked to sign in or told that the dashboard is not theirs.
import { h, $, fill, announce } from '../dom.js';
import { i18n, t, setLang, pick } from '../i18n.js';
import { auth, initAuth, signOut } from '../auth.js';
import { api, describe, useCredentials } from '../api.js';
import { d } from './text.js';
import { openLive } from './live.js';
import { EditionFigures } from './figures.js';
import { Board } from './board.js';

const ALLOWED = ['ORGANIZER', 'ADMIN'];
const UNASSIGNED = 'unassigned';

/** Local profile without an identity provider: an organizer's dev token, in this page's memory only. */
const dev = { token: null, user: null };

const live = { editionId: null, figures: null, stop: null, state: 'connecting', tracks: new Map() };
let board = null;
let editions = null;
let pending = false;

function route() {
  const raw = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  const [path, query = ''] = raw.split('?');
  return { big: path === '/big', edition: new URLSearchParams(query).get('edition') };
}

const hashFor = (big, edition) => (big ? '#/big' : '#/') + (edition ? '?edition=' + encodeURIComponent(edition) : '');

function user() {
  if (auth.mode === 'bff') return auth.signedIn ? auth.user : null;
  return dev.user;
}

const allowed = (u) => !!u && (u.roles || []).some((r) => ALLOWED.includes(r));

// ---- the header

function applyStaticTexts() {
  document.documentElement.lang = i18n.lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-t]').forEach((n) => { n.textContent = t(n.dataset.t); });
  document.querySelectorAll('[data-d]').forEach((n) => { n.textContent = d(n.dataset.d); });
  document.querySelectorAll('[data-d-label]').forEach((n) => n.setAttribute('aria-label', d(n.dataset.dLabel)));
  const sw = $('#lang-switch');
  sw.textContent = t('switchLang');
  sw.setAttribute('lang', i18n.lang === 'zh' ? 'en' : 'zh-CN');
  sw.setAttribute('aria-label', t('switchLangLabel'));
}

function renderAccount() {
  const u = user();
  const box = $('#account');
  if (!u) { fill(box); return; }
  fill(box, h('span', { class: 'who' }, t('signedInAs', u.name || u.sub)),
    h('button', { type: 'button', class: 'ghost', onclick: leave }, t('signOut')));
}

function leave() {
  if (auth.mode === 'bff') { signOut(); return; }
  dev.token = null;
  dev.user = null;
  stopLive();
  renderAccount();
  render();
}

function markNav(big) {
  document.querySelectorAll('#nav a[data-route]').forEach((a) => {
    if ((a.dataset.route === 'big') === big) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  const edition = live.editionId;
  $('#nav a[data-route="overview"]').setAttribute('href', hashFor(false, edition));
  $('#nav a[data-route="big"]').setAttribute('href', hashFor(true, edition));
}

// ---- the gate

function signInState(main) {
  const back = '/dashboard' + (location.hash || '');
  let action;
  if (auth.mode === 'bff' && auth.signInUrl) {
    const url = new URL(auth.signInUrl, location.origin);
    url.searchParams.set('lang', i18n.lang);
    url.searchParams.set('return', back);
    action = h('p', { class: 'actions' }, h('a', { class: 'button', href: url.pathname + url.search }, t('signIn')));
  } else if (auth.mode === 'bff') {
    action = h('p', { class: 'notice' }, t('signInUnavailable'));
  } else {
    action = devSignInForm();
  }
  fill(main, h('h1', { tabindex: '-1' }, d('signInTitle')), h('p', { class: 'lede' }, d('signInText')), action);
}

function devSignInForm() {
  const error = h('p', { id: 'dev-err', class: 'error', role: 'alert' });
  const sub = h('input', { id: 'dev-sub', name: 'sub', value: 'demo-organizer', autocomplete: 'username',
    maxlength: '64', required: true, spellcheck: 'false', autocapitalize: 'none', 'aria-describedby': 'dev-hint' });
  return h('form', { class: 'panel', onsubmit: async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    const value = sub.value.trim();
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(value)) { error.textContent = t('userId') + ': A–Z a–z 0–9 . _ -'; sub.focus(); return; }
    try {
      const claims = { sub: value, name: value, locale: i18n.lang, roles: ['ORGANIZER'] };
      const answer = await api('/api/auth/dev-token', { method: 'POST', body: claims });
      dev.token = answer.access_token;
      dev.user = { sub: value, name: value, roles: claims.roles };
      useCredentials(() => ({ Authorization: 'Bearer ' + dev.token }), () => {});
      renderAccount();
      render();
    } catch (e) {
      error.textContent = e.status === 404 ? t('signInUnavailable') : describe(e);
    }
  } },
  h('h2', {}, t('devSignInTitle')),
  h('p', { id: 'dev-hint', class: 'hint' }, d('devSignInHint')),
  h('div', { class: 'field' }, h('label', { for: 'dev-sub' }, t('userId')), sub),
  error,
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('signIn'))));
}

function notAllowedState(main, u) {
  fill(main, h('h1', { tabindex: '-1' }, d('notAllowedTitle')),
    h('div', { class: 'notice bad', role: 'alert' }, h('p', {}, d('notAllowedText', u.name || u.sub))),
    h('p', {}, h('a', { href: '/' }, d('backToProgramme'))));
}

// ---- the dashboard

async function stillSignedIn() {
  if (auth.mode !== 'bff') return !!dev.token;
  await initAuth();
  return auth.signedIn;
}

function stopLive() {
  if (live.stop) live.stop();
  live.stop = null;
  live.editionId = null;
}

/** One stream per chosen edition; a record updates the board within the same task, no batching delay. */
function startLive(editionId) {
  stopLive();
  live.editionId = editionId;
  live.figures = new EditionFigures();
  live.state = 'connecting';
  const figures = live.figures;
  const changed = () => {
    if (board && board.figures === figures && !pending) {
      pending = true;
      queueMicrotask(() => { pending = false; if (board && board.figures === figures) board.update(); });
    }
  };
  live.stop = openLive({
    url: () => '/api/analytics/stream?editionId=' + encodeURIComponent(editionId)
      + (auth.mode === 'dev' && dev.token ? '&access_token=' + encodeURIComponent(dev.token) : ''),
    onSession: (record) => { figures.putSession(record); changed(); },
    onEdition: (record) => { if (record.editionId === editionId) { figures.putSummary(record); changed(); } },
    onState: (state) => {
      const before = live.state;
      live.state = state;
      if (state === 'signed-out') { announce(d('signedOutNow')); render(); return; }
      if (board && board.figures === figures) board.setLive(state);
      if (before !== state && (state === 'reconnecting' || (state === 'live' && before === 'reconnecting'))) {
        announce(d('liveState', d(state)));
      }
    },
    stillSignedIn
  });
}

function chooseEdition(list, wanted) {
  if (wanted && (wanted === UNASSIGNED || list.some((e) => e.id === wanted))) return wanted;
  if (!list.length) return UNASSIGNED;
  const today = new Date().toISOString().slice(0, 10);
  const running = list.find((e) => e.startDate <= today && today <= e.endDate);
  return (running || list[0]).id; // the schedule lists the newest first
}

const editionName = (id) => {
  if (id === UNASSIGNED) return d('unassigned');
  const e = (editions || []).find((x) => x.id === id);
  return e ? pick(e, 'name', 'names') || e.id : id;
};

function controls(r, editionId) {
  const select = h('select', { id: 'edition', onchange: () => { location.hash = hashFor(r.big, select.value); } },
    (editions || []).map((e) => h('option', { value: e.id, selected: e.id === editionId }, editionName(e.id))),
    h('option', { value: UNASSIGNED, selected: editionId === UNASSIGNED }, d('unassigned')));
  const full = h('button', { type: 'button', class: 'secondary', 'aria-pressed': String(!!document.fullscreenElement),
    onclick: () => toggleFullScreen(r, editionId) }, document.fullscreenElement ? d('exitFullScreen') : d('fullScreen'));
  return h('div', { class: 'dash-controls' },
    h('div', { class: 'field' }, h('label', { for: 'edition' }, d('edition')), select),
    h('div', { class: 'actions' }, full,
      r.big ? h('a', { class: 'button secondary', href: hashFor(false, editionId) }, d('exitBig')) : null));
}

async function toggleFullScreen(r, editionId) {
  if (document.fullscreenElement) { await document.exitFullscreen().catch(() => {}); return; }
  if (!r.big) location.hash = hashFor(true, editionId);
  try {
    await document.documentElement.requestFullscreen({ navigationUI: 'hide' });
  } catch {
    announce(d('fullScreenUnavailable'));
  }
}

async function dashboard(main, r) {
  if (!editions) editions = await api('/api/schedule/editions') || [];
  const editionId = chooseEdition(editions, r.edition);
  if (r.edition !== editionId) history.replaceState(null, '', location.pathname + hashFor(r.big, editionId));
  if (live.editionId !== editionId || !live.stop) {
    live.tracks = new Map();
    if (editionId !== UNASSIGNED) {
      const tracks = await api('/api/schedule/tracks?editionId=' + encodeURIComponent(editionId)).catch(() => []);
      live.tracks = new Map((tracks || []).map((x) => [x.id, x]));
    }
    startLive(editionId);
  }
  markNav(r.big);
  board = new Board(main, { figures: live.figures, big: r.big, tracks: live.tracks,
    edition: { id: editionId, name: editionName(editionId) }, controls: controls(r, editionId) });
  board.setLive(live.state);
}

let renders = 0;
let first = true;

async function render() {
  const mine = ++renders;
  const r = route();
  const main = $('#main');
  document.body.classList.toggle('big', r.big);
  board = null;
  const u = user();
  try {
    if (!u) { stopLive(); signInState(main); }
    else if (!allowed(u)) { stopLive(); notAllowedState(main, u); }
    else await dashboard(main, r);
  } catch (e) {
    if (mine !== renders) return;
    fill(main, h('h1', { tabindex: '-1' }, d('title')), h('p', { class: 'error', role: 'alert' }, d('loadFailed', describe(e))),
      h('p', {}, h('button', { type: 'button', onclick: render }, t('retry'))));
  }
  if (mine !== renders) return;
  const h1 = main.querySelector('h1');
  document.title = (h1 ? h1.textContent + ' — ' : '') + 'eduweek';
  if (!first && h1) h1.focus({ preventScroll: true });
  first = false;
}

async function start() {
  applyStaticTexts();
  $('#lang-switch').addEventListener('click', () => {
    setLang(i18n.lang === 'zh' ? 'en' : 'zh');
    applyStaticTexts();
    renderAccount();
    first = true; // focus stays on the switch
    render();
  });
  $('#skip').addEventListener('click', (ev) => { ev.preventDefault(); $('#main').focus(); });
  window.addEventListener('hashchange', render);
  document.addEventListener('fullscreenchange', () => {
    const button = document.querySelector('.dash-controls button[aria-pressed]');
    if (!button) return;
    button.setAttribute('aria-pressed', String(!!document.fullscreenElement));
    button.textContent = document.fullscreenElement ? d('exitFullScreen') : d('fullScreen');
  });
  await initAuth();
  renderAccount();
  await render();
}

start();
