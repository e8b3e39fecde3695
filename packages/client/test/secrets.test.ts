import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BatchClientOptionsError, BatchCredentialsError, BatchNetworkError, createBatchClient, type BatchAuth, type BatchResult } from '../src/index.ts';
import { json, stubFetch } from './fetch-stub.ts';

// Errors from an injected fetch or a token function are the one way a credential could get into
// a failure: these fetches quote the request back, as careless wrappers and proxies do.
const PASSWORD = 'pa55-w0rd-SECRET';
const TICKET = '7T:TICKET-SECRET==';
const TOKEN = '8A:TOKEN-SECRET';
const APP_TOKEN = 'APP-TOKEN-SECRET';
const ALL = [PASSWORD, TICKET, TOKEN, APP_TOKEN, btoa(`user:${PASSWORD}`)];

const auths: [string, BatchAuth][] = [
  ['Basic', { scheme: 'Basic', username: 'user', password: PASSWORD }],
  ['SOTicket', { scheme: 'SOTicket', ticket: TICKET }],
  ['Bearer', { scheme: 'Bearer', token: TOKEN }],
  ['Bearer function', { scheme: 'Bearer', token: () => TOKEN }],
  ['XSRF', { scheme: 'XSRF', token: TOKEN }],
];

const echoingFetches: [string, (request: Request) => Promise<Response>][] = [
  ['throws with the request as cause', async (request) => {
    throw new TypeError('fetch failed', { cause: request });
  }],
  ['throws quoting the headers in its message', async (request) => {
    throw new Error(`cannot send ${JSON.stringify([...request.headers])}`);
  }],
  ['throws an error whose cause quotes them', async (request) => {
    throw new TypeError('fetch failed', { cause: Object.assign(new Error(`refused: ${request.headers.get('authorization') ?? request.headers.get('x-xsrf-token')}`), { code: 'ECONNREFUSED', headers: request.headers }) });
  }],
  ['answers 502 with a page that echoes the headers', async (request) =>
    new Response(`<h1>Bad gateway</h1><pre>${[...request.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}</pre>`, { status: 502, headers: { 'content-type': 'text/html' } })],
];

function everythingShown(result: BatchResult<unknown>): string {
  const error = result.error!;
  return [error.message, error.stack, inspect(error, { depth: 20, showHidden: true }), JSON.stringify(error), String(error), (error as { text?: string }).text].join('\n');
}

describe('no credential in any failure, whatever the fetch underneath says', () => {
  for (const [scheme, auth] of auths) {
    it.each(echoingFetches)(`${scheme}: a fetch that %s`, async (_, fetch) => {
      const client = createBatchClient({ baseUrl: 'https://online.superoffice.com/Cust1', auth, appToken: APP_TOKEN, fetch, retry: false });
      for (const result of [await client.getBatchTaskInfo(1), await client.rest.getAll(), await client.startBatchJob({ Name: 'x' })]) {
        expect(result.error).toBeDefined();
        const shown = everythingShown(result);
        for (const secret of ALL) expect(shown).not.toContain(secret);
      }
    });
  }

  it('keeps what the cause said, with the credential blanked out, and its code', async () => {
    const client = createBatchClient({ baseUrl: 'https://online.superoffice.com/Cust1', auth: auths[1]![1], fetch: echoingFetches[2]![1], retry: false });
    const { error } = await client.getBatchTaskInfo(1);
    expect(error).toBeInstanceOf(BatchNetworkError);
    expect(error!.message).toMatch(/refused: (SOTicket )?\[redacted\]/);
    const inner = (error!.cause as Error).cause as Error & { code?: string };
    expect(inner.code).toBe('ECONNREFUSED');
  });

  it('leaves a clean cause as it is (the original error object)', async () => {
    const failure = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' }) });
    const client = createBatchClient({ baseUrl: 'https://online.superoffice.com/Cust1', auth: auths[1]![1], fetch: stubFetch(failure).fetch, retry: false });
    const { error } = await client.getBatchTaskInfo(1);
    expect(error!.cause).toBe(failure);
    expect(error!.message).toBe('v1BatchAgent_GetBatchTaskInfo: no answer from https://online.superoffice.com/Cust1: fetch failed (connect ECONNREFUSED 10.0.0.1:443)');
  });

  it('a credential sent as a per-call header is kept out too', async () => {
    const client = createBatchClient({ baseUrl: 'https://online.superoffice.com/Cust1', auth: auths[1]![1], fetch: echoingFetches[1]![1], retry: false });
    const result = await client.getBatchTaskInfo(1, { headers: { Authorization: 'Bearer PER-CALL-SECRET' } });
    expect(everythingShown(result)).not.toContain('PER-CALL-SECRET');
  });
});

describe('no credential in what the server says back', () => {
  const echo = (request: Request) => request.headers.get('authorization') ?? '';
  const answers: [string, (request: Request) => Response][] = [
    ['a SuperOffice error body', (request) => json({ Error: true, ErrorType: 'Unauthorized', ErrorMessage: `Ticket ${echo(request)} is not valid`, ErrorSource: 'x' }, 401)],
    ['an Agents 200 {"Message"}', (request) => json({ Message: 'The request is invalid.', MessageDetail: `Could not bind ${echo(request)}` })],
    ['a failed task\'s Result', (request) => json({ Id: 1, State: 'Failed', Result: `Login with ${echo(request)} failed`, ProgressPercent: 0 })],
  ];
  it.each(answers)('%s', async (_, answer) => {
    const client = createBatchClient({ baseUrl: 'https://online.superoffice.com/Cust1', auth: auths[1]![1], fetch: async (request) => answer(request), retry: false });
    for (const result of [await client.getBatchTaskInfosByAssociates([1]), await client.waitForBatchTask(1, { intervalMs: 1 })]) {
      expect(result.error).toBeDefined();
      expect(everythingShown(result)).not.toContain(TICKET);
    }
  });
});

describe('the redaction holds up', () => {
  const echoAll = async (request: Request): Promise<Response> => {
    throw new Error(`refused ${[...request.headers].map(([k, v]) => `${k}=${v}`).join(' ')}`);
  };

  it('keeps the client\'s own credentials known however many per-call credentials and fresh tokens come and go', async () => {
    const client = createBatchClient({ baseUrl: 'https://x.example/Cust1', auth: { scheme: 'SOTicket', ticket: TICKET }, appToken: APP_TOKEN, fetch: echoAll, retry: false });
    for (let i = 0; i < 60; i++) await client.getBatchTaskInfo(1, { headers: { Authorization: `SOTicket 7T:per-call-${i}-SECRET` } });
    const shown = everythingShown(await client.getBatchTaskInfo(1));
    for (const secret of [TICKET, APP_TOKEN]) expect(shown).not.toContain(secret);

    let n = 0;
    const refreshing = createBatchClient({ baseUrl: 'https://x.example/Cust1', auth: { scheme: 'Bearer', token: () => `8A:rotating-${++n}-SECRET` }, appToken: APP_TOKEN, fetch: echoAll, retry: false });
    for (let i = 0; i < 60; i++) await refreshing.getBatchTaskInfo(1);
    const last = everythingShown(await refreshing.getBatchTaskInfo(1));
    expect(last).not.toContain(APP_TOKEN);
    expect(last).not.toContain(`8A:rotating-${n}-SECRET`);
  });

  it('blanks a short password only where it stands alone, not inside longer numbers or words', async () => {
    const client = createBatchClient({
      baseUrl: 'https://x.example/Cust1',
      auth: { scheme: 'Basic', username: 'admin', password: '1000' },
      fetch: async () => json({ Error: true, ErrorType: 'X', ErrorMessage: 'task 10002 failed for 1000 reasons', ErrorSource: 's' }, 400),
    });
    const { error } = await client.getBatchTaskInfo(1);
    expect(error!.message).toContain('task 10002 failed for [redacted] reasons');
  });

  it('does not cut an echoed credential in two before blanking it (a long error page)', async () => {
    const client = createBatchClient({ baseUrl: 'https://x.example/Cust1', auth: { scheme: 'SOTicket', ticket: TICKET }, retry: false, fetch: async (request) => new Response(`${'x'.repeat(985)} ${request.headers.get('authorization')}`, { status: 502 }) });
    const { error } = await client.getBatchTaskInfo(1);
    expect((error as { text?: string }).text).not.toMatch(/7T:TI/);
  });

  it('blanks credentials nested in an error body, and anywhere in a failed task', async () => {
    const nested = createBatchClient({ baseUrl: 'https://x.example/Cust1', auth: { scheme: 'SOTicket', ticket: TICKET }, fetch: async (request) => json({ Error: true, ErrorType: 'X', ErrorMessage: 'bad', Details: { Header: request.headers.get('authorization') } }, 400) });
    expect(everythingShown(await nested.getBatchTaskInfo(1))).not.toContain(TICKET);
    const failed = createBatchClient({ baseUrl: 'https://x.example/Cust1', auth: { scheme: 'SOTicket', ticket: TICKET }, fetch: async (request) => json({ Id: 1, State: 'Failed', Description: `run as ${request.headers.get('authorization')}`, Result: 'no' }) });
    expect(everythingShown(await failed.waitForBatchTask(1, { intervalMs: 1 }))).not.toContain(TICKET);
  });

  it.each([
    ['a cause chain deeper than it looks', (request: Request) => {
      let error: Error = new Error(`deep ${request.headers.get('authorization')}`);
      for (let i = 0; i < 8; i++) error = new Error(`level ${i}`, { cause: error });
      return error;
    }],
    ['the headers in a Map', (request: Request) => Object.assign(new Error('failed'), { headers: new Map([['authorization', request.headers.get('authorization')]]) })],
    ['a 20 MB buffer', () => Object.assign(new Error('failed'), { data: new Uint8Array(20 * 1024 * 1024) })],
    ['a Proxy whose keys throw', () => new Proxy(new Error('failed'), { ownKeys: () => { throw new Error('boom'); } })],
  ])('a fetch that throws %s: a failure value, no credential', async (_, make) => {
    const client = createBatchClient({ baseUrl: 'https://x.example/Cust1', auth: { scheme: 'SOTicket', ticket: TICKET }, retry: false, fetch: async (request) => { throw make(request); } });
    const result = await client.getBatchTaskInfo(1);
    expect(result.error?.kind).toBe('network');
    expect(everythingShown(result)).not.toContain(TICKET);
  });

  it('a 2xx body that is not JSON, echoing the credential, shows none of it', async () => {
    const client = createBatchClient({ baseUrl: 'https://x.example/Cust1', auth: { scheme: 'SOTicket', ticket: TICKET }, fetch: async (request) => new Response(`${request.headers.get('authorization')}`, { status: 200, headers: { 'content-type': 'application/json' } }) });
    const result = await client.getBatchTaskInfo(1);
    expect(result.error?.kind).toBe('unexpected-body');
    expect(everythingShown(result)).not.toMatch(/SOTicket 7|7T:/);
  });

  it('blanks a credential in its JSON-escaped form too', async () => {
    const client = createBatchClient({ baseUrl: 'https://x.example/Cust1', auth: { scheme: 'Basic', username: 'u', password: 'pa"ss\\word1' }, fetch: async () => new Response(JSON.stringify({ Message: 'bad password pa"ss\\word1' }), { status: 400 }) });
    const { error } = await client.getBatchTaskInfo(1);
    expect((error as { text?: string }).text).toBe('{"Message":"bad password [redacted]"}');
  });
});

describe('a Bearer token function that fails', () => {
  it('throwing: a BatchCredentialsError, not retried, no request sent', async () => {
    const { fetch, requests } = stubFetch(json(null));
    const client = createBatchClient({
      baseUrl: 'https://online.superoffice.com/Cust1',
      auth: { scheme: 'Bearer', token: () => Promise.reject(new Error('refresh failed for 8A:OLD-TOKEN-SECRET')) },
      fetch,
    });
    const { error } = await client.getBatchTaskInfo(1);
    expect(error).toBeInstanceOf(BatchCredentialsError);
    expect(error!.kind).toBe('credentials');
    expect(error!.message).toMatch(/options\.auth\.token\(\) threw: refresh failed/);
    expect(requests).toHaveLength(0);
  });

  it.each([[''], ['  '], ['line\nbreak'], [42]])('returning %j: a BatchCredentialsError that does not quote it', async (token) => {
    const { fetch, requests } = stubFetch(json(null));
    const client = createBatchClient({ baseUrl: 'https://online.superoffice.com/Cust1', auth: { scheme: 'Bearer', token: () => token as string }, fetch });
    const { error } = await client.getBatchTaskInfo(1);
    expect(error).toBeInstanceOf(BatchCredentialsError);
    expect(error!.message).toMatch(/options\.auth\.token\(\) returned a token that/);
    if (typeof token === 'string' && token.trim()) expect(error!.message).not.toContain(token);
    expect(requests).toHaveLength(0);
  });
});

describe('values a header cannot carry are refused up front, without being repeated', () => {
  it.each([
    ['options.auth.ticket', { auth: { scheme: 'SOTicket', ticket: 'TICKET\u0000SECRET' } }],
    ['options.auth.token', { auth: { scheme: 'XSRF', token: 'TOKEN\u2028SECRET' } }],
    ['options.appToken', { appToken: 'APP\u0001SECRET' }],
    ['options.timeZone', { timeZone: 'Europe/Oslo\r\nX: y' }],
  ])('%s', (name, extra) => {
    const make = () => createBatchClient({ baseUrl: 'https://online.superoffice.com/Cust1', auth: { scheme: 'SOTicket', ticket: 't' }, ...(extra as object) });
    expect(make).toThrow(BatchClientOptionsError);
    expect(make).toThrow(name);
    try {
      make();
    } catch (error) {
      expect((error as Error).message).not.toMatch(/SECRET/);
    }
  });

  it('a per-call header: TypeError naming the method and the header, not the value', async () => {
    const client = createBatchClient({ baseUrl: 'https://online.superoffice.com/Cust1', auth: { scheme: 'SOTicket', ticket: 't' }, fetch: stubFetch(json(null)).fetch });
    await expect(client.getBatchTaskInfo(1, { headers: { 'X-Trace': 'a\u0000SECRET' } })).rejects.toThrow(/^v1BatchAgent_GetBatchTaskInfo: headers\["X-Trace"\] must not contain/);
    await expect(client.getBatchTaskInfo(1, { headers: { 'Bad Name': 'x' } })).rejects.toThrow(/invalid header name "Bad Name"/);
  });

  it('a Basic user name may be any text: it travels as base64 of UTF-8', async () => {
    const { fetch, requests } = stubFetch(json(null));
    await createBatchClient({ baseUrl: 'https://online.superoffice.com/Cust1', auth: { scheme: 'Basic', username: 'Åse Øyen', password: 'pw' }, fetch }).getBatchTaskInfo(1);
    expect(requests[0]!.headers.get('authorization')).toBe(`Basic ${Buffer.from('Åse Øyen:pw').toString('base64')}`);
  });
});
