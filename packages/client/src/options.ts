// Validation of createBatchClient's options. Misuse throws at construction, with a message that
// names the option; a message never repeats a credential.

export type BatchAuth =
  | { scheme: 'Basic'; username: string; password: string }
  | { scheme: 'SOTicket'; ticket: string }
  | { scheme: 'Bearer'; token: string | (() => string | Promise<string>) }
  | { scheme: 'XSRF'; token: string };

export class BatchClientOptionsError extends TypeError {
  override name = 'BatchClientOptionsError';
}

function fail(message: string): never {
  throw new BatchClientOptionsError(`createBatchClient: ${message}`);
}

/**
 * The base URL is the installation's address: what comes before `/api/v1` in the WebAPI's URLs,
 * such as `https://online.superoffice.com/Cust12345` or `https://crm.example.com/SuperOffice`.
 * A trailing `/api` or `/api/v1` (with or without a slash) is accepted and removed, since users
 * copy it from the API's address. Anything else after `/api`, a query, a fragment, credentials
 * in the URL or a scheme other than http(s) is refused.
 */
export function normalizeBaseUrl(baseUrl: unknown): string {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') fail('options.baseUrl is required, such as "https://online.superoffice.com/Cust12345".');
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    fail('options.baseUrl is not an absolute URL; expected such as "https://online.superoffice.com/Cust12345".');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`options.baseUrl must use https (or http), not ${url.protocol.replace(':', '')}.`);
  if (url.username || url.password) fail('options.baseUrl must not carry credentials: pass them in options.auth.');
  if (url.search || url.hash) fail('options.baseUrl must not have a query or fragment.');
  const path = url.pathname.replace(/\/+$/, '');
  const api = /^(.*?)\/api(\/v1)?$/i.exec(path);
  const installation = api ? api[1]! : path;
  if (/\/api(\/|$)/i.test(installation) || (!api && /\/api\//i.test(path))) {
    fail('options.baseUrl must end at the installation, or at its /api or /api/v1, such as "https://online.superoffice.com/Cust12345/api/v1".');
  }
  return `${url.origin}${installation}`;
}

/** What an HTTP header value may hold: no control characters, nothing beyond Latin-1. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Why `value` cannot be sent as a header value, or undefined when it can. Never quotes the value. */
export function headerValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'must be a non-empty string';
  if (!HEADER_VALUE.test(value)) return 'must not contain line breaks, control characters or characters beyond Latin-1 (it travels in an HTTP header)';
  return undefined;
}

function nonEmpty(value: unknown, name: string): string {
  const problem = headerValueProblem(value);
  if (problem) fail(`${name} ${problem}.`);
  return value as string;
}

/** An optional SO-* header option: absent, or a value a header can carry. */
export function optionalHeader(value: unknown, name: string): string | undefined {
  return value === undefined ? undefined : nonEmpty(value, name);
}

export function validateAuth(auth: unknown): BatchAuth {
  if (!auth || typeof auth !== 'object') fail('options.auth is required: { scheme: "Basic" | "SOTicket" | "Bearer" | "XSRF", ... }.');
  const candidate = auth as Record<string, unknown>;
  switch (candidate.scheme) {
    case 'Basic':
      // Basic travels as base64 of UTF-8: any character will do but ":".
      if (typeof candidate.username !== 'string' || candidate.username.trim() === '') fail('options.auth.username must be a non-empty string.');
      if (candidate.username.includes(':')) fail('options.auth.username must not contain ":" (Basic cannot carry it).');
      if (typeof candidate.password !== 'string') fail('options.auth.password must be a string.');
      return { scheme: 'Basic', username: candidate.username as string, password: candidate.password };
    case 'SOTicket':
      return { scheme: 'SOTicket', ticket: nonEmpty(candidate.ticket, 'options.auth.ticket') };
    case 'Bearer':
      if (typeof candidate.token === 'function') return { scheme: 'Bearer', token: candidate.token as () => string | Promise<string> };
      return { scheme: 'Bearer', token: nonEmpty(candidate.token, 'options.auth.token') };
    case 'XSRF':
      return { scheme: 'XSRF', token: nonEmpty(candidate.token, 'options.auth.token') };
    default:
      fail('options.auth.scheme must be "Basic", "SOTicket", "Bearer" or "XSRF".');
  }
}

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The credential headers of a fixed credential (a Bearer token function is asked per request by the client). */
export function credentialHeaders(auth: BatchAuth): Record<string, string> {
  switch (auth.scheme) {
    case 'Basic':
      return { Authorization: `Basic ${base64Utf8(`${auth.username}:${auth.password}`)}` };
    case 'SOTicket':
      return { Authorization: `SOTicket ${auth.ticket}` };
    case 'Bearer':
      if (typeof auth.token === 'function') throw new TypeError('credentialHeaders: a token function is asked per request.');
      return { Authorization: `Bearer ${auth.token}` };
    case 'XSRF':
      return { 'X-XSRF-TOKEN': auth.token };
  }
}

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

export function validateRetry(retry: unknown): RetryPolicy {
  if (retry === undefined) return DEFAULT_RETRY;
  if (retry === false) return { ...DEFAULT_RETRY, retries: 0 };
  if (!retry || typeof retry !== 'object') fail('options.retry must be false or { retries, baseDelayMs, maxDelayMs }.');
  const policy = { ...DEFAULT_RETRY, ...(retry as Partial<RetryPolicy>) };
  for (const key of ['retries', 'baseDelayMs', 'maxDelayMs'] as const) {
    if (!Number.isInteger(policy[key]) || policy[key] < 0) fail(`options.retry.${key} must be a whole number >= 0.`);
  }
  return policy;
}

export function validateMaxResponseBytes(maxResponseBytes: unknown): number | undefined {
  if (maxResponseBytes === undefined) return undefined;
  if (maxResponseBytes === Infinity || (Number.isSafeInteger(maxResponseBytes) && (maxResponseBytes as number) > 0)) return maxResponseBytes as number;
  fail('options.maxResponseBytes must be a whole number of bytes above 0 (or Infinity for no limit).');
}

export function validateTimeout(timeoutMs: unknown, name: string, api = 'createBatchClient'): number | undefined {
  if (timeoutMs === undefined) return undefined;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    const message = `${name} must be a positive number of milliseconds.`;
    if (api === 'createBatchClient') fail(message);
    throw new TypeError(`${api}: ${message}`);
  }
  return timeoutMs;
}
