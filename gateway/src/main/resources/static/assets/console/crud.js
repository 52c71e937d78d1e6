// One list-create-edit-delete view for the programme's reference data; each kind gives its fields, columns and
// how a form's values become the service's request body.
import { h, fill, toast, announce } from '../dom.js';
import { api } from '../api.js';
import { confirmDialog } from '../ui.js';
import { ct } from './texts.js';
import { buildForm, wrapAttrs, problemNotice } from './forms.js';

/** Both languages of one item (the services localize single texts by ?lang=). */
export async function bothLanguages(path) {
  const sep = path.includes('?') ? '&' : '?';
  const [en, zh] = await Promise.all([api(`${path}${sep}lang=en`), api(`${path}${sep}lang=zh`)]);
  return { en, zh };
}

/**
 * spec: {key, title (text key), heading: 'h1'|'h2', path (collection URL), list(): items, columns: [{label, cell(item)}],
 * fields(item?): field specs, values(item): Promise<values>, body(values, item): request body, name(item),
 * controls: a node shown above the list (e.g. a filter)}
 */
export async function crudView(container, spec) {
  const items = await spec.list();
  const formSlot = h('div');
  const headingTag = spec.heading || 'h1';
  const newButton = h('button', { type: 'button', id: `${spec.key}-new`, onclick: () => openForm(null) }, `${ct('newItem')}: ${ct(spec.singular)}`);
  const table = renderTable(items);
  fill(container,
    h('div', { class: 'toolbar' }, h(headingTag, {}, ct(spec.title)), newButton),
    spec.intro ? h('p', { class: 'lede' }, spec.intro) : null,
    spec.controls || null,
    formSlot, table);

  function renderTable(list) {
    if (!list.length) return h('p', { class: 'empty' }, ct('none'));
    return h('div', wrapAttrs(ct(spec.title)), h('table', { class: 'data', id: `${spec.key}-table` },
      h('caption', { class: 'sr-only' }, ct(spec.title)),
      h('thead', {}, h('tr', {}, spec.columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : null }, ct(c.label))),
        h('th', { scope: 'col' }, ct('actions')))),
      h('tbody', {}, list.map((item) => h('tr', { 'data-id': item.id },
        spec.columns.map((c, i) => h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, class: c.num ? 'num' : null }, c.cell(item))),
        h('td', {}, h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'secondary', 'aria-label': `${ct('edit')}: ${spec.name(item)}`,
            onclick: () => openForm(item) }, ct('edit')),
          h('button', { type: 'button', class: 'secondary', 'aria-label': `${ct('remove')}: ${spec.name(item)}`,
            onclick: (e) => remove(item, e.currentTarget) }, ct('remove')))))))));
  }

  async function openForm(item) {
    const values = item ? await spec.values(item) : (spec.defaults ? spec.defaults() : {});
    const form = buildForm({
      key: spec.key,
      title: item ? ct('editItem', spec.name(item)) : `${ct('newItem')}: ${ct(spec.singular)}`,
      fields: spec.fields(item), values,
      submitLabel: item ? ct('save') : ct('create'),
      onCancel: () => { fill(formSlot); newButton.focus(); },
      onSubmit: async (v) => {
        const body = spec.body(v, item);
        if (item) await api(`${spec.path}/${encodeURIComponent(item.id)}`, { method: 'PUT', body });
        else await api(spec.path, { method: 'POST', body });
        toast(item ? ct('saved') : ct('created'));
        announce(item ? ct('saved') : ct('created'));
        await crudView(container, spec);
      }
    });
    fill(formSlot, form);
    const first = form.querySelector('input, select, textarea');
    if (first) first.focus();
  }

  async function remove(item, opener) {
    const ok = await confirmDialog({ title: ct('confirmDeleteTitle', spec.name(item)), text: ct('confirmDeleteText'),
      confirm: ct('confirmDelete'), keep: ct('keep'), opener });
    if (!ok) return;
    try {
      await api(`${spec.path}/${encodeURIComponent(item.id)}`, { method: 'DELETE' });
      toast(ct('deleted'));
      await crudView(container, spec);
    } catch (e) {
      // 409: still in use (a room with sessions, an edition with sessions): the service names what holds it.
      // 403: another edition's team; both answered as a problem in the organizer's language.
      fill(formSlot, problemNotice(e));
      formSlot.firstChild.focus();
    }
  }
}
