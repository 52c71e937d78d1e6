// Small DOM helpers. Every text goes in through text nodes (never innerHTML), so data cannot inject markup.

/** h('a', {href: '#/', class: 'x', onclick: fn}, 'text', child...) */
export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'text') node.textContent = v;
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(node, c);
    else node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export const $ = (selector, root = document) => root.querySelector(selector);

let uid = 0;
/** A unique id for label/describedby pairs. */
export const nextId = (prefix = 'f') => `${prefix}-${++uid}`;

/** Tell screen readers something that changed without moving focus (polite live region). */
export function announce(message) {
  const region = document.getElementById('announce');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick, so the same message twice is read twice.
  setTimeout(() => { region.textContent = message || ''; }, 50);
}

/** Show a short message in the visible toast region (also a live region). */
export function toast(message, kind = 'info') {
  const box = document.getElementById('toast');
  if (!box) return;
  box.textContent = message || '';
  box.dataset.kind = kind;
  clearTimeout(toast.timer);
  if (message) toast.timer = setTimeout(() => { box.textContent = ''; }, 8000);
}

/** Random id for Idempotency-Key (crypto.randomUUID needs a secure context; fall back to getRandomValues). */
export function randomId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Replace a node's children (null/false children are skipped, arrays flattened). */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}
