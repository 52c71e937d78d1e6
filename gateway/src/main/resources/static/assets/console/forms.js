// The console's forms: fields from a small spec, values in and out, and the services' field problems
// (errors[{field, message}], already in the caller's language) shown next to their fields.
import { h, fill } from '../dom.js';
import { ApiError } from '../api.js';
import { ct } from './texts.js';

let formSeq = 0;

/**
 * field spec: {name, label, type: text|textarea|number|date|datetime|select|multi|check|checks|bi|bitext|url,
 * required, hint, options: [{value, label}], aliases: [problem field names shown here], wide}
 * 'bi' and 'bitext' are bilingual pairs: the value is {en, zh}; a problem on `name`, `name.en` or `name.zh` lands there.
 */
export function buildForm({ key, title, fields, values = {}, submitLabel, onSubmit, onCancel }) {
  const prefix = `${key}-${++formSeq}`;
  const errorBox = h('div', { class: 'notice bad form-error', role: 'alert', hidden: true });
  const slots = new Map();
  const getters = [];
  const grid = h('div', { class: 'form-grid' });
  for (const f of fields) {
    const { node, get, slot, inputs } = field(prefix, f, values[f.name]);
    grid.append(node);
    getters.push([f.name, get]);
    slots.set(f.name, { slot, inputs });
    for (const a of f.aliases || []) slots.set(a, { slot, inputs });
  }
  const submit = h('button', { type: 'submit' }, submitLabel || ct('save'));
  const headingId = `${prefix}-title`;
  const form = h('form', { class: 'form-panel', novalidate: true, 'aria-labelledby': title ? headingId : null },
    title ? h('h2', { id: headingId }, title) : null, errorBox, grid,
    h('div', { class: 'actions' }, submit,
      onCancel ? h('button', { type: 'button', class: 'secondary', onclick: onCancel }, ct('cancel')) : null));
  const read = () => Object.fromEntries(getters.map(([n, g]) => [n, g()]));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    submit.disabled = true;
    try {
      await onSubmit(read());
    } catch (e) {
      showErrors(e);
    } finally {
      submit.disabled = false;
    }
  });

  function clearErrors() {
    errorBox.hidden = true;
    fill(errorBox);
    for (const { slot, inputs } of slots.values()) {
      fill(slot);
      inputs.forEach((i) => i.removeAttribute('aria-invalid'));
    }
  }

  function slotFor(name) {
    if (!name) return null;
    if (slots.has(name)) return slots.get(name);
    const base = name.split(/[.[]/)[0];
    return slots.get(base) || null;
  }

  /** Field problems beside their fields (the first one focused), the rest and the detail in the box on top. */
  function showErrors(e) {
    const unplaced = [];
    let first = null;
    if (e instanceof ApiError) {
      for (const p of e.fields) {
        const target = slotFor(p.field);
        if (!target) { unplaced.push(`${p.field}: ${p.message}`); continue; }
        target.slot.append(h('p', { class: 'field-error' }, p.message));
        target.inputs.forEach((i) => i.setAttribute('aria-invalid', 'true'));
        first = first || target.inputs[0];
      }
    }
    const placedOnly = e instanceof ApiError && e.fields.length && !unplaced.length && e.status === 400;
    fill(errorBox, placedOnly ? h('p', {}, ct('fixFields')) : problemLines(e), unplaced.map((u) => h('p', {}, u)));
    errorBox.hidden = false;
    (first || errorBox).focus?.();
    if (!first) { errorBox.tabIndex = -1; errorBox.focus(); }
  }

  form.showErrors = showErrors;
  form.read = read;
  return form;
}

function field(prefix, f, value) {
  const id = `${prefix}-${f.name}`;
  const errId = `${id}-err`;
  const hintId = f.hint ? `${id}-hint` : null;
  const slot = h('div', { id: errId, class: 'field-slot' });
  const described = [hintId, errId].filter(Boolean).join(' ');
  const label = ct(f.label || f.name) + (f.required ? ' ' + ct('required') : '');
  const wrapClass = 'field' + (f.wide || f.type === 'textarea' || f.type === 'bitext' || f.type === 'checks' ? ' wide' : '');
  const hint = f.hint ? h('p', { class: 'hint', id: hintId }, ct(f.hint)) : null;

  if (f.type === 'bi' || f.type === 'bitext') {
    const v = value || {};
    const make = (lang) => {
      const attrs = { id: `${id}-${lang}`, name: `${f.name}.${lang}`, 'aria-describedby': described,
        lang: lang === 'zh' ? 'zh-CN' : 'en' };
      const input = f.type === 'bitext' ? h('textarea', { ...attrs, rows: 3 }) : h('input', { ...attrs, type: 'text' });
      input.value = v[lang] || '';
      return input;
    };
    const en = make('en'); const zh = make('zh');
    const node = h('fieldset', { class: wrapClass },
      h('legend', {}, label), hint,
      h('div', { class: 'pair' },
        h('div', { class: 'field' }, h('label', { for: en.id }, ct('english')), en),
        h('div', { class: 'field' }, h('label', { for: zh.id }, ct('chinese')), zh)), slot);
    const get = () => {
      const a = en.value.trim(); const b = zh.value.trim();
      return a || b ? { en: a || null, zh: b || null } : null;
    };
    return { node, get, slot, inputs: [en, zh] };
  }

  if (f.type === 'checks') {
    const chosen = new Set(value || []);
    const boxes = (f.options || []).map((o) => {
      const box = h('input', { type: 'checkbox', id: `${id}-${o.value}`, name: f.name, value: o.value,
        'aria-describedby': described });
      box.checked = chosen.has(o.value);
      return { box, node: h('div', { class: 'check' }, box, h('label', { for: box.id }, o.label)) };
    });
    const node = h('fieldset', { class: wrapClass }, h('legend', {}, label), hint,
      h('div', { class: 'checks' }, boxes.map((b) => b.node)), slot);
    return { node, get: () => boxes.filter((b) => b.box.checked).map((b) => b.box.value), slot,
      inputs: boxes.map((b) => b.box) };
  }

  if (f.type === 'check') {
    const box = h('input', { type: 'checkbox', id, name: f.name, 'aria-describedby': described });
    box.checked = !!value;
    const node = h('div', { class: wrapClass }, h('div', { class: 'check' }, box, h('label', { for: id }, label)), hint, slot);
    return { node, get: () => box.checked, slot, inputs: [box] };
  }

  let input;
  const common = { id, name: f.name, 'aria-describedby': described, required: f.required ? true : null };
  if (f.type === 'textarea') {
    input = h('textarea', { ...common, rows: 4 });
    input.value = value ?? '';
  } else if (f.type === 'select' || f.type === 'multi') {
    input = h('select', { ...common, multiple: f.type === 'multi' ? true : null },
      f.type === 'select' ? h('option', { value: '' }, ct('noneChosen')) : null,
      (f.options || []).map((o) => h('option', { value: o.value }, o.label)));
    const chosen = new Set(Array.isArray(value) ? value : [value]);
    for (const o of input.options) o.selected = chosen.has(o.value) && o.value !== '';
  } else {
    const type = { number: 'number', date: 'date', datetime: 'datetime-local', url: 'url' }[f.type] || 'text';
    input = h('input', { ...common, type, min: f.type === 'number' ? (f.min ?? null) : null,
      inputmode: f.type === 'number' ? 'numeric' : null });
    input.value = value ?? '';
  }
  const get = () => {
    if (f.type === 'multi') return Array.from(input.selectedOptions, (o) => o.value);
    const raw = input.value.trim();
    if (raw === '') return null;
    if (f.type === 'number') return Number(raw);
    return raw;
  };
  const node = h('div', { class: wrapClass }, h('label', { for: id }, label), hint, input, slot);
  return { node, get, slot, inputs: [input] };
}

/** 'YYYY-MM-DDTHH:mm' wall time in `zone` → ISO with that zone's offset at that moment (null when empty). */
export function zonedIso(local, zone) {
  if (!local) return null;
  const guess = Date.parse(local + ':00Z');
  if (Number.isNaN(guess)) return local;
  let off = offsetMinutes(zone, new Date(guess));
  off = offsetMinutes(zone, new Date(guess - off * 60000));
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  const pad = (n) => String(n).padStart(2, '0');
  return `${local}:00${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** An instant as the 'YYYY-MM-DDTHH:mm' a datetime-local field shows, in `zone`. */
export function localInput(instant, zone) {
  if (!instant) return '';
  const p = zoneParts(zone, new Date(instant));
  const pad = (n) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

function zoneParts(zone, date) {
  let fmt;
  try {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone || 'UTC', hourCycle: 'h23', year: 'numeric',
      month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  } catch {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hourCycle: 'h23', year: 'numeric', month: 'numeric',
      day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  }
  const parts = Object.fromEntries(fmt.formatToParts(date).map((x) => [x.type, x.value]));
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour % 24, minute: +parts.minute,
    second: +parts.second };
}

function offsetMinutes(zone, date) {
  const p = zoneParts(zone, date);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

/**
 * A refusal as the service worded it, in the caller's language: the problem's title in bold and its detail (a 403
 * "not on this edition's team" names the edition), or the plain message when the answer had no problem body.
 */
export function problemLines(e) {
  const p = e instanceof ApiError ? e.problem : null;
  const title = p && typeof p.title === 'string' ? p.title : null;
  const detail = p && typeof p.detail === 'string' ? p.detail : null;
  if (title && detail && title !== detail) {
    return [h('p', { class: 'problem-title' }, h('strong', {}, title)), h('p', { class: 'problem-detail' }, detail)];
  }
  if (title || detail) return [h('p', { class: 'problem-detail' }, title || detail)];
  if (e instanceof ApiError && e.status) return [h('p', {}, e.message || ct('problemFallback', e.status))];
  return [h('p', {}, String((e && e.message) || e))];
}

/** A refusal shown where it happened: an alert with the problem's title and detail and its field problems. */
export function problemNotice(e) {
  return h('div', { class: 'notice bad', role: 'alert', tabindex: '-1' }, problemLines(e),
    e instanceof ApiError ? e.fields.map((f) => h('p', {}, `${f.field}: ${f.message}`)) : null);
}

/** A table's scrolling box: a named region that takes focus, so a keyboard can scroll a wide table on a narrow screen. */
export function wrapAttrs(label) {
  return { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': label };
}
