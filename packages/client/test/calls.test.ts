import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  BatchAbortError,
  BatchHttpError,
  BatchNetworkError,
  BatchNullResponseError,
  BatchRequestInvalidError,
  BatchTaskFailedError,
  BatchTaskNotFoundError,
  BatchTimeoutError,
  BatchUnexpectedBodyError,
  createBatchClient,
  type BatchClientOptions,
} from '../src/index.ts';
import { hangingFetch, json, stubFetch, task } from './fetch-stub.ts';

const SECRETS = { password: 'pa55-w0rd-SECRET', ticket: '7T:TICKET-SECRET==', token: '8A:TOKEN-SECRET' };

function client(fetch: BatchClientOptions['fetch'], extra: Partial<BatchClientOptions> = {}) {
  return createBatchClient({
    baseUrl: 'https://online.superoffice.com/Cust12345',
    auth: { scheme: 'SOTicket', ticket: SECRETS.ticket },
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 50 },
    ...(fetch ? { fetch } : {}),
    ...extra,
  });
}

describe('requests', () => {
  it('getBatchTaskInfo posts {Id} and returns the task', async () => {
    const { fetch, requests } = stubFetch(json(task()));
    const { data, error } = await client(fetch).getBatchTaskInfo(248);
    expect(error).toBeUndefined();
    expect(data?.Id).toBe(248);
    expect(requests[0]).toMatchObject({ method: 'POST', body: { Id: 248 } });
    expect(requests[0]!.url.pathname).toBe('/Cust12345/api/v1/Agents/Batch/GetBatchTaskInfo');
  });

  it('serializes select as $select', async () => {
    const { fetch, requests } = stubFetch(json(task()));
    await client(fetch).getBatchTaskInfo(1, { select: ['Name', 'State', 'ProgressPercent'] });
    expect(requests[0]!.url.searchParams.get('$select')).toBe('Name,State,ProgressPercent');
    await client(fetch).getBatchTaskInfosByAssociates([1], { select: ['Id'] });
    expect(requests[1]!.url.search).toBe('?$select=Id');
  });

  it('sends no $select without select', async () => {
    const { fetch, requests } = stubFetch(json(task()));
    await client(fetch).getBatchTaskInfo(1);
    expect(requests[0]!.url.search).toBe('');
  });

  it('getBatchTaskInfosByAssociates posts {AssociateIds}', async () => {
    const { fetch, requests } = stubFetch(json([task()]));
    const { data } = await client(fetch).getBatchTaskInfosByAssociates([497, 840]);
    expect(data).toHaveLength(1);
    expect(requests[0]!.body).toEqual({ AssociateIds: [497, 840] });
  });

  it('getBatchTaskInfosByState gets /BatchTask/{state}', async () => {
    const { fetch, requests } = stubFetch(json([task()]));
    await client(fetch).getBatchTaskInfosByState('SucceededManualCleanup');
    expect(requests[0]).toMatchObject({ method: 'GET' });
    expect(requests[0]!.url.pathname).toBe('/Cust12345/api/v1/BatchTask/SucceededManualCleanup');
  });

  it('updateBatchTask and startBatchJob wrap the info in BatchTaskInfo', async () => {
    const { fetch, requests } = stubFetch(json(task({ State: 'Succeeded' })), json(563));
    await client(fetch).updateBatchTask({ Id: 248, State: 'Succeeded', Description: 'done' });
    const started = await client(fetch).startBatchJob({ Name: 'ExportJob', ParameterObject: { Folder: 'x' } });
    expect(requests[0]!.body).toEqual({ BatchTaskInfo: { Id: 248, State: 'Succeeded', Description: 'done' } });
    expect(requests[1]!.body).toEqual({ BatchTaskInfo: { Name: 'ExportJob', ParameterObject: { Folder: 'x' } } });
    expect(started.data).toBe(563);
  });

  it('throws at once on misuse, naming the operation', async () => {
    const c = client(stubFetch(json(null)).fetch);
    await expect(c.getBatchTaskInfo(1.5)).rejects.toThrow('v1BatchAgent_GetBatchTaskInfo: id must be a 32-bit integer.');
    await expect(c.startBatchJob({ Name: '' })).rejects.toThrow('v1BatchAgent_StartBatchJob: info.Name (the batch job to start) must be a non-empty string.');
    await expect(c.getBatchTaskInfo(1, { select: [] as never[] })).rejects.toThrow(/select must be a non-empty array/);
  });
});

describe('failures come back as typed values', () => {
  it('a 4xx with the SuperOffice error body', async () => {
    const body = { Error: true, ErrorType: 'SoNotFoundException', ErrorMessage: 'No such state', ErrorSource: 'x' };
    const { error } = await client(stubFetch(json(body, 400)).fetch).getBatchTaskInfosByState('All');
    expect(error).toBeInstanceOf(BatchHttpError);
    expect(error).toMatchObject({ kind: 'http', status: 400, operation: 'v1Batch_GetBatchTaskInfosByState', body });
    expect(error!.message).toBe('v1Batch_GetBatchTaskInfosByState: HTTP 400: SoNotFoundException: No such state');
  });

  it('a 401 without a body', async () => {
    const { error } = await client(stubFetch(new Response(null, { status: 401 })).fetch).getBatchTaskInfo(1);
    expect(error).toMatchObject({ kind: 'http', status: 401, body: undefined });
  });

  it('GetBatchTaskInfo: 200 null is data null (no such task)', async () => {
    const result = await client(stubFetch(json(null)).fetch).getBatchTaskInfo(9999);
    expect(result.error).toBeUndefined();
    expect(result.data).toBeNull();
  });

  it('the other Agents calls: 200 null is a BatchNullResponseError', async () => {
    const c = client(stubFetch(json(null)).fetch);
    expect((await c.getBatchTaskInfosByAssociates([1])).error).toBeInstanceOf(BatchNullResponseError);
    expect((await c.updateBatchTask({ Id: 1 })).error).toBeInstanceOf(BatchNullResponseError);
    expect((await c.startBatchJob({ Name: 'x' })).error).toBeInstanceOf(BatchNullResponseError);
  });

  it('StartBatchJob answering 0 is a BatchNullResponseError (no task was started)', async () => {
    expect((await client(stubFetch(json(0)).fetch).startBatchJob({ Name: 'x' })).error).toBeInstanceOf(BatchNullResponseError);
  });

  it('200 {"Message", "MessageDetail"} is a BatchRequestInvalidError', async () => {
    const { error } = await client(stubFetch(json({ Message: 'The request is invalid.', MessageDetail: 'Id is missing.' })).fetch).getBatchTaskInfo(1);
    expect(error).toBeInstanceOf(BatchRequestInvalidError);
    expect(error!.message).toBe('v1BatchAgent_GetBatchTaskInfo: The request is invalid. Id is missing.');
  });

  it('a 200 body that is not JSON is a BatchUnexpectedBodyError', async () => {
    const { error } = await client(stubFetch(new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } })).fetch).getBatchTaskInfosByState('All');
    expect(error).toBeInstanceOf(BatchUnexpectedBodyError);
  });

  it('a network failure is a BatchNetworkError carrying the cause', async () => {
    const cause = new TypeError('fetch failed');
    const { error } = await client(stubFetch(cause).fetch, { retry: false }).getBatchTaskInfo(1);
    expect(error).toBeInstanceOf(BatchNetworkError);
    expect(error!.cause).toBe(cause);
    expect(error!.message).toContain('https://online.superoffice.com/Cust12345');
  });

  it('no answer within timeoutMs is a BatchTimeoutError', async () => {
    const { error } = await client(hangingFetch(), { timeoutMs: 30 }).getBatchTaskInfo(1);
    expect(error).toBeInstanceOf(BatchTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 30 });
    const perCall = await client(hangingFetch()).getBatchTaskInfo(1, { timeoutMs: 20 });
    expect(perCall.error).toMatchObject({ kind: 'timeout', timeoutMs: 20 });
  });

  it('the caller aborting is a BatchAbortError', async () => {
    const controller = new AbortController();
    const pending = client(hangingFetch()).getBatchTaskInfo(1, { signal: controller.signal });
    controller.abort();
    expect((await pending).error).toBeInstanceOf(BatchAbortError);
  });
});

describe('retries: reads only, with backoff, honouring Retry-After', () => {
  it.each([429, 502, 503, 504])('retries a read on %i, then succeeds', async (status) => {
    const { fetch, requests } = stubFetch(json({}, status), json(task()));
    const { data } = await client(fetch).getBatchTaskInfo(1);
    expect(data?.Id).toBe(248);
    expect(requests).toHaveLength(2);
  });

  it('retries a read after a network error', async () => {
    const { fetch, requests } = stubFetch(new TypeError('ECONNRESET'), json([]));
    expect((await client(fetch).getBatchTaskInfosByState('All')).data).toEqual([]);
    expect(requests).toHaveLength(2);
  });

  it('gives up after the configured retries and returns the last failure', async () => {
    const { fetch, requests } = stubFetch(json({}, 503));
    const { error } = await client(fetch).getBatchTaskInfosByAssociates([1]);
    expect(error).toMatchObject({ kind: 'http', status: 503 });
    expect(requests).toHaveLength(3);
  });

  it.each([400, 401, 404, 500])('does not retry %i', async (status) => {
    const { fetch, requests } = stubFetch(json({}, status));
    await client(fetch).getBatchTaskInfo(1);
    expect(requests).toHaveLength(1);
  });

  it('never retries StartBatchJob or UpdateBatchTask, which would start or change a task twice', async () => {
    for (const failure of [json({}, 503), new TypeError('ECONNRESET')]) {
      const { fetch, requests } = stubFetch(failure, json(1));
      await client(fetch).startBatchJob({ Name: 'x' });
      await client(fetch).updateBatchTask({ Id: 1 });
      expect(requests).toHaveLength(2);
    }
  });

  it('waits what Retry-After says (seconds or a date)', async () => {
    const delays: number[] = [];
    const { fetch } = stubFetch(json({}, 429, { 'Retry-After': '0' }), json({}, 503, { 'Retry-After': new Date(Date.now() + 40).toUTCString() }), json([]));
    await client(fetch, { onRetry: ({ delayMs }) => delays.push(delayMs) }).getBatchTaskInfosByState('All');
    expect(delays[0]).toBe(0);
    expect(delays[1]).toBeLessThanOrEqual(50);
  });

  it('does not wait a Retry-After longer than maxDelayMs: it returns the error with retryAfterMs', async () => {
    const { fetch, requests } = stubFetch(json({}, 429, { 'Retry-After': '120' }));
    const { error } = await client(fetch).getBatchTaskInfo(1);
    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 120_000 });
  });

  it('backs off exponentially with jitter, within the ceiling', async () => {
    const delays: number[] = [];
    const { fetch } = stubFetch(json({}, 503));
    await client(fetch, { retry: { retries: 4, baseDelayMs: 10, maxDelayMs: 25 }, onRetry: ({ delayMs }) => delays.push(delayMs) }).getBatchTaskInfo(1);
    expect(delays).toHaveLength(4);
    const ceilings = [10, 20, 25, 25];
    delays.forEach((delay, index) => expect(delay).toBeLessThanOrEqual(ceilings[index]!));
  });

  it('retry: false turns retries off', async () => {
    const { fetch, requests } = stubFetch(json({}, 503));
    await client(fetch, { retry: false }).getBatchTaskInfo(1);
    expect(requests).toHaveLength(1);
  });
});

describe('waitForBatchTask', () => {
  it('polls until Succeeded, reporting each change of progress once', async () => {
    const { fetch, requests } = stubFetch(
      json(task({ State: 'New', ProgressPercent: 0, ProgressDescription: null })),
      json(task({ State: 'Started', ProgressPercent: 10, ProgressDescription: 'Reading' })),
      json(task({ State: 'Started', ProgressPercent: 10, ProgressDescription: 'Reading' })),
      json(task({ State: 'Started', ProgressPercent: 60, ProgressDescription: 'Writing' })),
      json(task({ State: 'Succeeded', ProgressPercent: 100, ProgressDescription: 'Done', Result: 'ok' })),
    );
    const seen: unknown[] = [];
    const { data, error } = await client(fetch).waitForBatchTask(248, { intervalMs: 1, onProgress: (t) => seen.push([t.State, t.ProgressPercent]) });
    expect(error).toBeUndefined();
    expect(data?.Result).toBe('ok');
    expect(requests).toHaveLength(5);
    expect(seen).toEqual([['New', 0], ['Started', 10], ['Started', 60], ['Succeeded', 100]]);
  });

  it('ends SucceededManualCleanup as success', async () => {
    const { data } = await client(stubFetch(json(task({ State: 'SucceededManualCleanup' }))).fetch).waitForBatchTask(1, { intervalMs: 1 });
    expect(data?.State).toBe('SucceededManualCleanup');
  });

  it('ends a Failed task in BatchTaskFailedError carrying the task', async () => {
    const failed = task({ State: 'Failed', Result: 'Disk full' });
    const { error } = await client(stubFetch(json(task()), json(failed)).fetch).waitForBatchTask(248, { intervalMs: 1 });
    expect(error).toBeInstanceOf(BatchTaskFailedError);
    expect((error as BatchTaskFailedError).task).toEqual(failed);
    expect(error!.message).toBe('waitForBatchTask: batch task 248 (ExportJob) failed: Disk full');
  });

  it('ends a missing task in BatchTaskNotFoundError', async () => {
    const { error } = await client(stubFetch(json(null)).fetch).waitForBatchTask(7, { intervalMs: 1 });
    expect(error).toBeInstanceOf(BatchTaskNotFoundError);
  });

  it('stops when the signal aborts, between polls', async () => {
    const controller = new AbortController();
    const pending = client(stubFetch(json(task())).fetch).waitForBatchTask(1, { intervalMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect((await pending).error).toBeInstanceOf(BatchAbortError);
  });

  it('ends a task that reports State "All" (a filter, not a state) in BatchUnexpectedBodyError instead of polling forever', async () => {
    const { error } = await client(stubFetch(json(task({ State: 'All' }))).fetch).waitForBatchTask(1, { intervalMs: 1 });
    expect(error).toBeInstanceOf(BatchUnexpectedBodyError);
    expect(error!.message).toMatch(/State "All", which is a filter/);
  });

  it('returns the failure of a poll', async () => {
    const { error } = await client(stubFetch(json({}, 401)).fetch).waitForBatchTask(1, { intervalMs: 1 });
    expect(error).toMatchObject({ kind: 'http', status: 401 });
  });
});

describe('secrets never appear in failures', () => {
  const failures = [json({ Error: true, ErrorType: 'X', ErrorMessage: 'denied' }, 401), json({}, 503), new TypeError('fetch failed'), json(null), new Response('not json')];
  const auths = [
    { scheme: 'Basic' as const, username: 'user', password: SECRETS.password },
    { scheme: 'SOTicket' as const, ticket: SECRETS.ticket },
    { scheme: 'Bearer' as const, token: SECRETS.token },
    { scheme: 'XSRF' as const, token: SECRETS.token },
  ];
  const basic64 = btoa(`user:${SECRETS.password}`);

  it.each(auths.map((auth) => [auth.scheme, auth] as const))('%s: not in message, stack, cause, inspect or JSON', async (_, auth) => {
    for (const failure of failures) {
      const c = createBatchClient({ baseUrl: 'https://online.superoffice.com/Cust12345', auth, fetch: stubFetch(failure).fetch, retry: false });
      const results = [await c.getBatchTaskInfosByAssociates([1]), await c.startBatchJob({ Name: 'x' }), await c.waitForBatchTask(1, { intervalMs: 1 })];
      for (const { error } of results) {
        expect(error).toBeDefined();
        const text = [error!.message, error!.stack, inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error), String(error)].join('\n');
        for (const secret of [...Object.values(SECRETS), basic64]) expect(text).not.toContain(secret);
      }
      const clientText = inspect(c, { depth: 10, showHidden: true });
      for (const secret of [...Object.values(SECRETS), basic64]) expect(clientText).not.toContain(secret);
    }
  });
});
