import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchRedirectError, createBatchClient, type BatchAuth, type BatchClientOptions, type BatchFailure } from '../src/index.ts';
import { recordingServer, sendJson } from './http-servers.ts';

// fetch follows a redirect anywhere and sends SO-AppToken and X-XSRF-TOKEN along (it strips only
// Authorization), and a 307 sends a StartBatchJob's body again. Two real servers, two origins:
// the one the client is given, and a foreign one (same host, another port) that must get nothing.
const TICKET = '7T:REDIRECT-TICKET-SECRET==';
const APP_TOKEN = 'REDIRECT-APP-TOKEN-SECRET';
const XSRF = 'REDIRECT-XSRF-SECRET';
const PASSWORD = 'redirect-pa55-SECRET';
const SECRETS = [TICKET, APP_TOKEN, XSRF, PASSWORD, btoa(`me:${PASSWORD}`)];

let base: Awaited<ReturnType<typeof recordingServer>>;
let foreign: Awaited<ReturnType<typeof recordingServer>>;
beforeAll(async () => {
  base = await recordingServer();
  // What a hostile host would answer: StartBatchJob "started" 777, a read a task.
  foreign = await recordingServer((request, response) => sendJson(response, request.url!.includes('Start') ? 777 : { Id: 666, State: 'Succeeded' }));
});
afterAll(async () => {
  await base?.stop();
  await foreign?.stop();
});

const auths: [string, BatchAuth][] = [
  ['SOTicket', { scheme: 'SOTicket', ticket: TICKET }],
  ['XSRF', { scheme: 'XSRF', token: XSRF }],
  ['Basic', { scheme: 'Basic', username: 'me', password: PASSWORD }],
];

const fetchPaths: [string, Pick<BatchClientOptions, 'fetch'>][] = [
  ['the platform fetch', {}],
  // An injected fetch that hands the Request to the platform's, as wrappers do.
  ['an injected fetch', { fetch: (request: Request) => fetch(request) }],
];

function shown(error: BatchFailure): string {
  return [error.message, error.stack, String(error), JSON.stringify(error), inspect(error, { depth: Infinity, showHidden: true })].join('\n');
}

function expectRefused(error: BatchFailure | undefined, refusal: BatchRedirectError['refusal'], operation: string): BatchRedirectError {
  expect(error).toBeInstanceOf(BatchRedirectError);
  const redirect = error as BatchRedirectError;
  expect(redirect.kind).toBe('redirect');
  expect(redirect.refusal).toBe(refusal);
  expect(redirect.operation).toBe(operation);
  expect(redirect.from.startsWith(base.origin)).toBe(true);
  for (const secret of SECRETS) expect(shown(redirect)).not.toContain(secret);
  return redirect;
}

describe.each(fetchPaths)('redirects, through %s', (_, fetchOption) => {
  const client = (auth: BatchAuth = auths[0]![1]) => createBatchClient({ baseUrl: `${base.origin}/Cust1`, auth, appToken: APP_TOKEN, retry: false, ...fetchOption });

  it.each(auths)('%s: a read redirected to another origin (302) fails naming the target; no request reaches it', async (_, auth) => {
    base.answer((request, response) => void response.writeHead(302, { location: `${foreign.origin}/collect${request.url}` }).end());
    foreign.answer((_, response) => sendJson(response, { Id: 666, State: 'Succeeded' }));
    const batch = client(auth);
    for (const [operation, call] of [
      ['v1BatchAgent_GetBatchTaskInfo', () => batch.getBatchTaskInfo(1)],
      ['v1Batch_GetBatchTaskInfo', () => batch.rest.getBatchTaskInfo(1)],
      ['v1Batch_GetAll', () => batch.rest.getAll()],
    ] as const) {
      const { error, data } = await call();
      expect(data).toBeUndefined();
      const redirect = expectRefused(error, 'cross-origin', operation);
      expect(redirect.status).toBe(302);
      expect(redirect.location!.startsWith(`${foreign.origin}/collect/Cust1/api/v1/`)).toBe(true);
      expect(redirect.message).toContain(foreign.origin);
    }
    expect(foreign.received).toEqual([]);
    expect(base.received).toHaveLength(3); // reads are retried, but a redirect is no reason to
  });

  it('StartBatchJob answered 307 to another origin: its body goes nowhere else, no "started 777"', async () => {
    base.answer((_, response) => void response.writeHead(307, { location: `${foreign.origin}/api/v1/Agents/Batch/StartBatchJob` }).end());
    foreign.answer((_, response) => sendJson(response, 777));
    const { data, error } = await client().startBatchJob({ Name: 'ExportJob', ParameterObject: { Password: PASSWORD } });
    expect(data).toBeUndefined();
    const redirect = expectRefused(error, 'cross-origin', 'v1BatchAgent_StartBatchJob');
    expect(redirect.status).toBe(307);
    expect(foreign.received).toEqual([]);
    expect(base.received).toHaveLength(1);
  });

  it.each([301, 302, 303, 307, 308])('a write answered %i within the origin is not sent again (nor as a GET)', async (status) => {
    base.answer((request, response) => {
      if (request.url!.startsWith('/moved')) return sendJson(response, 777);
      response.writeHead(status, { location: `/moved${request.url}` }).end();
    });
    const batch = client();
    const writes = [
      ['v1BatchAgent_StartBatchJob', () => batch.startBatchJob({ Name: 'ExportJob' })],
      ['v1BatchAgent_UpdateBatchTask', () => batch.updateBatchTask({ Id: 1, Description: 'x' })],
      ['v1Batch_DeleteBatchTask', () => batch.rest.deleteBatchTask(1)],
      ['v1Batch_UpdateBatchTask', () => batch.rest.updateBatchTask(1, { Description: 'x' })],
    ] as const;
    for (const [operation, call] of writes) {
      const redirect = expectRefused((await call()).error, 'write', operation);
      expect(redirect.location).toMatch(new RegExp(`^${base.origin}/moved/Cust1/api/v1/`));
    }
    expect(base.received.map((r) => r.url.startsWith('/moved'))).toEqual(writes.map(() => false));
  });

  it('a read follows a redirect within the origin: a POST read (307) with its body, a GET (302) as a GET', async () => {
    base.answer((request, response) => {
      if (!request.url!.startsWith('/moved')) return void response.writeHead(request.method === 'GET' ? 302 : 307, { location: `/moved${request.url}` }).end();
      if (request.method === 'GET') return sendJson(response, { Id: 9, State: 'Started' });
      sendJson(response, { Id: JSON.parse(request.body).Id, State: 'Started' });
    });
    const batch = client();
    expect((await batch.getBatchTaskInfo(5)).data).toMatchObject({ Id: 5 });
    expect(base.received.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'POST', url: '/Cust1/api/v1/Agents/Batch/GetBatchTaskInfo', body: '{"Id":5}' },
      { method: 'POST', url: '/moved/Cust1/api/v1/Agents/Batch/GetBatchTaskInfo', body: '{"Id":5}' },
    ]);
    expect(base.received[1]!.headers).toMatchObject({ authorization: `SOTicket ${TICKET}`, 'so-apptoken': APP_TOKEN });
    base.received.length = 0;
    expect((await batch.rest.getBatchTaskInfo(9)).data).toMatchObject({ Id: 9 });
    expect(base.received.map(({ method, url }) => `${method} ${url}`)).toEqual(['GET /Cust1/api/v1/BatchTask/9', 'GET /moved/Cust1/api/v1/BatchTask/9']);
  });

  it.each([301, 302, 303])('a POST read answered %i is not turned into a GET without its body', async (status) => {
    base.answer((request, response) => void response.writeHead(status, { location: `/moved${request.url}` }).end());
    expectRefused((await client().getBatchTaskInfosByAssociates([1])).error, 'method-change', 'v1BatchAgent_GetBatchTaskInfosByAssociates');
    expect(base.received).toHaveLength(1);
  });

  it('follows at most 5 redirects in a row', async () => {
    base.answer((request, response) => void response.writeHead(302, { location: `/loop${request.url}` }).end());
    const redirect = expectRefused((await client().rest.getBatchTaskInfo(1)).error, 'too-many', 'v1Batch_GetBatchTaskInfo');
    expect(redirect.message).toMatch(/more than 5 redirects/);
    expect(base.received).toHaveLength(6);
  });

  it('a Location that is no URL', async () => {
    base.answer((_, response) => void response.writeHead(302, { location: 'http://[not-a-host' }).end());
    expectRefused((await client().rest.getBatchTaskInfo(1)).error, 'invalid-location', 'v1Batch_GetBatchTaskInfo');
  });

  it('client.raw follows the same policy: it rejects with the BatchRedirectError, the foreign host gets nothing', async () => {
    base.answer((_, response) => void response.writeHead(307, { location: `${foreign.origin}/api/v1/BatchTask` }).end());
    foreign.answer((_, response) => sendJson(response, 777));
    const raw = client().raw;
    const rejection = raw.POST('/api/v1/BatchTask', { body: { Name: 'ExportJob' } });
    await expect(rejection).rejects.toBeInstanceOf(BatchRedirectError);
    await expect(rejection).rejects.toMatchObject({ refusal: 'cross-origin', operation: 'POST /Cust1/api/v1/BatchTask' });
    expect(foreign.received).toEqual([]);
  });

  it('a middleware on client.raw that rebuilds the Request (redirect: follow by default) changes nothing', async () => {
    base.answer((_, response) => void response.writeHead(302, { location: `${foreign.origin}/x` }).end());
    const batch = client();
    batch.raw.use({ onRequest: ({ request }) => new Request(request.url, { method: request.method, headers: request.headers }) });
    expectRefused((await batch.rest.getBatchTaskInfo(1)).error, 'cross-origin', 'v1Batch_GetBatchTaskInfo');
    expect(foreign.received).toEqual([]);
  });
});

describe('redirects a browser hides', () => {
  it('an opaque redirect (status 0, type opaqueredirect) fails saying the target is unknown', async () => {
    // What a browser's fetch gives for redirect: 'manual': no status, no Location.
    const opaque = () => Object.defineProperties(new Response(null), { type: { value: 'opaqueredirect' }, status: { value: 0 }, ok: { value: false } });
    const requests: Request[] = [];
    const client = createBatchClient({ baseUrl: 'https://crm.example.com/Cust1', auth: { scheme: 'SOTicket', ticket: TICKET }, fetch: async (request) => (requests.push(request), opaque()) });
    const { error } = await client.startBatchJob({ Name: 'ExportJob' });
    expect(error).toBeInstanceOf(BatchRedirectError);
    expect(error).toMatchObject({ kind: 'redirect', refusal: 'hidden', status: 0, location: undefined });
    expect(error!.message).toMatch(/target is unknown/);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.redirect).toBe('manual');
    expect((await client.getBatchTaskInfo(1)).error).toMatchObject({ kind: 'redirect', refusal: 'hidden' });
  });
});
