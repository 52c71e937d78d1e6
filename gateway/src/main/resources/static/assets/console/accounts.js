// Searching signed-up accounts (registration-service's GET /api/accounts?q=), shared by an edition's team (add a
// member) and the administrators' organizer roles (grant, remove). What a row's button does is the caller's.
import { h, fill } from '../dom.js';
import { api } from '../api.js';
import { ct, ctn } from './texts.js';
import { wrapAttrs } from './forms.js';

export const MIN_QUERY = 2;

/** How an account is named in a row, a button's label or a message. */
export const accountLabel = (a) => a.name || a.email || a.subject;

/** The query as sent, or null when it is too short to search. */
export function searchQuery(raw) {
  const q = String(raw ?? '').trim();
  return q.length >= MIN_QUERY ? q : null;
}

/**
 * spec: {key, title, action(account) → {label, aria, disabled, run(button)}, note(account) → text|null,
 * onError(error)}. Answers {node, rerender(), update(account)}: rerender after the caller's state changed,
 * update to replace one account (an answer of the roles endpoint) in the results.
 */
export function accountSearch(spec) {
  const id = `${spec.key}-accounts`;
  const input = h('input', { type: 'search', id: `${id}-q`, name: `${id}-q`, autocomplete: 'off',
    'aria-describedby': `${id}-hint`, minlength: String(MIN_QUERY) });
  const status = h('p', { class: 'hint', role: 'status', id: `${id}-status` });
  const results = h('div', { id: `${id}-results` });
  let found = [];
  let lastQuery = null;

  const form = h('form', { class: 'form-panel search-panel', role: 'search', 'aria-labelledby': `${id}-title`,
    onsubmit: async (e) => {
      e.preventDefault();
      const q = searchQuery(input.value);
      if (!q) {
        status.textContent = ct('queryTooShort');
        input.focus();
        return;
      }
      status.textContent = ct('searching');
      try {
        found = await api(`/api/accounts?q=${encodeURIComponent(q)}`);
        lastQuery = q;
        status.textContent = found.length ? ctn('accountsFound', found.length) : ct('noAccounts', q);
        rerender();
      } catch (err) {
        status.textContent = '';
        spec.onError(err);
      }
    } },
  h('h2', { id: `${id}-title` }, spec.title),
  h('div', { class: 'search-row' },
    h('div', { class: 'field' }, h('label', { for: input.id }, ct('accountQuery')),
      h('p', { class: 'hint', id: `${id}-hint` }, ct('accountQueryHint')), input),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: `${id}-search` }, ct('searchAction')))),
  status, results);

  function rerender() {
    if (!lastQuery || !found.length) { fill(results); return; }
    fill(results, h('div', wrapAttrs(ct('searchAccounts')), h('table', { class: 'data', id: `${id}-table` },
      h('caption', { class: 'sr-only' }, ct('searchAccounts')),
      h('thead', {}, h('tr', {}, ['name', 'email', 'role', 'actions'].map((k) => h('th', { scope: 'col' }, ct(k))))),
      h('tbody', {}, found.map((a) => {
        const act = spec.action(a);
        const note = spec.note ? spec.note(a) : null;
        return h('tr', { 'data-subject': a.subject },
          h('th', { scope: 'row' }, accountLabel(a)), h('td', {}, a.email || ''),
          h('td', {}, a.organizer ? ct('organizerRole') : ct('participantRole'),
            note ? h('p', { class: 'hint' }, note) : null),
          h('td', {}, h('button', { type: 'button', class: 'secondary', 'aria-label': act.aria, disabled: act.disabled,
            onclick: (e) => act.run(e.currentTarget) }, act.label)));
      })))));
  }

  function update(account) {
    found = found.map((a) => (a.subject === account.subject ? { ...a, ...account } : a));
    rerender();
  }

  return { node: form, rerender, mark: rerender, update };
}
