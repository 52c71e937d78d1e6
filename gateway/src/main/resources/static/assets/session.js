// One session (#/sessions/{id}): when (session's zone and the viewer's), where, who, live seats, and registering.
import { h, nextId, announce, fill, randomId } from './dom.js';
import { api, describe, ApiError } from './api.js';
import { i18n, t, tn, timeRange, venueText, viewerZone, zoneName, clock, pick, locale } from './i18n.js';
import { cached, modeLabel, audienceText, languageText, capacityText } from './programme.js';
import { watchSeats } from './seats.js';
import { signInPrompt } from './ui.js';

const ACTIVE = (r) => r.status === 'CONFIRMED' || r.status === 'WAITLISTED';
const seatModesOf = (s) => (s.mode === 'HYBRID' ? ['IN_PERSON', 'ONLINE'] : s.mode === 'ONLINE' ? ['ONLINE'] : ['IN_PERSON']);
const seatLabel = (m) => (m === 'ONLINE' ? t('seatOnline') : t('seatInPerson'));

function offsetOf(zone, at) {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at)
      .find((p) => p.type === 'timeZoneName').value;
  } catch { return zone; }
}

/** Back to the programme as it was left (its filters), else its start. */
const backHref = (ctx) => (ctx.previous && ctx.previous.name === 'programme' ? ctx.previous.hash : '#/');

export async function render(main, ctx) {
  const id = ctx.route.id;
  let s;
  try {
    s = await api('/api/schedule/sessions/' + encodeURIComponent(id));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      fill(main, h('p', {}, h('a', { class: 'back', href: backHref(ctx) }, '← ' + t('backToProgramme'))),
        h('h1', {}, t('notFound')), h('p', {}, describe(e)));
      return null;
    }
    throw e;
  }
  if (!ctx.isCurrent()) return null;
  const timers = [];
  let seatWatch = null;
  const title = s.title || pick(s, 'title', 'titles') || s.id;
  const start = new Date(s.start);
  const ended = new Date(s.end || s.start).getTime() < Date.now();
  const started = start.getTime() <= Date.now();
  const cancelled = s.status === 'CANCELLED';

  // When: the session's zone and the viewer's, each named.
  const mine = viewerZone();
  const sameOffset = offsetOf(mine, start) === offsetOf(s.timeZone, start);
  const when = h('div', {}, h('dt', {}, t('when')),
    h('dd', {}, h('span', { class: 'zone' }, t('sessionTime') + ' · ' + zoneName(s.timeZone, start)), h('br'),
      timeRange(s.start, s.end, s.timeZone)),
    h('dd', {}, h('span', { class: 'zone' }, t('yourTime') + ' · ' + zoneName(mine, start)), h('br'),
      sameOffset ? t('sameZone') : timeRange(s.start, s.end, mine)));

  const venue = venueText(s.venue);
  const where = h('div', {}, h('dt', {}, t('where')),
    h('dd', {}, h('span', { class: 'mode mode-' + s.mode }, modeLabel(s.mode)),
      s.mode !== 'OFFLINE' ? h('br') : null, s.mode !== 'OFFLINE' ? t('onlineVenue') : null),
    s.mode !== 'ONLINE' ? h('dd', {}, venue || t('venueTbd')) : null);

  const who = h('div', {}, h('dt', {}, t('forAudience')), h('dd', {}, audienceText(s.audience)),
    s.level ? h('dt', {}, t('level')) : null, s.level ? h('dd', {}, s.level) : null);
  const language = h('div', {}, h('dt', {}, t('sessionLanguage')), h('dd', {}, languageText(s.language) || '—'));
  const context = h('div', { hidden: true });

  const description = pick(s, 'description', 'descriptions');
  const people = h('div');
  const seatsBox = h('section', { class: 'panel', 'aria-labelledby': 'seats-h' }, h('h2', { id: 'seats-h' }, t('seats')),
    h('p', { class: 'loading' }, t('loading')));
  const regBox = h('section', { class: 'panel', 'aria-labelledby': 'reg-h' },
    h('h2', { id: 'reg-h' }, t('yourRegistration')), h('p', { class: 'loading' }, t('loading')));
  const calendar = h('p', {}, h('a', { class: 'button secondary', href: '/api/schedule/sessions/' + encodeURIComponent(id)
    + '/calendar.ics?lang=' + i18n.lang, download: id + '.ics' }, t('addToCalendar')));

  fill(main,
    h('p', {}, h('a', { class: 'back', href: backHref(ctx) }, '← ' + t('backToProgramme'))),
    h('h1', {}, title),
    cancelled ? h('div', { class: 'notice bad' }, h('p', {}, t('sessionCancelledText')),
      s.cancelReason ? h('p', {}, t('reason', s.cancelReason)) : null) : null,
    h('div', { class: 'session-layout' },
      h('dl', { class: 'facts s-facts' }, when, where, who, language, context),
      h('div', { class: 's-side' }, seatsBox, regBox, calendar),
      h('div', { class: 's-more' },
        h('h2', {}, t('description')),
        h('p', { class: 'description' }, description || t('noDescription')),
        people)));

  // Track / activity names and the people (reference data, cached per language).
  const refs = [];
  if (s.editionId && (s.trackId || s.activityId)) {
    refs.push(Promise.all([
      s.trackId ? cached('/api/schedule/tracks?editionId=' + encodeURIComponent(s.editionId)) : [],
      s.activityId ? cached('/api/schedule/activities?editionId=' + encodeURIComponent(s.editionId)) : []
    ]).then(([tracks, activities]) => {
      const tr = (tracks || []).find((x) => x.id === s.trackId);
      const ac = (activities || []).find((x) => x.id === s.activityId);
      fill(context, tr ? h('dt', {}, t('track')) : null, tr ? h('dd', {}, pick(tr, 'title', 'titles')) : null,
        ac ? h('dt', {}, t('activity')) : null, ac ? h('dd', {}, pick(ac, 'title', 'titles')) : null);
      context.hidden = !tr && !ac;
    }));
  }
  const speakerIds = s.speakerIds || []; const institutionIds = s.institutionIds || [];
  if (speakerIds.length || institutionIds.length) {
    refs.push(Promise.all([
      speakerIds.length ? cached('/api/schedule/speakers') : [],
      institutionIds.length ? cached('/api/schedule/institutions') : []
    ]).then(([speakers, institutions]) => {
      const sp = speakerIds.map((x) => (speakers || []).find((p) => p.id === x)).filter(Boolean);
      const ins = institutionIds.map((x) => (institutions || []).find((p) => p.id === x)).filter(Boolean);
      const region = (code) => { try { return new Intl.DisplayNames([locale()], { type: 'region' }).of(code); } catch { return code; } };
      fill(people,
        sp.length ? [h('h2', {}, t('speakers')), h('ul', { class: 'people' }, sp.map((p) => h('li', {},
          h('strong', {}, pick(p, 'name', 'names')), p.affiliation ? ' — ' + p.affiliation : null,
          p.bio ? h('p', { class: 'hint' }, p.bio) : null)))] : null,
        ins.length ? [h('h2', {}, t('institutions')), h('ul', { class: 'people' }, ins.map((p) => h('li', {},
          h('strong', {}, pick(p, 'name', 'names')), p.country ? ' — ' + region(p.country) : null)))] : null);
    }));
  }
  Promise.all(refs).catch(() => { /* names are a nicety; the page stands without them */ });

  // Seats, live.
  let availability = null;
  const seatLines = new Map();
  const seatList = h('ul', { class: 'seats' });
  const updated = h('p', { class: 'hint' });
  const lineText = (seat) => {
    const parts = [];
    parts.push(seat.free > 0 ? tn('freeSeats', seat.free) : t('full'));
    if (seat.waiting > 0) parts.push(tn('waiting', seat.waiting));
    return parts.join(' · ');
  };
  const showSeats = (a) => {
    if (!ctx.isCurrent()) return;
    if (!a) {
      fill(seatsBox, h('h2', { id: 'seats-h' }, t('seats')), h('p', {}, t('seatsUnknown', capacityText(s) || '—')));
      return;
    }
    const first = availability === null;
    availability = a;
    if (first) fill(seatsBox, h('h2', { id: 'seats-h' }, t('seats')), seatList, updated);
    const changes = [];
    for (const seat of (a.seats || []).filter((x) => seatModesOf(s).includes(x.seatMode))) {
      const text = lineText(seat);
      let line = seatLines.get(seat.seatMode);
      if (!line) {
        line = { value: h('strong'), of: h('span', { class: 'hint' }) };
        seatLines.set(seat.seatMode, line);
        seatList.append(h('li', {}, h('span', {}, seatLabel(seat.seatMode)), line.value, line.of));
      }
      if (line.value.textContent !== text) {
        if (!first) changes.push(t('pair', seatLabel(seat.seatMode), text));
        line.value.textContent = text;
      }
      line.of.textContent = tn('places', seat.capacity);
    }
    updated.textContent = t('seatsLive', clock());
    if (changes.length) announce(changes.join('. '));
    renderForm();
  };
  if (!ended && !cancelled) ctx.ready.then(() => { if (ctx.isCurrent()) seatWatch = watchSeats(id, showSeats); });
  else fill(seatsBox, h('h2', { id: 'seats-h' }, t('seats')), h('p', {}, capacityText(s)));

  // Registration.
  let current = null; // my active registration for this session
  let renderForm = () => {};
  const regTitle = () => h('h2', { id: 'reg-h' }, t('yourRegistration'));

  const showRegistration = (r, wasWaitlisted) => {
    current = r;
    const seat = t('attend' + r.seatMode);
    if (r.status === 'CONFIRMED') {
      fill(regBox, regTitle(), h('div', { class: 'notice ok', role: 'status' },
        wasWaitlisted ? h('p', {}, h('strong', {}, t('promoted', title))) : null,
        h('p', {}, h('span', { class: 'status status-CONFIRMED' }, t('CONFIRMED')), ' ', t('registeredConfirmed', seat))),
      r.joinLink ? h('p', {}, h('a', { href: r.joinLink, rel: 'noopener noreferrer', target: '_blank' }, t('joinLink'))) : null,
      h('p', {}, h('a', { class: 'button', href: '#/me/registrations' }, t('seeTicket'))));
    } else {
      fill(regBox, regTitle(), h('div', { class: 'notice warn', role: 'status' },
        h('p', {}, h('span', { class: 'status status-WAITLISTED' }, t('WAITLISTED')), ' ',
          r.waitlistPosition ? t('registeredWaitlisted', seat, r.waitlistPosition) : t('registeredWaitlistedNoPos', seat))),
      h('p', {}, h('a', { href: '#/me/registrations' }, t('navMine'))));
      watchPromotion();
    }
  };

  // While waitlisted: look at /mine every 10 s (visible page only) so a promotion shows without reloading.
  let promotionTimer = null;
  const watchPromotion = () => {
    clearTimeout(promotionTimer);
    promotionTimer = setTimeout(async () => {
      if (!ctx.isCurrent() || !current || current.status !== 'WAITLISTED') return;
      if (document.visibilityState === 'visible') {
        try {
          const list = await api('/api/registrations/mine');
          const r = (list || []).find((x) => x.id === current.id);
          if (r && ctx.isCurrent()) {
            if (r.status === 'CONFIRMED') { showRegistration(r, true); announce(t('promoted', title)); return; }
            if (r.status === 'CANCELLED') { current = null; renderForm(); return; }
            if (r.waitlistPosition !== current.waitlistPosition) showRegistration(r);
          }
        } catch { /* try again */ }
      }
      watchPromotion();
    }, 10000);
  };
  timers.push(() => clearTimeout(promotionTimer));

  let chosen = s.mode === 'ONLINE' ? 'ONLINE' : 'IN_PERSON';
  let touched = false; // the person picked a seat mode themselves
  let switchedFrom = null; // the full mode the form moved away from
  let form = null; // built once; seat updates change its texts in place so focus is never lost
  let updateForm = () => {};
  renderForm = () => {
    if (!ctx.isCurrent() || current || !ctx.auth.signedIn || ended || started || cancelled) return;
    if (form && form.isConnected) { updateForm(); return; }
    const seatOf = (m) => availability && (availability.seats || []).find((x) => x.seatMode === m);
    const full = (m) => { const x = seatOf(m); return x ? x.free <= 0 : false; };
    const errorBox = h('p', { class: 'error', role: 'alert' });
    const submit = h('button', { type: 'submit' });
    const waitInfo = h('p', { class: 'hint', id: 'reg-wait' });
    const labels = new Map();
    // A hybrid session whose preferred seat is full while the other mode has free seats: that free seat is
    // offered (selected, and said so) rather than a waitlist place, until the person picks a mode themselves.
    const freeOther = (m) => seatModesOf(s).find((o) => o !== m && seatOf(o) && seatOf(o).free > 0);
    updateForm = () => {
      if (choice && !touched && full(chosen) && freeOther(chosen)) {
        switchedFrom = chosen;
        chosen = freeOther(chosen);
        radios.get(chosen).checked = true;
      }
      const x = seatOf(chosen);
      const other = freeOther(chosen);
      waitInfo.textContent = switchedFrom && !touched && full(switchedFrom) ? t('fullSwitched' + switchedFrom)
        : x && x.free <= 0 ? t('waitlistNext', (x.waiting || 0) + 1) + (choice && other ? ' ' + t('stillFree' + other) : '') : '';
      submit.textContent = full(chosen) ? t('joinWaitlist') : t('register');
      labels.forEach((label, m) => { const y = seatOf(m); label.textContent = seatLabel(m) + (y ? ' — ' + lineText(y) : ''); });
    };
    let choice = null;
    const radios = new Map();
    if (s.mode === 'HYBRID') {
      const name = nextId('seat');
      choice = h('fieldset', {}, h('legend', {}, t('chooseSeat')), seatModesOf(s).map((m) => {
        const rid = nextId('seat');
        const label = h('label', { for: rid });
        labels.set(m, label);
        const radio = h('input', { type: 'radio', name, id: rid, value: m, checked: m === chosen,
          onchange: () => { chosen = m; touched = true; updateForm(); } });
        radios.set(m, radio);
        return h('div', { class: 'choice' }, radio, label);
      }));
    }
    form = h('form', { 'aria-describedby': 'reg-wait', onsubmit: async (ev) => {
      ev.preventDefault();
      submit.disabled = true;
      errorBox.textContent = '';
      try {
        const r = await api('/api/registrations', { method: 'POST', headers: { 'Idempotency-Key': randomId() },
          body: { sessionId: id, seatMode: chosen } });
        if (!ctx.isCurrent()) return;
        form = null;
        showRegistration(r);
        announce(r.status === 'CONFIRMED' ? t('registeredConfirmed', t('attend' + r.seatMode))
          : t('registeredWaitlisted', t('attend' + r.seatMode), r.waitlistPosition || ''));
        if (seatWatch) seatWatch.refresh();
      } catch (e) {
        submit.disabled = false;
        fill(errorBox, describe(e));
        if (e instanceof ApiError && e.fields.some((f) => ['audience', 'level'].includes(f.field))) {
          errorBox.append(' ', h('a', { href: '#/me/profile' }, t('fixProfile')));
        }
      }
    } }, choice, waitInfo, errorBox, h('div', { class: 'actions' }, submit));
    fill(regBox, regTitle(), form);
    updateForm();
  };

  const showSignedOut = () => fill(regBox, regTitle(), signInPrompt(ctx, t('signInToRegister')));

  (async () => {
    await ctx.ready;
    if (!ctx.isCurrent()) return;
    if (cancelled) { fill(regBox, regTitle(), h('p', {}, t('sessionCancelledText'))); return; }
    if (!ctx.auth.signedIn) {
      if (started) fill(regBox, regTitle(), h('p', {}, t('sessionStarted'))); else showSignedOut();
      return;
    }
    try {
      const list = await api('/api/registrations/mine');
      const r = (list || []).filter((x) => x.sessionId === id && ACTIVE(x)).pop();
      if (!ctx.isCurrent()) return;
      if (r) { showRegistration(r); return; }
    } catch (e) {
      fill(regBox, regTitle(), h('p', { class: 'error' }, describe(e)));
      return;
    }
    if (started) { fill(regBox, regTitle(), h('p', {}, t('sessionStarted'))); return; }
    renderForm();
  })();

  return () => { if (seatWatch) seatWatch.stop(); timers.forEach((f) => f()); };
}
