// The auth adapter: the only module that knows how the portal signs in.
//
// BFF mode (the gateway is the OAuth2 client): GET /auth/me says who is signed in; calls carry the session cookie
// and, on POST/PUT/DELETE, X-XSRF-TOKEN = the XSRF-TOKEN cookie. Sign-in and sign-up navigate to the URLs /auth/me
// gives; sign-out is POST /auth/logout. The page never sees a token.
//
// Dev mode (/auth/me does not answer, or answers that no identity provider is configured, as in the local profile
// without one): a token from the dev identity provider (POST /api/auth/dev-token), kept in memory only, sent as a
// bearer token.
import { api, useCredentials } from './api.js';
import { i18n } from './i18n.js';

export const auth = { mode: 'unknown', signedIn: false, user: null, signInUrl: null, signUpUrl: null,
  signOutUrl: '/auth/logout' };
let token = null;
const listeners = new Set();
export const onAuthChange = (fn) => listeners.add(fn);
const changed = () => listeners.forEach((fn) => fn(auth));

function cookie(name) {
  const hit = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : null;
}

useCredentials((method) => {
  if (auth.mode === 'dev') return token ? { Authorization: 'Bearer ' + token } : {};
  if (auth.mode === 'bff' && method !== 'GET' && method !== 'HEAD') {
    const xsrf = cookie('XSRF-TOKEN');
    return xsrf ? { 'X-XSRF-TOKEN': xsrf } : {};
  }
  return {};
}, () => {
  // The session or the dev token expired: we are signed out now.
  if (auth.signedIn) {
    token = null;
    auth.signedIn = false;
    auth.user = null;
    changed();
  }
});

export async function initAuth() {
  let me = null;
  try {
    const r = await fetch('/auth/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin',
      cache: 'no-store' });
    if (r.ok) me = await r.json().catch(() => null);
  } catch { /* offline: treated like no BFF */ }
  // The BFF answers even without an identity provider, then with signInUrl null: the local profile's dev tokens
  // are the way in there.
  if (me && typeof me.signedIn === 'boolean' && (me.signedIn || me.signInUrl)) {
    auth.mode = 'bff';
    auth.signedIn = me.signedIn;
    auth.user = me.signedIn ? { sub: me.sub, name: me.name, email: me.email, locale: me.locale, roles: me.roles || [] }
      : null;
    auth.signInUrl = me.signInUrl || null; // null: no identity provider configured
    auth.signUpUrl = me.signUpUrl || null;
    auth.signOutUrl = me.signOutUrl || '/auth/logout';
  } else {
    auth.mode = 'dev';
    auth.signedIn = false;
  }
  changed();
  return auth;
}

/** The provider's page in the portal's language, coming back to the page the visitor is on (return=/#/…, /organizer#/…). */
function providerUrl(url) {
  const u = new URL(url, location.origin);
  u.searchParams.set('lang', i18n.lang);
  u.searchParams.set('return', location.pathname + (location.hash || ''));
  return u.pathname + u.search;
}

/** BFF: navigate to the identity provider. Dev: resolves after a token was issued for the given user. */
export async function signIn(devUser) {
  if (auth.mode === 'bff') {
    try { sessionStorage.setItem('eduweek.returnTo', location.hash || '#/'); } catch { /* ignore */ }
    location.assign(providerUrl(auth.signInUrl));
    return;
  }
  const body = { sub: devUser.sub, name: devUser.name || devUser.sub, locale: i18n.lang, roles: devUser.roles || ['PARTICIPANT'] };
  const answer = await api('/api/auth/dev-token', { method: 'POST', body });
  token = answer.access_token;
  auth.signedIn = true;
  auth.user = { sub: body.sub, name: body.name, roles: body.roles };
  changed();
}

export function signUp() {
  if (auth.mode === 'bff' && auth.signUpUrl) location.assign(providerUrl(auth.signUpUrl));
}

export const canSignUp = () => auth.mode === 'bff' && !!auth.signUpUrl;
export const canSignIn = () => auth.mode === 'dev' || (auth.mode === 'bff' && !!auth.signInUrl);

export async function signOut() {
  if (auth.mode === 'bff') {
    // Accept: application/json → 200 {"redirectUrl"}: the provider's end-session page (a fetch cannot follow a
    // redirect to another origin), which comes back to the portal's home.
    const xsrf = cookie('XSRF-TOKEN');
    let next = '/';
    try {
      const r = await fetch(auth.signOutUrl, { method: 'POST', credentials: 'same-origin', redirect: 'manual',
        headers: { Accept: 'application/json', ...(xsrf ? { 'X-XSRF-TOKEN': xsrf } : {}) } });
      const body = r.ok ? await r.json().catch(() => null) : null;
      if (body && typeof body.redirectUrl === 'string' && /^(\/(?!\/)|https?:\/\/)/.test(body.redirectUrl)) next = body.redirectUrl;
    } catch { /* the navigation below shows the signed-out state either way */ }
    location.assign(next);
    return;
  }
  token = null;
  auth.signedIn = false;
  auth.user = null;
  changed();
}

/** Where to go back to after a BFF sign-in (the hash the user was on). */
export function takeReturnTo() {
  try {
    const r = sessionStorage.getItem('eduweek.returnTo');
    sessionStorage.removeItem('eduweek.returnTo');
    return r;
  } catch { return null; }
}
