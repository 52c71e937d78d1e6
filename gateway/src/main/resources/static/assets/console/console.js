// The organizer console's shell: header, language, who is signed in (the gateway's session, as in the portal),
// and a hash router over the console's views. Views are imported on first use.
import { i18n, setLang } from '../i18n.js';
import { h, fill, toast } from '../dom.js';
import { ApiError } from '../api.js';
import { auth, initAuth, onAuthChange, signIn, signOut, canSignIn } from '../auth.js';
import { ct } from './texts.js';
import { isStaff, isAdmin } from './roles.js';
import { problemLines } from './forms.js';

const main = document.getElementById('main');

/** Routes: pattern → [module, export, nav key]. An edition's page has tabs (sessions … team). */
const ROUTES = [
  [/^\/?$/, './editions.js', 'editionsPage', 'editions'],
  [/^\/editions\/([^/]+)(?:\/([a-z]+))?$/, './editions.js', 'editionPage', 'editions'],
  [/^\/sessions\/([^/]+)$/, './session.js', 'sessionPage', 'editions'],
  [/^\/venues$/, './reference.js', 'venuesPage', 'venues'],
  [/^\/speakers$/, './reference.js', 'speakersPage', 'speakers'],
  [/^\/institutions$/, './reference.js', 'institutionsPage', 'institutions'],
  [/^\/organizers$/, './organizers.js', 'organizersPage', 'organizers']
];

function staticTexts() {
  document.querySelectorAll('[data-c]').forEach((n) => { n.textContent = ct(n.dataset.c); });
  document.querySelectorAll('[data-c-label]').forEach((n) => n.setAttribute('aria-label', ct(n.dataset.cLabel)));
  document.title = `${ct('consoleName')} — eduweek`;
  const sw = document.getElementById('lang-switch');
  sw.textContent = i18n.lang === 'zh' ? 'English' : '中文';
  sw.lang = i18n.lang === 'zh' ? 'en' : 'zh-CN';
  sw.setAttribute('aria-label', ct('switchLangLabel'));
}

/** The administrators' part of the menu is offered to administrators only (the service refuses anyone else). */
function menuForRoles() {
  document.getElementById('nav-organizers').hidden = !isAdmin();
}

function account() {
  menuForRoles();
  const box = document.getElementById('account');
  if (!auth.signedIn) {
    fill(box, canSignIn() ? h('button', { type: 'button', class: 'ghost', onclick: startSignIn }, ct('signIn')) : null);
    return;
  }
  fill(box, h('span', { class: 'who' }, ct('signedInAs', auth.user.name || auth.user.sub)),
    h('button', { type: 'button', class: 'ghost', onclick: () => signOut() }, ct('signOut')));
}

function startSignIn() {
  if (auth.mode === 'bff') { signIn(); return; }
  devSignIn();
}

/** Local profile without an identity provider only: a dev token with the ORGANIZER role, kept in memory. */
function devSignIn() {
  const input = h('input', { id: 'dev-user', type: 'text', value: 'organizer', autocomplete: 'username' });
  const form = h('form', { class: 'form-panel', onsubmit: async (e) => {
    e.preventDefault();
    try { await signIn({ sub: input.value.trim() || 'organizer', roles: ['ORGANIZER'] }); } catch (err) { toast(err.message, 'error'); }
  } }, h('h2', {}, ct('devSignIn')), h('div', { class: 'field' }, h('label', { for: 'dev-user' }, ct('userId')), input),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, ct('signIn'))));
  fill(main, h('h1', { tabindex: '-1' }, ct('signInTitle')), form);
  input.focus();
}

function gate() {
  const title = h('h1', { tabindex: '-1' }, ct('signInTitle'));
  if (!auth.signedIn) {
    fill(main, title, h('div', { class: 'notice' }, h('p', {}, ct('signInText')),
      canSignIn() ? h('div', { class: 'actions' }, h('button', { type: 'button', onclick: startSignIn }, ct('signIn')))
        : h('p', {}, ct('signInUnavailable'))));
  } else {
    fill(main, title, h('div', { class: 'notice warn' }, h('p', {}, ct('notOrganizer', auth.user.name || auth.user.sub)),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => signOut() }, ct('signOut')))));
  }
  return title;
}

let rendering = 0;
async function route(focus = true) {
  const run = ++rendering;
  const path = decodeURIComponent((location.hash || '#/').slice(1)) || '/';
  const match = ROUTES.map(([re, mod, fn, nav]) => ({ m: re.exec(path), mod, fn, nav })).find((r) => r.m);
  document.querySelectorAll('#nav a').forEach((a) => {
    if (match && a.dataset.route === match.nav) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  if (!isStaff()) {
    const t = gate();
    if (focus) t.focus();
    return;
  }
  if (!match) {
    fill(main, h('h1', { tabindex: '-1' }, ct('notFound')));
    return;
  }
  fill(main, h('p', { class: 'loading' }, ct('loading')));
  try {
    const module = await import(match.mod);
    if (run !== rendering) return;
    const ctx = { main, params: match.m.slice(1), stale: () => run !== rendering, refresh: () => route(false) };
    await module[match.fn](ctx);
    if (run !== rendering) return;
    const h1 = main.querySelector('h1');
    if (h1 && focus) { h1.tabIndex = -1; h1.focus(); }
  } catch (e) {
    if (run !== rendering) return;
    if (e instanceof ApiError && e.status === 401) return; // the auth adapter shows the sign-in
    fill(main, h('h1', { tabindex: '-1' }, e instanceof ApiError && e.status === 404 ? ct('notFound') : ct('consoleName')),
      h('div', { class: 'notice bad', role: 'alert' }, problemLines(e),
        h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => route() }, ct('retry')))));
  }
}

document.getElementById('lang-switch').addEventListener('click', () => {
  setLang(i18n.lang === 'zh' ? 'en' : 'zh');
  staticTexts();
  account();
  route(false);
});
// A toast belongs to the page it was said on ("Saved." must not linger over the next page's refusal).
window.addEventListener('hashchange', () => { toast(''); route(); });
onAuthChange(() => { account(); route(false); });

setLang(i18n.lang);
staticTexts();
await initAuth();
