// The profile editor (#/me/profile): GET/PUT /api/registrations/me/profile; the services' field problems are shown
// next to their fields (in the chosen language: the call sends Accept-Language). The time zone times are shown in
// is the profile's (so every device of the person uses it); "this device" stores none and follows the browser.
import { h, nextId, announce, fill, toast } from './dom.js';
import { api, describe, ApiError } from './api.js';
import { t, locale, i18n, zoneOption } from './i18n.js';
import { AUDIENCES } from './programme.js';
import { signInPrompt } from './ui.js';

// Region codes Intl knows that are not ISO 3166-1 countries (java.util.Locale.getISOCountries leaves them out).
const NOT_ISO = new Set(['AC', 'CP', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UN', 'XA', 'XB', 'XK', 'ZZ']);

function regions() {
  let names;
  try { names = new Intl.DisplayNames([locale()], { type: 'region', fallback: 'none' }); } catch { return []; }
  const out = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) {
    const code = String.fromCharCode(a, b);
    if (NOT_ISO.has(code)) continue;
    const name = names.of(code);
    if (name && name !== code) out.push([code, name]);
  }
  return out.sort((x, y) => x[1].localeCompare(y[1], locale()));
}

function zones() {
  try { return Intl.supportedValuesOf('timeZone'); } catch { return ['UTC', 'Asia/Shanghai', 'Europe/London']; }
}

/** Every zone the browser knows, labelled in the portal's language; a saved zone it does not list stays choosable. */
function zoneOptions(saved) {
  const ids = zones();
  if (saved && !ids.includes(saved)) ids.unshift(saved);
  const now = new Date();
  return ids.map((z) => [z, zoneOption(z, now)]);
}

export async function render(main, ctx) {
  await ctx.ready;
  if (!ctx.isCurrent()) return null;
  if (!ctx.auth.signedIn) {
    fill(main, h('h1', {}, t('navProfile')), signInPrompt(ctx));
    return null;
  }
  const profile = await api('/api/registrations/me/profile');
  if (!ctx.isCurrent()) return null;

  const fields = new Map(); // name → {control, error, hintId}
  const field = (name, label, control, hint, required) => {
    const id = control.id || (control.id = nextId(name));
    const errorId = id + '-error'; const hintId = hint ? id + '-hint' : null;
    const error = h('p', { class: 'field-error', id: errorId, hidden: true });
    fields.set(name, { control, error, hintId });
    if (hintId) control.setAttribute('aria-describedby', hintId);
    return h('div', { class: 'field' }, h('label', { for: id }, label + (required ? ' *' : '')),
      hint ? h('p', { class: 'hint', id: hintId }, hint) : null, control, error);
  };
  const text = (name, value, attrs = {}) => h('input', { name, value: value || '', ...attrs });
  const choose = (name, value, options, empty = true) => h('select', { name },
    empty ? h('option', { value: '' }, t('notSet')) : null,
    options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));

  const storedZone = profile.timeZone || '';
  const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const sms = h('input', { type: 'checkbox', name: 'smsConsent', id: nextId('sms'), checked: !!profile.smsConsent });
  const smsError = h('p', { class: 'field-error', id: sms.id + '-error', hidden: true });
  fields.set('smsConsent', { control: sms, error: smsError, hintId: null });
  const levels = nextId('levels');
  const summary = h('div', { class: 'notice bad', role: 'alert', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit' }, t('save'));

  const form = h('form', { novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    clearErrors();
    const v = (name) => fields.get(name).control.value.trim();
    const body = { name: v('name'), email: v('email'), affiliation: v('affiliation'), phone: v('phone'),
      language: v('language'), level: v('level'), smsConsent: sms.checked, timeZone: v('timeZone') };
    if (v('country')) body.country = v('country');
    if (v('audience')) body.audience = v('audience');
    if (!body.email) delete body.email;
    const local = [];
    if (!body.name) local.push({ field: 'name', message: t('name') + ' *' });
    if (local.length) { showErrors(local); return; }
    submit.disabled = true;
    try {
      const saved = await api('/api/registrations/me/profile', { method: 'PUT', body });
      if (!saved.timeZone) { try { localStorage.removeItem('eduweek.timeZone'); } catch { /* ignore */ } }
      Object.assign(profile, saved);
      // The shell shows the saved name and draws times in the saved zone from now on.
      document.dispatchEvent(new CustomEvent('eduweek:profile', { detail: saved }));
      // The preferred language is the portal's language from now on (and so the language of the services' problems).
      const change = { lang: saved.language === 'zh' ? 'zh' : 'en', done: null };
      document.dispatchEvent(new CustomEvent('eduweek:language', { detail: change }));
      if (change.done) {
        // the page was drawn again in the new language: its heading takes the focus the save button had
        await change.done;
        const heading = document.querySelector('main h1');
        if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
      }
      toast(t('saved')); announce(t('saved'));
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) showErrors(e.fields, e.message);
      else { fill(summary, h('p', {}, describe(e))); summary.hidden = false; summary.focus(); }
    } finally { submit.disabled = false; }
  } },
    summary,
    field('name', t('name'), text('name', profile.name, { autocomplete: 'name', maxlength: '200', required: true }), null, true),
    field('email', t('email'), text('email', profile.email, { type: 'email', autocomplete: 'email', maxlength: '254' })),
    field('affiliation', t('affiliation'), text('affiliation', profile.affiliation, { autocomplete: 'organization', maxlength: '300' })),
    field('country', t('country'), choose('country', profile.country, regions())),
    field('audience', t('audience'), choose('audience', profile.audience, AUDIENCES.map((a) => [a, t(a)])), t('audienceHint')),
    field('level', t('level'), text('level', profile.level, { maxlength: '50', list: levels, autocomplete: 'off' }), t('levelHint')),
    h('datalist', { id: levels }, ['basic', 'advanced', 'management'].map((x) => h('option', { value: x }))),
    field('language', t('preferredLanguage'), choose('language', profile.language || i18n.lang,
      [['en', 'English'], ['zh', '中文']], false)),
    field('phone', t('phone'), text('phone', profile.phone, { type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: '20' }), t('phoneHint')),
    h('div', { class: 'field' }, h('div', { class: 'check' }, sms, h('label', { for: sms.id }, t('smsConsent'))), smsError),
    field('timeZone', t('timeZone'), choose('timeZone', storedZone, zoneOptions(storedZone), false), t('timeZoneHint')),
    h('div', { class: 'actions' }, submit));
  // The time zone select: "this device" first.
  const zoneSelect = fields.get('timeZone').control;
  zoneSelect.prepend(h('option', { value: '', selected: !storedZone }, t('deviceZone', deviceZone)));
  if (!storedZone) zoneSelect.value = '';
  for (const o of fields.get('language').control.options) o.lang = o.value === 'zh' ? 'zh-CN' : 'en';

  function clearErrors() {
    summary.hidden = true;
    fields.forEach(({ control, error, hintId }) => {
      error.hidden = true; error.textContent = '';
      control.removeAttribute('aria-invalid');
      if (hintId) control.setAttribute('aria-describedby', hintId); else control.removeAttribute('aria-describedby');
    });
  }

  function showErrors(list, message) {
    const unplaced = [];
    let first = null;
    for (const f of list) {
      const target = fields.get(f.field);
      if (!target) { unplaced.push(f); continue; }
      target.error.textContent = (target.error.textContent ? target.error.textContent + '; ' : '') + f.message;
      target.error.hidden = false;
      target.control.setAttribute('aria-invalid', 'true');
      target.control.setAttribute('aria-describedby', [target.hintId, target.error.id].filter(Boolean).join(' '));
      first = first || target.control;
    }
    fill(summary, h('p', {}, t('fixErrors')), message && unplaced.length ? h('p', {}, message) : null,
      unplaced.map((f) => h('p', {}, t('errorOn', f.field, f.message))));
    summary.hidden = false;
    (first || summary).focus();
  }

  fill(main, h('h1', {}, t('navProfile')), h('p', { class: 'lede' }, t('profileIntro')),
    form);
  return null;
}
