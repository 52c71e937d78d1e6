// One fetch wrapper for every call: the chosen language as Accept-Language (the services answer problems in it),
// credentials from the auth adapter, problem bodies (RFC 9457) turned into ApiError with field errors.
import { i18n, t } from './i18n.js';

let credentials = () => ({});
let unauthorized = () => {};
/** The auth adapter plugs in here: headers(method) for each call, and what to do on a 401. */
export function useCredentials(headersFor, on401) { credentials = headersFor; unauthorized = on401; }

export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message);
    this.status = status;
    this.problem = problem || null;
    /** [{field, message}] from the problem body. */
    this.fields = (problem && Array.isArray(problem.errors)) ? problem.errors : [];
  }
}

const acceptLanguage = () => (i18n.lang === 'zh' ? 'zh-CN,zh;q=0.9,en;q=0.5' : 'en');

/**
 * api('/api/...', {method, body, headers, as: 'json'|'blob'|'response', signal}).
 * Resolves to the parsed body (null for an empty one); rejects with ApiError.
 */
export async function api(path, options = {}) {
  const method = (options.method || 'GET').toUpperCase();
  const headers = { Accept: options.as === 'blob' ? 'image/png,*/*' : 'application/json',
    'Accept-Language': acceptLanguage(), ...credentials(method), ...(options.headers || {}) };
  let body;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response;
  try {
    // no-cache: always asked again, but with the validator, so an unchanged answer is a cheap 304.
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal,
      cache: options.cache || 'no-cache' });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null, t('offline'));
  }
  if (options.as === 'response') return response;
  if (response.ok && options.as === 'blob') return response.blob();
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.ok) return data;
  if (response.status === 401 && !options.quiet401) unauthorized();
  const problem = data && typeof data === 'object' ? data : null;
  const message = (problem && (problem.detail || problem.title)) || `${response.status} ${response.statusText}`;
  throw new ApiError(response.status, problem, message);
}

/** The message to show for an error, with its field problems when the caller does not place them itself. */
export function describe(error, withFields = false) {
  if (!(error instanceof ApiError)) return String(error && error.message || error);
  if (!withFields || !error.fields.length) return error.message;
  return error.fields.map((f) => t('errorOn', f.field, f.message)).join('; ');
}
