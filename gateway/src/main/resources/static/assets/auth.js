// The auth adapter: the only module that knows how the portal signs in.
//
// BFF mode (the gateway is the OAuth2 client): GET /auth/me says who is signed in; calls carry the session cookie
// and, on POST/PUT/DELETE, X-XSRF-TOKEN = the XSRF-TOKEN cookie. Sign-in and sign-up navigate to the URLs /auth/me
// gives; sign-out is POST /auth/logout. The page never sees a token.
//
// Dev mode (local profile before the BFF exists: /auth/me does not answer 200): a token from the dev identity
// provider (POST /api/auth/dev-token), kept in memory only, sent as a bearer token.
import { api, useCredentials } from './api.js';
import { i18n } from './i18n.js';

export const auth = { mode: 'unknown', signedIn: false, user: null, signInUrl: null, signUpUrl: null };
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
  if (me && typeof me.signedIn === 'boolean') {
    auth.mode = 'bff';
    auth.signedIn = me.signedIn;
    auth.user = me.signedIn ? { sub: me.sub, name: me.name, email: me.email, locale: me.locale, roles: me.roles || [] }
      : null;
    auth.signInUrl = me.signInUrl || '/oauth2/authorization/keycloak';
    auth.signUpUrl = me.signUpUrl || null;
  } else {
    auth.mode = 'dev';
    auth.signedIn = false;
  }
  changed();
  return auth;
}

const withLang = (url) => url + (url.includes('?') ? '&' : '?') + 'lang=' + i18n.lang;

/** BFF: navigate to the identity provider. Dev: resolves after a token was issued for the given user. */
export async function signIn(devUser) {
  if (auth.mode === 'bff') {
    sessionStorage.setItem('eduweek.returnTo', location.hash || '#/');
    location.assign(withLang(auth.signInUrl));
    return;
  }
  const body = { sub: devUser.sub, name: devUser.name || devUser.sub, locale: i18n.lang, roles: ['PARTICIPANT'] };
  const answer = await api('/api/auth/dev-token', { method: 'POST', body });
  token = answer.access_token;
  auth.signedIn = true;
  auth.user = { sub: body.sub, name: body.name, roles: body.roles };
  changed();
}

export function signUp() {
  if (auth.mode === 'bff' && auth.signUpUrl) location.assign(withLang(auth.signUpUrl));
}

export const canSignUp = () => auth.mode === 'bff' && !!auth.signUpUrl;

export async function signOut() {
  if (auth.mode === 'bff') {
    const xsrf = cookie('XSRF-TOKEN');
    try {
      await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin', redirect: 'manual',
        headers: xsrf ? { 'X-XSRF-TOKEN': xsrf } : {} });
    } catch { /* the navigation below shows the signed-out state either way */ }
    location.assign('/');
    return;
  }
  token = null;
  auth.signedIn = false;
  auth.user = null;
  changed();
}

/** Where to go back to after a BFF sign-in (the hash the user was on). */
export function takeReturnTo() {
  const r = sessionStorage.getItem('eduweek.returnTo');
  sessionStorage.removeItem('eduweek.returnTo');
  return r;
}
