// Per-call headers, checked when a call brings some (loaded then): misuse throws, naming the
// header (never its value); credentials among them are redacted from then on.
import { remember, type CoreState } from './core.ts';
import { headerValueProblem } from './options.ts';

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CREDENTIAL_HEADERS = new Set(['authorization', 'x-xsrf-token', 'so-apptoken', 'cookie']);

export function callHeaders(state: CoreState, operation: string, headers: unknown): Headers {
  if (!headers || typeof headers !== 'object') throw new TypeError(`${operation}: headers must be an object of header names and values.`);
  const checked = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) throw new TypeError(`${operation}: headers has an invalid header name "${name}".`);
    const problem = headerValueProblem(value);
    if (problem) throw new TypeError(`${operation}: headers["${name}"] ${problem}.`);
    // The redactor also knows it without its scheme, and a Basic one decoded.
    if (CREDENTIAL_HEADERS.has(name.toLowerCase())) remember(state, value as string);
    checked.set(name, value as string);
  }
  // The client parses JSON: a per-call Accept must not ask for anything else.
  checked.set('Accept', 'application/json');
  return checked;
}
