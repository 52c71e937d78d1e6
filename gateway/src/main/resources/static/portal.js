// eduweek portal: browse the programme, sign in as a demo user (local profile), register, see my registrations.
// Vanilla JS, no build step; every text goes through textContent (never innerHTML) so data cannot inject markup.
'use strict';

const TEXT = {
  en: {
    title: 'International Education Week', anonymous: 'Not signed in', signedIn: 'Signed in as {0}',
    signIn: 'Sign in (demo)', userId: 'User id', signInButton: 'Sign in', signOut: 'Sign out',
    signInHint: 'Demo accounts come from the local identity provider.', programme: 'Programme',
    search: 'Search sessions', searchButton: 'Search', mine: 'My registrations', apiDocs: 'API documentation',
    register: 'Register', cancel: 'Cancel', loading: 'Loading…', empty: 'No sessions found.',
    noRegistrations: 'You have not registered for any session yet.', online: 'Online', offline: 'On campus',
    hybrid: 'Hybrid', seats: '{0} seats', registered: 'Registered: {0}', cancelled: 'Registration cancelled.',
    signInFirst: 'Sign in to register.', unavailable: 'This part is unavailable right now ({0}).',
    devOnly: 'Demo sign-in is only available in the local profile.', waitlist: 'waitlist #{0}',
    CONFIRMED: 'confirmed', WAITLISTED: 'waitlisted', CANCELLED: 'cancelled', other: '中文'
  },
  zh: {
    title: '国际教育周', anonymous: '未登录', signedIn: '已登录：{0}', signIn: '登录（演示）', userId: '用户名',
    signInButton: '登录', signOut: '退出', signInHint: '演示账号由本地身份服务签发。', programme: '日程',
    search: '搜索活动', searchButton: '搜索', mine: '我的报名', apiDocs: 'API 文档', register: '报名',
    cancel: '取消报名', loading: '加载中…', empty: '没有找到活动。', noRegistrations: '您还没有报名任何活动。',
    online: '线上', offline: '线下', hybrid: '线上线下', seats: '{0} 个座位', registered: '报名结果：{0}',
    cancelled: '已取消报名。', signInFirst: '请先登录再报名。', unavailable: '该功能暂时不可用（{0}）。',
    devOnly: '演示登录仅在本地环境可用。', waitlist: '候补第 {0} 位', CONFIRMED: '已确认', WAITLISTED: '候补',
    CANCELLED: '已取消', other: 'English'
  }
};

const state = {
  lang: localStorage.getItem('eduweek.lang')
    || ((navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en'),
  token: sessionStorage.getItem('eduweek.token'),
  user: sessionStorage.getItem('eduweek.user'),
  sessions: new Map()
};

const $ = (id) => document.getElementById(id);
const t = (key, ...args) => (TEXT[state.lang][key] || TEXT.en[key] || key)
  .replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => (k === 'class' ? (node.className = v) : node.setAttribute(k, v)));
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

function say(message) {
  $('status').textContent = message || '';
  if (message) setTimeout(() => { if ($('status').textContent === message) $('status').textContent = ''; }, 6000);
}

async function api(path, options = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': state.lang, ...(options.headers || {}) };
  if (state.token) headers.Authorization = 'Bearer ' + state.token;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { ...options, headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.status === 401 && state.token) {
    // An expired demo token: forget it; a public read is simply tried again without it.
    signOut();
    if (!options.method || options.method === 'GET') return api(path, options);
  }
  if (!response.ok) {
    const error = new Error((data && (data.detail || data.title)) || response.status + ' ' + response.statusText);
    error.status = response.status;
    throw error;
  }
  return data;
}

function applyLanguage() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((n) => { n.textContent = t(n.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((n) => { n.placeholder = t(n.dataset.i18nPlaceholder); });
  $('lang').textContent = t('other');
  document.title = 'eduweek — ' + t('title');
  renderWho();
}

function renderWho() {
  $('who').textContent = state.token ? t('signedIn', state.user) : t('anonymous');
  $('signout').hidden = !state.token;
  $('mine-section').hidden = !state.token;
}

function when(session) {
  if (!session.start) return '';
  const options = { dateStyle: 'medium', timeStyle: 'short', timeZone: session.timeZone || undefined };
  try {
    return new Intl.DateTimeFormat(state.lang === 'zh' ? 'zh-CN' : 'en-GB', options).format(new Date(session.start));
  } catch (e) {
    return session.start;
  }
}

function where(s) {
  const place = [s.campus, s.building, s.room].filter(Boolean).join(' · ');
  const mode = { ONLINE: t('online'), OFFLINE: t('offline'), HYBRID: t('hybrid') }[s.mode] || s.mode || '';
  return [mode, place].filter(Boolean).join(' — ');
}

function seats(s) {
  const c = s.capacity || {};
  const total = (c.inPerson || 0) + (c.online || 0);
  return total ? t('seats', total) : '';
}

async function loadProgramme() {
  const list = $('sessions');
  list.replaceChildren(el('li', {}, t('loading')));
  const q = $('q').value.trim();
  const query = new URLSearchParams({ size: '100', lang: state.lang });
  if (q) query.set('q', q);
  try {
    const page = await api('/api/schedule/sessions?' + query);
    const items = (page && page.items) || [];
    items.forEach((s) => state.sessions.set(s.id, s));
    list.replaceChildren(...(items.length ? items.map(sessionCard) : [el('li', {}, t('empty'))]));
  } catch (e) {
    list.replaceChildren(el('li', {}, t('unavailable', e.message)));
  }
}

function sessionCard(s) {
  const button = el('button', { type: 'button' }, t('register'));
  button.addEventListener('click', () => register(s.id, button));
  return el('li', {}, el('h3', {}, s.title || s.id), el('div', { class: 'meta' }, when(s)),
    el('div', { class: 'meta' }, [where(s), seats(s)].filter(Boolean).join(' · ')),
    el('div', { class: 'actions' }, button));
}

async function register(sessionId, button) {
  if (!state.token) { say(t('signInFirst')); $('sub').focus(); return; }
  button.disabled = true;
  try {
    const r = await api('/api/registrations', { method: 'POST', body: { sessionId } });
    say(t('registered', t(r.status)) + (r.waitlistPosition ? ' (' + t('waitlist', r.waitlistPosition) + ')' : ''));
    loadMine();
  } catch (e) {
    say(e.message);
  } finally {
    button.disabled = false;
  }
}

async function loadMine() {
  if (!state.token) return;
  const list = $('mine');
  try {
    const mine = (await api('/api/registrations/mine')) || [];
    list.replaceChildren(...(mine.length ? mine.map(registrationCard) : [el('li', {}, t('noRegistrations'))]));
  } catch (e) {
    list.replaceChildren(el('li', {}, t('unavailable', e.message)));
  }
}

function registrationCard(r) {
  const s = state.sessions.get(r.sessionId) || {};
  const status = el('span', { class: 'tag ' + r.status }, t(r.status) +
    (r.waitlistPosition ? ' · ' + t('waitlist', r.waitlistPosition) : ''));
  const card = el('li', {}, el('h3', {}, s.title || r.sessionId), el('div', { class: 'meta' }, when(s)), status);
  if (r.status !== 'CANCELLED') {
    const cancel = el('button', { type: 'button', class: 'secondary' }, t('cancel'));
    cancel.addEventListener('click', async () => {
      cancel.disabled = true;
      try {
        await api('/api/registrations/' + encodeURIComponent(r.id) + '/cancel', { method: 'POST', body: {} });
        say(t('cancelled'));
        loadMine();
      } catch (e) {
        say(e.message);
        cancel.disabled = false;
      }
    });
    card.append(el('div', { class: 'actions' }, cancel));
  }
  return card;
}

async function signIn(event) {
  event.preventDefault();
  const sub = $('sub').value.trim();
  try {
    const answer = await api('/api/auth/dev-token', { method: 'POST',
      body: { sub, roles: ['PARTICIPANT'], locale: state.lang } });
    state.token = answer.access_token;
    state.user = sub;
    sessionStorage.setItem('eduweek.token', state.token);
    sessionStorage.setItem('eduweek.user', sub);
    renderWho();
    loadMine();
  } catch (e) {
    say(e.status === 404 || e.status === 401 ? t('devOnly') : e.message);
  }
}

function signOut() {
  state.token = null;
  state.user = null;
  sessionStorage.removeItem('eduweek.token');
  sessionStorage.removeItem('eduweek.user');
  $('mine').replaceChildren();
  renderWho();
}

document.addEventListener('DOMContentLoaded', () => {
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'en' ? 'zh' : 'en';
    localStorage.setItem('eduweek.lang', state.lang);
    applyLanguage();
    loadProgramme().then(loadMine);
  });
  $('signin-form').addEventListener('submit', signIn);
  $('signout').addEventListener('click', signOut);
  $('search').addEventListener('submit', (e) => { e.preventDefault(); loadProgramme(); });
  applyLanguage();
  loadProgramme().then(loadMine);
});
