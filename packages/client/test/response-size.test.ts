import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchClientOptionsError, BatchResponseTooLargeError, createBatchClient, DEFAULT_MAX_RESPONSE_BYTES, type BatchClientOptions } from '../src/index.ts';
import { recordingServer } from './http-servers.ts';

// A server may answer far more than any Batch answer needs (a misrouted download, a hostile
// host): the client stops reading at maxResponseBytes instead of buffering it all.
const MiB = 1024 * 1024;

let server: Awaited<ReturnType<typeof recordingServer>>;
beforeAll(async () => {
  server = await recordingServer();
});
afterAll(() => server?.stop());

/**
 * Streams `totalBytes` of a JSON array in 64 KiB chunks, waiting for the socket to drain (so a
 * client that stops reading stops the writes); resolves with what was written once it ends.
 */
function streamBody(response: ServerResponse, totalBytes: number, headers: Record<string, string | number> = {}): Promise<{ written: number; finished: boolean }> {
  response.writeHead(200, { 'content-type': 'application/json', ...headers });
  const chunk = Buffer.alloc(64 * 1024, ' ');
  return new Promise((resolveStream) => {
    let written = 0;
    response.on('close', () => resolveStream({ written, finished: written >= totalBytes }));
    const pump = () => {
      while (written < totalBytes && !response.destroyed) {
        written += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', pump);
      }
      if (!response.destroyed) response.end();
    };
    pump();
  });
}

const fetchPaths: [string, Pick<BatchClientOptions, 'fetch'>][] = [
  ['the platform fetch', {}],
  ['an injected fetch', { fetch: (request: Request) => fetch(request) }],
];

describe.each(fetchPaths)('the answer size limit, through %s', (_, fetchOption) => {
  const client = (extra: Partial<BatchClientOptions> = {}) =>
    createBatchClient({ baseUrl: `${server.origin}/Cust1`, auth: { scheme: 'SOTicket', ticket: '7T:t' }, retry: false, ...fetchOption, ...extra });

  it('a 100 MB answer without Content-Length: a response-too-large failure, and the rest is never read', async () => {
    let streamed: Promise<{ written: number; finished: boolean }> | undefined;
    server.answer((_, response) => void (streamed = streamBody(response, 100 * MiB)));
    const { error } = await client().getBatchTaskInfo(1);
    expect(error).toBeInstanceOf(BatchResponseTooLargeError);
    expect(error).toMatchObject({ kind: 'response-too-large', status: 200, limitBytes: 16 * MiB, operation: 'v1BatchAgent_GetBatchTaskInfo' });
    expect(error!.message).toMatch(/larger than 16777216 bytes/);
    const { written, finished } = await streamed!;
    expect(finished).toBe(false);
    expect(written).toBeLessThan(50 * MiB);
  });

  it('a Content-Length past the limit fails before any of the body is read', async () => {
    let streamed: Promise<{ written: number; finished: boolean }> | undefined;
    server.answer((_, response) => void (streamed = streamBody(response, 40 * MiB, { 'content-length': 40 * MiB })));
    expect((await client().rest.getAll()).error).toMatchObject({ kind: 'response-too-large', operation: 'v1Batch_GetAll' });
    expect((await streamed!).finished).toBe(false);
  });

  it('an error status with a huge body too (the body is read for the error)', async () => {
    server.answer((_, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('x'.repeat(2 * MiB));
    });
    expect((await client({ maxResponseBytes: MiB }).startBatchJob({ Name: 'x' })).error).toMatchObject({ kind: 'response-too-large', status: 502 });
  });

  it('a gzip answer is counted as it unpacks: a small Content-Length proves nothing', async () => {
    const packed = gzipSync(Buffer.alloc(20 * MiB, ' '));
    server.answer((_, response) => void response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': packed.length }).end(packed));
    expect(packed.length).toBeLessThan(MiB);
    expect((await client().getBatchTaskInfo(1)).error).toMatchObject({ kind: 'response-too-large' });
  });

  it('maxResponseBytes sets the limit: an answer of that size is read, one byte more is not', async () => {
    const body = JSON.stringify({ Id: 1, State: 'Started', Description: 'x'.repeat(1000) });
    server.answer((_, response) => void response.writeHead(200, { 'content-type': 'application/json' }).end(body));
    const exact = client({ maxResponseBytes: body.length });
    expect((await exact.getBatchTaskInfo(1)).data).toMatchObject({ Id: 1 });
    const short = client({ maxResponseBytes: body.length - 1 });
    expect((await short.getBatchTaskInfo(1)).error).toMatchObject({ kind: 'response-too-large', limitBytes: body.length - 1 });
  });
});

describe('the answer size limit, on its own', () => {
  it('defaults to 16 MiB', () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(16 * MiB);
  });

  it('an injected fetch whose body runs on (64 MiB): counted, stopped, cancelled', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            if (++pulled > 1024) return controller.close();
            controller.enqueue(new Uint8Array(64 * 1024));
          },
          cancel() {
            cancelled = true;
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json', 'content-length': '10' } }, // a lie an injected fetch may tell
      );
    const client = createBatchClient({ baseUrl: 'https://crm.example.com/Cust1', auth: { scheme: 'SOTicket', ticket: '7T:t' }, fetch: async () => endless(), maxResponseBytes: MiB });
    expect((await client.getBatchTaskInfo(1)).error).toMatchObject({ kind: 'response-too-large' });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(40);
  });

  it('client.raw is limited too', async () => {
    const client = createBatchClient({ baseUrl: 'https://crm.example.com/Cust1', auth: { scheme: 'SOTicket', ticket: '7T:t' }, fetch: async () => new Response('x'.repeat(2000), { status: 200 }), maxResponseBytes: 1000 });
    await expect(client.raw.GET('/api/v1/BatchTask')).rejects.toBeInstanceOf(BatchResponseTooLargeError);
  });

  it.each([[0], [-1], [1.5], [Number.NaN], ['16MB']])('maxResponseBytes %j is refused, naming the option', (value) => {
    expect(() => createBatchClient({ baseUrl: 'https://crm.example.com/Cust1', auth: { scheme: 'SOTicket', ticket: 't' }, maxResponseBytes: value as number })).toThrow(BatchClientOptionsError);
    expect(() => createBatchClient({ baseUrl: 'https://crm.example.com/Cust1', auth: { scheme: 'SOTicket', ticket: 't' }, maxResponseBytes: value as number })).toThrow(/options\.maxResponseBytes must be a whole number of bytes/);
  });

  it('Infinity: no limit', async () => {
    const client = createBatchClient({ baseUrl: 'https://crm.example.com/Cust1', auth: { scheme: 'SOTicket', ticket: 't' }, fetch: async () => new Response(`[${'1,'.repeat(9 * MiB)}1]`, { status: 200 }), maxResponseBytes: Infinity });
    expect((await client.rest.getBatchTaskInfosByState('All')).data).toHaveLength(9 * MiB + 1);
  });
});
