import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBatchClient, type BatchAuth, type BatchResult, type CallOptions } from '../src/index.ts';
import { createRedactor } from '../src/secrets.ts';
import { json } from './fetch-stub.ts';

// A server or proxy echoes credentials in whatever form it handled them in: lower-cased,
// percent- or form-encoded, JSON- or HTML-escaped, deep inside an error body, or (Basic) as the
// base64 the header carried. None of it may show in a failure.
const TICKET = '7T:dGlja2V0+/SECRET==';
const PASSWORD = 'pä ss/wörd"SECRET&<1>';
const APP_TOKEN = 'App Token SECRET 42';
const XSRF = 'xsrf+token/SECRET';
// base64 of user:SECRET-PASSWORD-42, the example: a server echoing only this.
const BASIC_ALONE = 'dXNlcjpTRUNSRVQtUEFTU1dPUkQtNDI=';

function shown(result: BatchResult<unknown>): string {
  const error = result.error!;
  expect(error).toBeDefined();
  return [error.message, error.stack, String(error), (error as { text?: string }).text, JSON.stringify(error), inspect(error, { depth: Infinity, showHidden: true })].join('\n');
}

const hex = (code: number, digits: number) => code.toString(16).padStart(digits, '0');
const utf8 = (char: string) => [...new TextEncoder().encode(char)];
const units = (char: string) => Array.from({ length: char.length }, (_, i) => char.charCodeAt(i));

/** One character as an echo may show it; `how` picks the form (the case of hex digits too). */
function encodeCharacter(char: string, how: number): string {
  const upper = how % 2 === 0;
  const cased = (text: string) => (upper ? text.toUpperCase() : text.toLowerCase());
  switch (how % 7) {
    case 0:
      return char;
    case 1:
      return upper ? char.toUpperCase() : char.toLowerCase();
    case 2:
      return utf8(char).map((byte) => `%${cased(hex(byte, 2))}`).join('');
    case 3:
      return units(char).map((unit) => `\\u${cased(hex(unit, 4))}`).join('');
    case 4:
      return `&#${char.codePointAt(0)};`;
    case 5:
      return `&#x${cased(hex(char.codePointAt(0)!, 1))};`;
    default:
      return char === ' ' ? '+' : JSON.stringify(char).slice(1, -1);
  }
}

/** The encodings of a whole secret: each as a real component would write it, and a per-character mix of all. */
const encodings: Record<string, (secret: string, mix: number[]) => string> = {
  'as is': (s) => s,
  'lower-cased': (s) => s.toLowerCase(),
  'upper-cased': (s) => s.toUpperCase(),
  encodeURIComponent: (s) => encodeURIComponent(s),
  'encodeURIComponent, lower-case hex': (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
  'form (+ for space)': (s) => encodeURIComponent(s).replace(/%20/g, '+'),
  URLSearchParams: (s) => new URLSearchParams({ v: s }).toString().slice(2),
  'JSON.stringify': (s) => JSON.stringify(s).slice(1, -1),
  'JSON, .NET style (\\u002B, non-ASCII escaped)': (s) => [...s].map((c) => (/[A-Za-z0-9 :=\-]/.test(c) ? c : units(c).map((u) => `\\u${hex(u, 4).toUpperCase()}`).join(''))).join(''),
  'JSON, escaped slashes': (s) => JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/'),
  'HTML-escaped': (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
  'mixed per character': (s, mix) => [...s].map((c, i) => encodeCharacter(c, mix[i % mix.length]!)).join(''),
};

const echo = fc.record({
  encoding: fc.constantFrom(...Object.keys(encodings)),
  mix: fc.array(fc.nat(13), { minLength: 1, maxLength: 40 }),
  before: fc.string({ maxLength: 20 }),
  after: fc.string({ maxLength: 20 }),
  where: fc.constantFrom('text', 'error body', 'deep error body'),
});

/** An answer that echoes `shownAs` as `where` says: a proxy's text page, SuperOffice's error body, or 9 levels into one. */
function answer(where: string, text: string): Response {
  if (where === 'text') return new Response(text, { status: 502, headers: { 'content-type': 'text/html' } });
  if (where === 'error body') return json({ Error: true, ErrorType: 'Unauthorized', ErrorMessage: text, ErrorSource: 's' }, 401);
  let nested: unknown = { Echo: text };
  for (let i = 0; i < 9; i++) nested = { Level: i, Inner: nested };
  return json({ Error: true, ErrorType: 'X', ErrorMessage: 'bad', Details: nested }, 400);
}

const cases: [string, BatchAuth, string, CallOptions?][] = [
  ['an SOTicket', { scheme: 'SOTicket', ticket: TICKET }, TICKET],
  ['a Basic password (non-ASCII, spaces, quotes)', { scheme: 'Basic', username: 'me', password: PASSWORD }, PASSWORD],
  ['Basic user:password', { scheme: 'Basic', username: 'me', password: PASSWORD }, `me:${PASSWORD}`],
  ['an XSRF token', { scheme: 'XSRF', token: XSRF }, XSRF],
  ['an app token', { scheme: 'XSRF', token: XSRF }, APP_TOKEN],
  ['a per-call SOTicket header', { scheme: 'XSRF', token: XSRF }, '7T:PER+CALL/SECRET==', { headers: { Authorization: 'SOTicket 7T:PER+CALL/SECRET==' } }],
  ['a per-call X-XSRF-TOKEN', { scheme: 'SOTicket', ticket: TICKET }, 'per call/xsrf SECRET', { headers: { 'X-XSRF-TOKEN': 'per call/xsrf SECRET' } }],
  ['a per-call Basic header\'s password', { scheme: 'SOTicket', ticket: TICKET }, 'per-call pass/SECRET', { headers: { Authorization: `Basic ${btoa('someone:per-call pass/SECRET')}` } }],
];

describe('every form of an echoed credential is blanked out (fast-check)', () => {
  it.each(cases)('%s', async (_, auth, secret, callOptions) => {
    await fc.assert(
      fc.asyncProperty(echo, async ({ encoding, mix, before, after, where }) => {
        const shownAs = encodings[encoding]!(secret, mix);
        const client = createBatchClient({ baseUrl: 'https://crm.example.com/Cust1', auth, appToken: APP_TOKEN, retry: false, fetch: async () => answer(where, `${before}${shownAs}${after}`) });
        const everything = shown(await client.getBatchTaskInfo(1, callOptions));
        expect(everything).not.toContain(shownAs);
        expect(everything.toLowerCase()).not.toContain(secret.toLowerCase());
        expect(everything).toContain('[redacted]');
      }),
      { numRuns: 60, seed: 20261129 },
    );
  });
});

describe('gaps the redaction had', () => {
  const ticketClient = (fetch: (request: Request) => Promise<Response>) => createBatchClient({ baseUrl: 'https://crm.example.com/Cust1', auth: { scheme: 'SOTicket', ticket: TICKET }, retry: false, fetch });

  it.each([8, 50, 2000])('an error body echoing the ticket %i levels deep', async (levels) => {
    let nested: unknown = `ticket ${TICKET}`;
    for (let i = 0; i < levels; i++) nested = i % 2 ? [nested] : { Inner: nested };
    const result = await ticketClient(async () => json({ Error: true, ErrorType: 'X', ErrorMessage: 'bad', Details: nested }, 400)).getBatchTaskInfo(1);
    const body = JSON.stringify(result.error);
    expect(body).toContain('[redacted]');
    expect(body).not.toContain(TICKET);
    if (levels < 100) expect(shown(result)).not.toContain(TICKET);
  });

  it("a failed task's ParameterObject echoing the ticket 8 levels deep", async () => {
    let parameters: unknown = { Ticket: TICKET };
    for (let i = 0; i < 8; i++) parameters = { Level: parameters };
    const result = await ticketClient(async () => json({ Id: 1, Name: 'ExportJob', State: 'Failed', Result: 'failed', ParameterObject: parameters })).waitForBatchTask(1, { intervalMs: 1 });
    expect(result.error?.kind).toBe('task-failed');
    expect(shown(result)).not.toContain(TICKET);
    expect(JSON.stringify((result.error as { task: unknown }).task)).toContain('[redacted]');
  });

  it('a Basic credential echoed only as its base64 (no "Basic ", no password)', async () => {
    const client = createBatchClient({ baseUrl: 'https://crm.example.com/Cust1', auth: { scheme: 'Basic', username: 'user', password: 'SECRET-PASSWORD-42' }, retry: false, fetch: async () => new Response(`bad credentials ${BASIC_ALONE} and ${BASIC_ALONE.replace(/=+$/, '')}.`, { status: 403 }) });
    const result = await client.rest.getAll();
    expect((result.error as { text?: string }).text).toBe('bad credentials [redacted] and [redacted].');
    expect(shown(result)).not.toContain(BASIC_ALONE.replace(/=+$/, ''));
  });

  it("the redactor's own walk has no depth limit, and a cycle is copied without the value", () => {
    const redact = createRedactor([TICKET]);
    let nested: Record<string, unknown> = { Secret: TICKET };
    for (let i = 0; i < 100_000; i++) nested = { Inner: nested };
    let copy = redact.deep(nested) as Record<string, unknown>;
    while (copy.Inner) copy = copy.Inner as Record<string, unknown>;
    expect(copy).toEqual({ Secret: '[redacted]' });

    const cyclic: Record<string, unknown> = { Name: `x ${TICKET}` };
    cyclic.Self = cyclic;
    expect(redact.deep(cyclic)).toEqual({ Name: 'x [redacted]', Self: '[redacted]' });
  });

  it('a key named __proto__ in an error body stays a key, it does not become the prototype', () => {
    const copy = createRedactor([TICKET]).deep(JSON.parse(`{"__proto__": {"Polluted": "${TICKET}"}}`)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ Polluted: '[redacted]' });
  });

  it('two secrets that overlap in the text are blanked whole', () => {
    const redact = createRedactor(['abcdef12', 'ef12345678']);
    expect(redact.text('x abcdef12345678 y')).toBe('x [redacted] y');
  });

  it('a cause chain 200 errors long, clean: kept as it is; echoing at the bottom: copied without it', async () => {
    const chain = (bottom: string) => {
      let error = new Error(bottom);
      for (let i = 0; i < 200; i++) error = new Error(`level ${i}`, { cause: error });
      return error;
    };
    const clean = chain('connect ECONNREFUSED');
    const kept = await ticketClient(async () => Promise.reject(clean)).getBatchTaskInfo(1);
    expect(kept.error!.cause).toBe(clean);
    const echoing = await ticketClient(async (request) => Promise.reject(chain(`refused ${request.headers.get('authorization')!.toLowerCase()}`))).getBatchTaskInfo(1);
    expect(echoing.error!.cause).not.toBe(clean);
    expect(shown(echoing).toLowerCase()).not.toContain(TICKET.toLowerCase());
  });
});
