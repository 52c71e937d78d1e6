// My registrations (#/me/registrations): QR tickets, cancel after a confirmation dialog, register again, the
// personal calendar feed.
import { h, nextId, announce, fill, toast } from './dom.js';
import { api, describe, ApiError } from './api.js';
import { t, timeRange, venueText, dateTime, i18n } from './i18n.js';
import { cached, modeLabel } from './programme.js';
import { confirmDialog, signInPrompt } from './ui.js';

const seatLabel = (m) => (m === 'ONLINE' ? t('seatOnline') : t('seatInPerson'));

export async function render(main, ctx) {
  await ctx.ready;
  if (!ctx.isCurrent()) return null;
  if (!ctx.auth.signedIn) {
    fill(main, h('h1', {}, t('navMine')), signInPrompt(ctx));
    return null;
  }
  const listBox = h('div', { 'aria-busy': 'true' }, h('p', { class: 'loading' }, t('loading')));
  const feedBox = h('section', { class: 'panel', 'aria-labelledby': 'feed-h' });
  fill(main, h('h1', {}, t('navMine')), h('p', { class: 'lede' }, t('mineIntro')), listBox, feedBox);

  let registrations = [];
  let pollTimer = null;
  const statusOf = new Map();

  const load = async (focusId) => {
    let list;
    try {
      list = await api('/api/registrations/mine');
    } catch (e) {
      fill(listBox, h('p', { class: 'error' }, describe(e)), h('button', { type: 'button', onclick: () => load() }, t('retry')));
      return;
    }
    if (!ctx.isCurrent()) return;
    registrations = list || [];
    // Session details in the chosen language (titles, venue); the registration's own copy otherwise.
    const sessions = new Map(await Promise.all([...new Set(registrations.map((r) => r.sessionId))].map((id) =>
      cached('/api/schedule/sessions/' + encodeURIComponent(id)).then((s) => [id, s], () => [id, null]))));
    if (!ctx.isCurrent()) return;
    // A promotion seen while this page is open.
    for (const r of registrations) {
      if (statusOf.get(r.id) === 'WAITLISTED' && r.status === 'CONFIRMED') {
        const s = sessions.get(r.sessionId);
        const msg = t('promoted', (s && s.title) || r.sessionTitle);
        toast(msg); announce(msg);
      }
      statusOf.set(r.id, r.status);
    }
    renderList(sessions, focusId);
    renderFeed();
    clearTimeout(pollTimer);
    if (registrations.some((r) => r.status === 'WAITLISTED')) {
      pollTimer = setTimeout(function tick() {
        if (!ctx.isCurrent()) return;
        if (document.visibilityState === 'visible') load(); else pollTimer = setTimeout(tick, 10000);
      }, 10000);
    }
  };

  const renderList = (sessions, focusId) => {
    const now = Date.now();
    const endOf = (r) => new Date(r.sessionEnd || r.sessionStart || 0).getTime();
    const active = registrations.filter((r) => r.status !== 'CANCELLED');
    const upcoming = active.filter((r) => endOf(r) >= now).sort((a, b) => String(a.sessionStart).localeCompare(String(b.sessionStart)));
    const past = active.filter((r) => endOf(r) < now).sort((a, b) => String(b.sessionStart).localeCompare(String(a.sessionStart)));
    // A cancelled registration is listed only while the person has no active one for that session.
    const activeSessions = new Set(active.map((r) => r.sessionId));
    const cancelled = registrations.filter((r) => r.status === 'CANCELLED' && !activeSessions.has(r.sessionId))
      .filter((r, i, all) => all.findLastIndex((x) => x.sessionId === r.sessionId) === i);
    listBox.setAttribute('aria-busy', 'false');
    if (!registrations.length) {
      fill(listBox, h('p', {}, t('noRegistrations')), h('p', {}, h('a', { class: 'button', href: '#/' }, t('browseProgramme'))));
      return;
    }
    const section = (key, items) => (items.length ? h('section', { 'aria-labelledby': 'sec-' + key },
      h('h2', { id: 'sec-' + key }, t(key)), h('ul', { class: 'cards' }, items.map((r) => item(r, sessions.get(r.sessionId), now)))) : null);
    fill(listBox, section('upcoming', upcoming), section('cancelledList', cancelled), section('past', past));
    if (focusId) {
      const target = listBox.querySelector(`[data-reg="${CSS.escape(focusId)}"] h3 a`);
      if (target) target.focus();
    }
  };

  const item = (r, s, now) => {
    const title = (s && s.title) || r.sessionTitle || r.sessionId;
    const zone = (s && s.timeZone) || r.timeZone || 'UTC';
    const start = (s && s.start) || r.sessionStart; const end = (s && s.end) || r.sessionEnd;
    const started = new Date(start).getTime() <= now;
    const venue = s && s.mode !== 'ONLINE' && r.seatMode === 'IN_PERSON' ? venueText(s.venue) : '';
    const statusText = t(r.status) + (r.status === 'WAITLISTED' && r.waitlistPosition ? ' — ' + t('waitlistPosition', r.waitlistPosition) : '');
    const ticketId = nextId('ticket');
    const ticket = h('div', { id: ticketId, class: 'ticket', hidden: true });
    const actions = [];
    if (r.status === 'CONFIRMED' && new Date(end).getTime() >= now) {
      const toggle = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': ticketId,
        onclick: () => showTicket(r, title, ticket, toggle) }, t('showTicket'));
      actions.push(toggle);
    }
    if (r.status !== 'CANCELLED' && !started) {
      actions.push(h('button', { type: 'button', class: 'secondary', onclick: (ev) => cancel(r, title, ev.currentTarget) },
        r.status === 'WAITLISTED' ? t('leaveWaitlist') : t('cancelRegistration')));
    }
    if (r.status === 'CANCELLED' && !started && (!s || s.status !== 'CANCELLED')) {
      actions.push(h('a', { class: 'button secondary', href: '#/sessions/' + encodeURIComponent(r.sessionId) }, t('registerAgain')));
    }
    return h('li', { class: 'card', 'data-reg': r.id },
      h('h3', {}, h('a', { href: '#/sessions/' + encodeURIComponent(r.sessionId) }, title)),
      h('p', { class: 'when' }, timeRange(start, end, zone)),
      h('p', {}, h('span', { class: 'status status-' + r.status }, statusText), ' ',
        s ? h('span', { class: 'mode mode-' + s.mode }, modeLabel(s.mode, true)) : null),
      h('p', { class: 'meta' }, t('seatMode', seatLabel(r.seatMode)) + (venue ? ' · ' + venue : '')),
      r.checkedInAt ? h('p', { class: 'meta' }, t('checkedIn', dateTime(r.checkedInAt))) : null,
      r.status === 'CANCELLED' && r.cancelledAt ? h('p', { class: 'meta' }, t('cancelledOn', dateTime(r.cancelledAt))) : null,
      r.joinLink && r.status === 'CONFIRMED' ? h('p', {}, h('a', { href: r.joinLink, rel: 'noopener noreferrer', target: '_blank' }, t('joinLink'))) : null,
      ticket,
      actions.length ? h('div', { class: 'actions' }, actions) : null);
  };

  const showTicket = async (r, title, box, toggle) => {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    toggle.setAttribute('aria-expanded', String(!open));
    toggle.textContent = open ? t('showTicket') : t('hideTicket');
    box.hidden = open;
    if (open || box.dataset.loaded) return;
    fill(box, h('p', { class: 'loading' }, t('loading')));
    try {
      // The PNG comes with the session cookie or the dev token; shown as a data: URL (the CSP allows img data:).
      const blob = await api('/api/registrations/' + encodeURIComponent(r.id) + '/qr', { as: 'blob' });
      const url = await new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result); reader.onerror = reject; reader.readAsDataURL(blob);
      });
      box.dataset.loaded = '1';
      fill(box, h('img', { src: url, alt: t('ticketAlt', title), width: '300', height: '300' }),
        h('p', { class: 'hint' }, t('ticketHint')));
    } catch (e) {
      fill(box, h('p', { class: 'error' }, t('ticketUnavailable') + ' ' + describe(e)));
    }
  };

  const cancel = async (r, title, opener) => {
    const ok = await confirmDialog({ title: t('cancelConfirmTitle'), text: t('cancelConfirmText', title),
      confirm: t('confirmCancel'), keep: t('keepRegistration'), opener });
    if (!ok) return;
    try {
      await api('/api/registrations/' + encodeURIComponent(r.id) + '/cancel', { method: 'POST' });
      toast(t('cancelDone'));
      announce(t('cancelDone'));
      await load(r.id);
    } catch (e) {
      toast(describe(e), 'error');
      if (opener.isConnected) opener.focus();
    }
  };

  // The personal calendar feed: GET says whether there is one; POST makes (or replaces) it and shows its URL
  // once; DELETE revokes it. Without the API: a one-off download of the confirmed sessions.
  let feed = { state: null, link: null, unavailable: false };
  const renderFeed = async () => {
    if (feed.state === null && !feed.unavailable) {
      try { feed.state = await api('/api/registrations/me/calendar-feed', { quiet401: true }); } catch (e) {
        feed.unavailable = e instanceof ApiError && [404, 405, 501].includes(e.status);
        if (!feed.unavailable) feed.state = { active: false };
      }
    }
    if (!ctx.isCurrent()) return;
    const heading = h('h2', { id: 'feed-h' }, t('calendarFeed'));
    if (feed.unavailable) {
      const ids = registrations.filter((r) => r.status === 'CONFIRMED').map((r) => r.sessionId);
      fill(feedBox, heading, h('p', {}, t('feedUnavailable')), ids.length ? h('p', {}, h('a', { class: 'button secondary',
        href: '/api/schedule/calendar/personal.ics?lang=' + i18n.lang + '&sessionIds=' + ids.map(encodeURIComponent).join(','),
        download: 'my-eduweek.ics' }, t('downloadCalendar'))) : null);
      return;
    }
    const error = h('p', { class: 'error', role: 'alert' });
    const act = (method) => async () => {
      error.textContent = '';
      try {
        const answer = await api('/api/registrations/me/calendar-feed', { method });
        if (method === 'POST') { feed.link = answer; feed.state = { active: true, createdAt: answer.createdAt }; }
        else { feed.link = null; feed.state = { active: false }; announce(t('feedRevoked')); toast(t('feedRevoked')); }
        await renderFeed();
        const focus = feedBox.querySelector(method === 'POST' ? 'input' : 'button');
        if (focus) focus.focus();
      } catch (e) { error.textContent = describe(e); }
    };
    const parts = [heading, h('p', { class: 'hint' }, t('calendarFeedText'))];
    if (feed.link) {
      // `path` is the address on the portal's own origin (the absolute `url` is as the service saw the request).
      const url = feed.link.path ? location.origin + feed.link.path : feed.link.url;
      const webcal = url.replace(/^https?:/, 'webcal:');
      const fid = nextId('feed');
      const input = h('input', { id: fid, class: 'feed-url', readonly: true, value: url, spellcheck: 'false' });
      input.addEventListener('focus', () => input.select());
      parts.push(h('div', { class: 'field' }, h('label', { for: fid }, t('feedAddress')), input),
        h('div', { class: 'actions' },
          h('button', { type: 'button', onclick: async () => {
            try { await navigator.clipboard.writeText(url); } catch { input.select(); document.execCommand('copy'); }
            toast(t('copied')); announce(t('copied'));
          } }, t('copy')),
          h('a', { class: 'button secondary', href: webcal }, t('subscribe'))));
    }
    if (feed.state && feed.state.active) {
      if (!feed.link && feed.state.createdAt) parts.push(h('p', {}, t('feedSince', dateTime(feed.state.createdAt))));
      parts.push(h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onclick: act('POST') }, t('rotateFeed')),
        h('button', { type: 'button', class: 'danger', onclick: act('DELETE') }, t('revokeFeed'))));
    } else {
      parts.push(h('div', { class: 'actions' }, h('button', { type: 'button', onclick: act('POST') }, t('createFeed'))));
    }
    parts.push(error);
    fill(feedBox, parts);
  };

  await load();
  return () => clearTimeout(pollTimer);
}
