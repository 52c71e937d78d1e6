// eduweek participant portal: the shell (header, language, account, footer) and the hash router.
// Routes (shareable): #/ programme (filters in the query: #/?day=2026-12-05&mode=HYBRID), #/sessions/{id},
// #/me/registrations, #/me/profile. Views other than the programme are loaded on first use.
import { h, $, toast, fill } from './assets/dom.js';
import { i18n, t, setLang, setProfileZone } from './assets/i18n.js';
import { auth, initAuth, onAuthChange, signIn, signOut, signUp, canSignUp, canSignIn, takeReturnTo } from './assets/auth.js';
import { api, describe } from './assets/api.js';
import * as programme from './assets/programme.js';

const views = {
  programme: () => Promise.resolve(programme),
  session: () => import('./assets/session.js'),
  mine: () => import('./assets/mine.js'),
  profile: () => import('./assets/profile.js')
};

function parseRoute() {
  const raw = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  const [path, query = ''] = raw.split('?');
  const params = new URLSearchParams(query);
  let m;
  if (path === '/' || path === '') return { name: 'programme', params };
  if ((m = /^\/sessions\/([^/]+)$/.exec(path))) return { name: 'session', id: decodeURIComponent(m[1]), params };
  if (path === '/me/registrations') return { name: 'mine', params };
  if (path === '/me/profile') return { name: 'profile', params };
  return { name: 'missing', params };
}

let cleanup = null;
let renderCount = 0;
let firstRender = true;
let authReady = Promise.resolve();
let shown = null; // the route on screen: {name, hash, id}
const scrolls = new Map(); // programme URL → scroll position when left

async function render() {
  const route = parseRoute();
  const main = $('#main');
  const mine = ++renderCount;
  // Leaving the programme: keep where the reader was, to come back to the same place in the list.
  if (shown && shown.name === 'programme' && route.name !== 'programme') scrolls.set(shown.hash, window.scrollY);
  const previous = shown;
  const current = { name: route.name, hash: location.hash || '#/', id: route.id };
  shown = current;
  if (cleanup) { try { cleanup(); } catch { /* a view's timers only */ } cleanup = null; }
  document.querySelectorAll('#nav a').forEach((a) => {
    if (a.dataset.route === route.name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  if (route.name === 'missing') {
    fill(main, h('h1', { tabindex: '-1' }, t('notFound')), h('p', {}, t('notFoundText')),
      h('p', {}, h('a', { href: '#/' }, t('backToProgramme'))));
    finish(main);
    return;
  }
  try {
    const view = await views[route.name]();
    if (mine !== renderCount) return;
    const ctx = { route, auth, ready: authReady, isCurrent: () => mine === renderCount, openSignIn, previous,
      remember: (hash) => { current.hash = hash; } };
    cleanup = await view.render(main, ctx) || null;
    if (mine !== renderCount) { if (cleanup) cleanup(); cleanup = null; return; }
  } catch (e) {
    if (mine !== renderCount) return;
    fill(main, h('h1', { tabindex: '-1' }, t('siteName')), h('p', { class: 'error' }, describe(e)),
      h('p', {}, h('button', { type: 'button', onclick: render }, t('retry'))));
  }
  // Back from a session to the programme: the same place in the list, focus on the session's own link.
  if (route.name === 'programme' && previous && previous.name === 'session' && scrolls.has(current.hash)) {
    const link = main.querySelector(`a[href="#/sessions/${CSS.escape(encodeURIComponent(previous.id))}"]`);
    finish(main, link, scrolls.get(current.hash));
    return;
  }
  finish(main);
}

/**
 * One h1 per page: name the document after it; after an in-page navigation, move focus to it (or to the given
 * element, at the given scroll position).
 */
function finish(main, focusTarget, scrollY) {
  const h1 = main.querySelector('h1');
  document.title = (h1 ? h1.textContent + ' — ' : '') + 'eduweek';
  const target = focusTarget || h1;
  if (!firstRender && target) {
    if (target === h1) h1.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    window.scrollTo({ top: scrollY || 0, behavior: 'instant' });
  }
  firstRender = false;
}

function applyStaticTexts() {
  document.documentElement.lang = i18n.lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-t]').forEach((n) => { n.textContent = t(n.dataset.t); });
  document.querySelectorAll('[data-t-label]').forEach((n) => n.setAttribute('aria-label', t(n.dataset.tLabel)));
  const sw = $('#lang-switch');
  sw.textContent = t('switchLang');
  sw.setAttribute('lang', i18n.lang === 'zh' ? 'en' : 'zh-CN');
}

// The signed-in person's profile as far as the shell needs it (the name in the header, the time zone of all times);
// null until known.
let profile = null;

function useProfile(p) {
  profile = p ? { name: p.name, timeZone: p.timeZone } : null;
  setProfileZone(profile && profile.timeZone);
}

/** The profile of whoever is signed in now; a failure leaves the token's name and the device's zone in use. */
async function loadProfile() {
  if (!auth.signedIn) { useProfile(null); return; }
  const sub = auth.user && auth.user.sub;
  try {
    const p = await api('/api/registrations/me/profile');
    if (auth.signedIn && auth.user && auth.user.sub === sub) useProfile(p);
  } catch { useProfile(null); }
  renderAccount();
}

function renderAccount() {
  const box = $('#account');
  if (auth.signedIn) {
    const name = (profile && profile.name) || (auth.user && (auth.user.name || auth.user.sub)) || '';
    fill(box, h('span', { class: 'who' }, t('signedInAs', name)),
      h('button', { type: 'button', class: 'ghost', onclick: () => signOut().then(() => toast('')) }, t('signOut')));
  } else if (auth.mode === 'unknown') {
    fill(box);
  } else {
    fill(box,
      canSignIn() ? h('button', { type: 'button', class: 'ghost', onclick: () => openSignIn() }, t('signIn')) : null,
      canSignUp() ? h('button', { type: 'button', class: 'ghost', onclick: signUp }, t('signUp')) : null);
  }
}

/** Sign in: the identity provider's page (BFF), or a small dialog asking for a dev user id (local profile). */
function openSignIn() {
  if (auth.mode === 'bff') { signIn(); return; }
  const idUser = 'dev-sub'; const idName = 'dev-name'; const idErr = 'dev-err';
  const error = h('p', { id: idErr, class: 'error', role: 'alert' });
  const sub = h('input', { id: idUser, name: 'sub', value: 'demo-participant', autocomplete: 'username',
    maxlength: '64', required: true, spellcheck: 'false', autocapitalize: 'none' });
  const name = h('input', { id: idName, name: 'name', value: '', autocomplete: 'name', maxlength: '100' });
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'dev-title' },
    h('form', { method: 'dialog', onsubmit: async (ev) => {
      ev.preventDefault();
      error.textContent = '';
      const value = sub.value.trim();
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(value)) { error.textContent = t('userId') + ': A–Z a–z 0–9 . _ -'; sub.focus(); return; }
      try {
        await signIn({ sub: value, name: name.value.trim() || value });
        dialog.close();
      } catch (e) {
        error.textContent = e.status === 404 ? t('signInUnavailable') : describe(e);
      }
    } },
    h('h2', { id: 'dev-title' }, t('devSignInTitle')),
    h('p', { class: 'hint' }, t('devSignInHint')),
    h('div', { class: 'field' }, h('label', { for: idUser }, t('userId')), sub),
    h('div', { class: 'field' }, h('label', { for: idName }, t('displayName')), name),
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, t('signIn')),
      h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t('cancelAction')))));
  const opener = document.activeElement;
  dialog.addEventListener('close', () => { dialog.remove(); if (opener && opener.isConnected) opener.focus(); });
  document.body.append(dialog);
  dialog.showModal();
  sub.focus();
  sub.select();
}

function start() {
  applyStaticTexts();
  // Back from a sign-in that did not complete (cancelled, refused): say so, and drop the marker from the address.
  const query = new URLSearchParams(location.search);
  if (query.has('signInError')) {
    toast(t('signInFailed'), 'error');
    history.replaceState(null, '', location.pathname + (location.hash || ''));
  }
  const switchLanguage = (lang) => {
    setLang(lang);
    toast(''); // a message still showing is in the language just left
    applyStaticTexts();
    renderAccount();
    firstRender = true; // keep focus where it is
    return render();
  };
  $('#lang-switch').addEventListener('click', () => switchLanguage(i18n.lang === 'zh' ? 'en' : 'zh'));
  // A page that changes the language itself (the profile's preferred language) asks the shell to follow.
  document.addEventListener('eduweek:profile', (ev) => { useProfile(ev.detail); renderAccount(); });
  document.addEventListener('eduweek:language', (ev) => {
    if (ev.detail.lang !== i18n.lang) ev.detail.done = switchLanguage(ev.detail.lang);
  });
  $('#skip').addEventListener('click', (ev) => { ev.preventDefault(); $('#main').focus(); });
  window.addEventListener('hashchange', render);
  let initial = true;
  let previous = null;
  onAuthChange(() => {
    renderAccount();
    const now = auth.signedIn ? (auth.user && auth.user.sub) : null;
    if (!initial && previous !== now) {
      firstRender = true;
      useProfile(null);
      authReady = loadProfile();
      render();
    }
    previous = now;
  });
  renderAccount();
  authReady = initAuth().then(async () => {
    await loadProfile();
    initial = false;
    if (auth.signedIn) {
      const back = takeReturnTo();
      if (back && back !== location.hash) location.hash = back;
    }
  });
  render();
}

start();
