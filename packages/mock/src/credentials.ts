// Checks the credentials of a request the way the server's front door does: one of Basic,
// SOTicket or Bearer in Authorization, or an X-XSRF-TOKEN header. The mock accepts any
// well-formed credential. Nothing here ever repeats a credential back: a problem names what
// is wrong, never the value.

import { ASSOCIATES, DEFAULT_CALLER } from './seed.ts';

export const WWW_AUTHENTICATE = 'Basic realm="SuperOffice", SOTicket, Bearer';

export type CredentialCheck = { ok: true; scheme: 'Basic' | 'SOTicket' | 'Bearer' | 'X-XSRF-TOKEN' } | { ok: false; problem: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const TOKEN = /^[\x21-\x7e]+$/;

export function checkCredentials(authorization: string | undefined, xsrfToken: string | undefined): CredentialCheck {
  if (authorization === undefined || authorization.trim() === '') {
    if (xsrfToken && xsrfToken.trim() !== '') return { ok: true, scheme: 'X-XSRF-TOKEN' };
    return {
      ok: false,
      problem: 'Authorization required: send Basic, SOTicket or Bearer credentials in the Authorization header, or an X-XSRF-TOKEN header.',
    };
  }
  const match = /^(\S+)\s+(\S.*)$/.exec(authorization.trim());
  if (!match) {
    return { ok: false, problem: 'The Authorization header is malformed: expected "<scheme> <credentials>" with the scheme Basic, SOTicket or Bearer.' };
  }
  const scheme = match[1]!.toLowerCase();
  const credentials = match[2]!.trim();
  if (scheme === 'basic') {
    const decoded = BASE64.test(credentials) && credentials.length % 4 === 0 ? Buffer.from(credentials, 'base64').toString('utf8') : '';
    if (decoded.indexOf(':') < 1) {
      return { ok: false, problem: 'The Basic credentials are malformed: expected base64 of "user:password".' };
    }
    return { ok: true, scheme: 'Basic' };
  }
  if (scheme === 'soticket' || scheme === 'bearer') {
    const name = scheme === 'bearer' ? 'Bearer' : 'SOTicket';
    if (!TOKEN.test(credentials)) {
      return { ok: false, problem: `The ${name} credentials are malformed: expected one token without spaces.` };
    }
    return { ok: true, scheme: name };
  }
  return { ok: false, problem: 'The Authorization scheme is not supported: use Basic, SOTicket or Bearer.' };
}

/**
 * The associate a request acts as, for the calls that answer "the caller's" tasks: the one a
 * Basic login names (tje0, ada, bo: see seed.ts); anyone else, and every ticket or token, is
 * tje0 (associate 195).
 */
export function callerOf(authorization: string | undefined): number {
  const match = /^\s*basic\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return DEFAULT_CALLER;
  const user = Buffer.from(match[1]!, 'base64').toString('utf8').split(':')[0]!.toLowerCase();
  return ASSOCIATES[user] ?? DEFAULT_CALLER;
}
