// Administrators only: grant and remove the ORGANIZER role on signed-up accounts. The identity provider holds roles
// and puts them into the tokens it issues, so a change reaches that person at their next sign-in; the page says so.
import { h, fill } from '../dom.js';
import { api } from '../api.js';
import { confirmDialog } from '../ui.js';
import { ct } from './texts.js';
import { problemNotice } from './forms.js';
import { accountSearch, accountLabel } from './accounts.js';
import { isAdmin } from './roles.js';

const rolePath = (subject) => `/api/accounts/${encodeURIComponent(subject)}/roles/ORGANIZER`;

export async function organizersPage({ main }) {
  const title = h('h1', {}, ct('organizers'));
  if (!isAdmin()) {
    fill(main, title, h('p', { class: 'notice warn', id: 'admins-only' }, ct('adminsOnly')));
    return;
  }
  const notices = h('div', { id: 'organizer-notices', 'aria-live': 'polite' });
  const refused = (e) => {
    fill(notices, problemNotice(e));
    notices.firstChild.focus();
  };

  async function change(account, grant, button) {
    if (!grant) {
      const ok = await confirmDialog({ title: ct('confirmRevokeTitle', accountLabel(account)), text: ct('confirmRevokeText'),
        confirm: ct('confirmRevoke'), keep: ct('keep'), opener: button });
      if (!ok) return;
    }
    fill(notices);
    button.disabled = true;
    try {
      const answer = await api(rolePath(account.subject), { method: grant ? 'PUT' : 'DELETE' });
      const changed = { ...account, ...(answer || {}) };
      search.update(changed);
      const message = ct(changed.organizer ? 'granted' : 'revoked', accountLabel(changed));
      // said once, where the change was made; focused, so a screen reader reads it
      fill(notices, h('p', { class: 'notice ok', id: 'role-changed', tabindex: '-1' }, message));
      notices.firstChild.focus();
    } catch (e) {
      button.disabled = false;
      refused(e);
    }
  }

  const search = accountSearch({
    key: 'organizers', title: ct('searchAccounts'),
    action: (account) => account.organizer
      ? { label: ct('revokeOrganizer'), aria: ct('revokeLabel', accountLabel(account)), run: (b) => change(account, false, b) }
      : { label: ct('grantOrganizer'), aria: ct('grantLabel', accountLabel(account)), run: (b) => change(account, true, b) },
    onError: refused
  });
  fill(main, title, h('p', { class: 'lede' }, ct('organizersIntro')), notices, search.node);
}
