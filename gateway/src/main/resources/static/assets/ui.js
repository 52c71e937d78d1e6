// Shared pieces of the signed-in views: the confirmation dialog and the "sign in first" prompt.
import { h } from './dom.js';
import { t } from './i18n.js';
import { canSignUp, canSignIn, signUp } from './auth.js';

/**
 * A modal <dialog>: focus starts on the safe choice ("keep"), Escape keeps, focus returns to the opener.
 * Resolves true when confirmed.
 */
export function confirmDialog({ title, text, confirm, keep, opener }) {
  return new Promise((resolve) => {
    let result = false;
    const keepButton = h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, keep);
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
      h('h2', { id: 'confirm-title' }, title),
      h('p', { id: 'confirm-text' }, text),
      h('div', { class: 'actions' }, keepButton,
        h('button', { type: 'button', class: 'danger', onclick: () => { result = true; dialog.close(); } }, confirm)));
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (!result && opener && opener.isConnected) opener.focus();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
    keepButton.focus();
  });
}

export function signInPrompt(ctx, why) {
  if (!canSignIn()) return h('div', { class: 'notice' }, h('p', {}, t('signInUnavailable')));
  return h('div', { class: 'notice' }, h('p', {}, why || t('signInForPage')),
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => ctx.openSignIn() }, t('signIn')),
      canSignUp() ? h('button', { type: 'button', class: 'secondary', onclick: signUp }, t('signUp')) : null));
}
