// The options of createBatchCore and createBatchClient, checked at construction. Misuse throws a
// BatchClientOptionsError whose message names the option and the rule it breaks, never the
// value (it may be a credential). The messages are short on purpose: this module is on the path
// of every app's first call; the options' documentation carries the examples.

export type BatchAuth =
  | { scheme: 'Basic'; username: string; password: string }
  | { scheme: 'SOTicket'; ticket: string }
  | { scheme: 'Bearer'; token: string | (() => string | Promise<string>) }
  | { scheme: 'XSRF'; token: string };

export interface RetryPolicy {
  /** Retries after the first attempt (default 2). */
  retries: number;
  /** The first backoff, doubled on each retry (default 250 ms). */
  baseDelayMs: number;
  /** No wait is longer than this, Retry-After included (default 10 s): a longer Retry-After is not waited for. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 250, maxDelayMs: 10_000 };
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export class BatchClientOptionsError extends TypeError {
  override name = 'BatchClientOptionsError';
}

/** Throws for `api` (createBatchClient, createBatchCore): `rule` follows the option's name. */
type Fail = (option: string, rule: string) => never;
const failFor =
  (api: string): Fail =>
  (option, rule) => {
    throw new BatchClientOptionsError(`${api}: options${option} ${rule}.`);
  };

/**
 * The base URL is the installation's address: what comes before `/api/v1` in the WebAPI's URLs,
 * such as `https://online.superoffice.com/Cust12345` or `https://crm.example.com/SuperOffice`.
 * A trailing `/api` or `/api/v1` (with or without a slash) is accepted and removed, since users
 * copy it from the API's address. Anything else after `/api`, a query, a fragment, credentials
 * in the URL or a scheme other than http(s) is refused.
 */
export function normalizeBaseUrl(baseUrl: unknown, api = 'createBatchClient'): string {
  const fail: Fail = failFor(api);
  if (typeof baseUrl !== 'string' || !baseUrl.trim()) fail('.baseUrl', 'is required: the installation\'s address, such as "https://online.superoffice.com/Cust12345"');
  let url!: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    fail('.baseUrl', 'is not an absolute URL');
  }
  if (!/^https?:$/.test(url.protocol)) fail('.baseUrl', `must use https (or http), not ${url.protocol.slice(0, -1)}`);
  if (url.username || url.password) fail('.baseUrl', 'must not carry credentials: pass them in options.auth');
  if (url.search || url.hash) fail('.baseUrl', 'must not have a query or fragment');
  const path = url.pathname.replace(/\/+$/, '');
  const [, installation = path] = /^(.*?)\/api(?:\/v1)?$/i.exec(path) ?? [];
  if (/\/api(\/|$)/i.test(installation)) fail('.baseUrl', 'must end at the installation, or at its /api or /api/v1');
  return url.origin + installation;
}

/** Why `value` cannot be sent as a header value, or undefined when it can. Never quotes the value. */
export function headerValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return 'must be a non-empty string';
  // No control characters, nothing beyond Latin-1.
  if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(value)) return 'must not contain line breaks, control characters or characters beyond Latin-1 (it travels in an HTTP header)';
  return undefined;
}

function headerValue(value: unknown, option: string, fail: Fail): string {
  const problem = headerValueProblem(value);
  if (problem) fail(option, problem);
  return value as string;
}

/** A time limit: undefined, or a positive number of milliseconds. A call's own (api = its operation) is a TypeError. */
export function validateTimeout(timeoutMs: unknown, name: string, api = 'createBatchClient'): number | undefined {
  if (timeoutMs === undefined || (typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs > 0)) return timeoutMs;
  const rule = `${name} must be a positive number of milliseconds.`;
  throw api.startsWith('createBatch') ? new BatchClientOptionsError(`${api}: ${rule}`) : new TypeError(`${api}: ${rule}`);
}

export interface Settings {
  baseUrl: string;
  auth: BatchAuth;
  /** Accept, the SO-* headers, and the credential's header unless it comes from a token function. */
  headers: Record<string, string>;
  token: (() => string | Promise<string>) | undefined;
  timeoutMs: number;
  retry: RetryPolicy;
  maxResponseBytes: number;
}

/** Checks every option and turns them into what a call sends. */
export function readOptions(options: unknown, api: string): Settings {
  const fail: Fail = failFor(api);
  if (!options || typeof options !== 'object') fail('', 'are required: { baseUrl, auth }');
  const given = options as Record<string, unknown>;
  const baseUrl = normalizeBaseUrl(given.baseUrl, api);
  const auth = (given.auth ?? fail('.auth', 'is required: { scheme: "Basic" | "SOTicket" | "Bearer" | "XSRF", ... }')) as Record<string, unknown>;
  const headers: Record<string, string> = { Accept: 'application/json' };
  let token: Settings['token'];
  switch (auth.scheme) {
    case 'Basic': {
      const { username, password } = auth;
      if (typeof username !== 'string' || !username.trim()) fail('.auth.username', 'must be a non-empty string');
      if (username.includes(':')) fail('.auth.username', 'must not contain ":" (Basic cannot carry it)');
      if (typeof password !== 'string') fail('.auth.password', 'must be a string');
      // Basic travels as base64 of UTF-8: any character will do but ":".
      headers.Authorization = `Basic ${btoa(Array.from(new TextEncoder().encode(`${username}:${password}`), (byte) => String.fromCharCode(byte)).join(''))}`;
      break;
    }
    case 'SOTicket':
      headers.Authorization = `SOTicket ${headerValue(auth.ticket, '.auth.ticket', fail)}`;
      break;
    case 'Bearer':
      if (typeof auth.token === 'function') token = auth.token as Settings['token'];
      else headers.Authorization = `Bearer ${headerValue(auth.token, '.auth.token', fail)}`;
      break;
    case 'XSRF':
      headers['X-XSRF-TOKEN'] = headerValue(auth.token, '.auth.token', fail);
      break;
    default:
      fail('.auth.scheme', 'must be "Basic", "SOTicket", "Bearer" or "XSRF"');
  }
  for (const [header, option] of [['SO-AppToken', 'appToken'], ['SO-Language', 'language'], ['SO-Culture', 'culture'], ['SO-TimeZone', 'timeZone']]) {
    if (given[option!] !== undefined) headers[header!] = headerValue(given[option!], `.${option}`, fail);
  }
  for (const option of ['fetch', 'onRetry']) if (given[option] !== undefined && typeof given[option] !== 'function') fail(`.${option}`, 'must be a function');

  let retry = DEFAULT_RETRY;
  if (given.retry === false) retry = { ...DEFAULT_RETRY, retries: 0 };
  else if (given.retry !== undefined) {
    if (!given.retry || typeof given.retry !== 'object') fail('.retry', 'must be false or { retries, baseDelayMs, maxDelayMs }');
    retry = { ...DEFAULT_RETRY, ...given.retry };
    for (const key of ['retries', 'baseDelayMs', 'maxDelayMs'] as const) if (!Number.isInteger(retry[key]) || retry[key] < 0) fail(`.retry.${key}`, 'must be a whole number >= 0');
  }
  const maxResponseBytes = given.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (maxResponseBytes !== Infinity && !(Number.isSafeInteger(maxResponseBytes) && (maxResponseBytes as number) > 0)) {
    fail('.maxResponseBytes', 'must be a whole number of bytes above 0 (or Infinity for no limit)');
  }
  return {
    baseUrl,
    auth: auth as BatchAuth,
    headers,
    token,
    timeoutMs: validateTimeout(given.timeoutMs, 'options.timeoutMs', api) ?? DEFAULT_TIMEOUT_MS,
    retry,
    maxResponseBytes: maxResponseBytes as number,
  };
}
