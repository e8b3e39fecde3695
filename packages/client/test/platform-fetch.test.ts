import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchAbortError, BatchTimeoutError, createBatchClient } from '../src/index.ts';

// Without an injected fetch the client calls the platform's fetch(url, init) with the parts of
// the request, no Request object (core.ts): a real server checks that what arrives is what was meant.
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let baseUrl: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    if (req.url!.includes('/hang')) return; // never answers
    if (req.method === 'DELETE') return void res.writeHead(204).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(req.url!.includes('/BatchTask/All') ? '[]' : '{"Id":7,"State":"Started"}');
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/Cust1`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('the platform fetch path', () => {
  it('sends the method, path, query, headers and JSON body', async () => {
    const client = createBatchClient({ baseUrl, auth: { scheme: 'SOTicket', ticket: '7T:abc==' }, appToken: 'app', language: 'sv' });
    seen.length = 0;
    const { data } = await client.getBatchTaskInfo(7, { select: ['Name'], headers: { 'X-Trace': 't1', Accept: 'application/xml' } });
    expect(data).toMatchObject({ Id: 7 });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/Cust1/api/v1/Agents/Batch/GetBatchTaskInfo?$select=Name', body: '{"Id":7}' });
    expect(seen[0]!.headers).toMatchObject({
      authorization: 'SOTicket 7T:abc==',
      'so-apptoken': 'app',
      'so-language': 'sv',
      'content-type': 'application/json',
      accept: 'application/json',
      'x-trace': 't1',
    });
    await client.rest.getBatchTaskInfosByState('All');
    await client.rest.deleteBatchTask(7);
    expect(seen.slice(1).map((s) => `${s.method} ${s.url} ${s.body}`)).toEqual(['GET /Cust1/api/v1/BatchTask/All ', 'DELETE /Cust1/api/v1/BatchTask/7 ']);
  });

  it('middleware added to client.raw applies to the methods too, with real Requests', async () => {
    const client = createBatchClient({ baseUrl, auth: { scheme: 'SOTicket', ticket: 't' } });
    const kinds: boolean[] = [];
    client.raw.use({
      onRequest({ request }) {
        kinds.push(request instanceof Request);
        request.headers.set('X-From-Middleware', 'yes');
        return request;
      },
    });
    seen.length = 0;
    await client.getBatchTaskInfo(1);
    expect(seen[0]!.headers['x-from-middleware']).toBe('yes');
    expect(kinds).toEqual([true]);
  });

  it('asks a Bearer token function on every request', async () => {
    let calls = 0;
    const client = createBatchClient({ baseUrl, auth: { scheme: 'Bearer', token: () => `tok-${++calls}` } });
    seen.length = 0;
    await client.getBatchTaskInfo(1);
    await client.getBatchTaskInfo(1);
    expect(seen.map((s) => s.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('times out, and aborts, a request the server never answers', async () => {
    const client = createBatchClient({ baseUrl: `${baseUrl}/hang`, auth: { scheme: 'SOTicket', ticket: 't' }, timeoutMs: 150, retry: false });
    expect((await client.getBatchTaskInfo(1)).error).toBeInstanceOf(BatchTimeoutError);
    const result = await client.getBatchTaskInfo(1, { signal: AbortSignal.timeout(50), timeoutMs: 5000 });
    expect(result.error).toBeInstanceOf(BatchAbortError);
  });
});
