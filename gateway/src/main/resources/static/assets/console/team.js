// One edition's team: who is on it (the schedule service owns it), adding a signed-up account found by search and
// removing a member. The services decide who may change it (an administrator or a member; the last member only an
// administrator); a refusal is shown as they word it, in the organizer's language.
import { h, fill, toast, announce } from '../dom.js';
import { api } from '../api.js';
import { dateTime } from '../i18n.js';
import { confirmDialog } from '../ui.js';
import { auth } from '../auth.js';
import { ct } from './texts.js';
import { wrapAttrs, problemNotice } from './forms.js';
import { accountSearch, accountLabel } from './accounts.js';

const enc = encodeURIComponent;
const teamPath = (editionId) => `/api/schedule/editions/${enc(editionId)}/team`;

/** How a member is named in a row, a button's label or a message. */
export const memberLabel = (m) => m.name || m.email || m.subject;

/**
 * Who added a member: a member's name, or the signed-in person's own (an administrator need not be on the team),
 * else the subject as recorded.
 */
export function addedByText(member, members, me) {
  if (!member.addedBy) return '';
  const by = members.find((m) => m.subject === member.addedBy);
  if (by) return memberLabel(by);
  if (me && me.sub === member.addedBy) return me.name || me.email || me.sub;
  return member.addedBy;
}

export async function teamTab({ edition, container }) {
  const notices = h('div', { id: 'team-notices' });
  const list = h('div', { id: 'team-list' });
  const search = h('div');
  // focus lands here after a removal took the pressed button away
  const heading = h('h2', { tabindex: '-1', id: 'team-title' }, ct('team'));
  let team = await api(teamPath(edition.id));

  const refused = (e, focus = true) => {
    fill(notices, problemNotice(e));
    if (focus) notices.firstChild.focus();
  };

  function render() {
    const members = team.members || [];
    fill(list, members.length ? h('div', wrapAttrs(ct('team')), h('table', { class: 'data', id: 'team-table' },
      h('caption', { class: 'sr-only' }, ct('team')),
      h('thead', {}, h('tr', {}, ['member', 'email', 'addedBy', 'addedAt', 'actions'].map((k) => h('th', { scope: 'col' }, ct(k))))),
      h('tbody', {}, members.map((m) => h('tr', { 'data-subject': m.subject },
        h('th', { scope: 'row' }, memberLabel(m)), h('td', {}, m.email || ''), h('td', {}, addedByText(m, members, auth.user)),
        h('td', {}, m.addedAt ? dateTime(m.addedAt) : ''),
        h('td', {}, h('button', { type: 'button', class: 'secondary', 'aria-label': ct('removeMemberLabel', memberLabel(m)),
          onclick: (e) => remove(m, e.currentTarget) }, ct('removeMember'))))))))
      : h('p', { class: 'notice warn', id: 'team-empty' }, ct('teamEmpty')));
  }

  async function add(account, button) {
    fill(notices);
    button.disabled = true;
    try {
      team = await api(`${teamPath(edition.id)}/${enc(account.subject)}`, { method: 'PUT',
        body: { name: account.name || null, email: account.email || null } });
      render();
      toast(ct('memberAdded', accountLabel(account)));
      announce(ct('memberAdded', accountLabel(account)));
      searchView.mark(team.members);
    } catch (e) {
      button.disabled = false;
      refused(e);
    }
  }

  async function remove(member, opener) {
    const ok = await confirmDialog({ title: ct('confirmRemoveMemberTitle', memberLabel(member)),
      text: ct('confirmRemoveMemberText'), confirm: ct('confirmRemoveMember'), keep: ct('keep'), opener });
    if (!ok) return;
    fill(notices);
    try {
      team = await api(`${teamPath(edition.id)}/${enc(member.subject)}`, { method: 'DELETE' });
      render();
      toast(ct('memberRemoved', memberLabel(member)));
      announce(ct('memberRemoved', memberLabel(member)));
      searchView.mark(team.members);
      heading.focus();
    } catch (e) {
      refused(e);
    }
  }

  const searchView = accountSearch({
    key: 'team', title: ct('addMember'),
    action: (account) => {
      const on = (team.members || []).some((m) => m.subject === account.subject);
      return { label: on ? ct('onTeam') : ct('addToTeam'), aria: ct('addToTeamLabel', accountLabel(account)),
        disabled: on, run: (button) => add(account, button) };
    },
    note: (account) => (account.organizer ? null : ct('notOrganizerYet')),
    onError: refused
  });
  fill(search, searchView.node);
  render();
  fill(container,
    heading, h('p', { class: 'lede' }, ct('teamIntro')),
    notices, list, search);
}
