import { describe, expect, expectTypeOf, it } from 'vitest';
import { getBatchTaskInfo, getBatchTaskInfosByAssociates, startBatchJob } from '../src/generated/agents.gen.ts';
import { getAll, getBatchTaskInfo as getRestTask } from '../src/generated/rest.gen.ts';
import { BatchClientOptionsError, createBatchClient, createBatchCore, type AnyBatchClient, type BatchClient, type BatchResult, type FullBatchTaskInfo, type Selected } from '../src/index.ts';
import { json, stubFetch, task } from './fetch-stub.ts';

const baseUrl = 'https://online.superoffice.com/Cust12345';
const typeOnly = (_calls: () => void): void => {};

describe('one function per operation, taking a client made once', () => {
  it('sends the operation with the client\'s credentials and returns its answer', async () => {
    const { fetch, requests } = stubFetch(json(task({ Id: 189 })));
    const client = createBatchCore({ baseUrl, auth: { scheme: 'SOTicket', ticket: '7T:abc==' }, appToken: 'app', fetch });
    const { data, error } = await getBatchTaskInfo(client, 189, { select: ['Name', 'State'] });
    expect(error).toBeUndefined();
    expect(data?.Id).toBe(189);
    expect(requests[0]!.method).toBe('POST');
    expect(`${requests[0]!.url.pathname}${requests[0]!.url.search}`).toBe('/Cust12345/api/v1/Agents/Batch/GetBatchTaskInfo?$select=Name%2CState');
    expect(requests[0]!.body).toEqual({ Id: 189 });
    expect(requests[0]!.headers.get('authorization')).toBe('SOTicket 7T:abc==');
    expect(requests[0]!.headers.get('so-apptoken')).toBe('app');
  });

  it('takes a createBatchClient() client too: it is the same kind of client', async () => {
    const { fetch, requests } = stubFetch(json({ value: [] }));
    const client = createBatchClient({ baseUrl, auth: { scheme: 'SOTicket', ticket: 't' }, fetch });
    expect((await getAll(client, { $top: 2 })).data).toEqual({ value: [] });
    expect(requests[0]!.url.search).toBe('?$top=2');
  });

  it('fails as the methods do: HTTP failures and Agents nulls are values, misuse throws naming the operation', async () => {
    const client = createBatchCore({ baseUrl, auth: { scheme: 'SOTicket', ticket: 't' }, fetch: stubFetch(json(null)).fetch, retry: false });
    expect((await getBatchTaskInfosByAssociates(client, [1])).error).toMatchObject({ kind: 'null-response', operation: 'v1BatchAgent_GetBatchTaskInfosByAssociates' });
    expect((await getBatchTaskInfo(client, 7)).data).toBeNull();
    await expect(startBatchJob(client, { Name: '' })).rejects.toThrow('v1BatchAgent_StartBatchJob: info.Name (the batch job to start) must be a non-empty string.');
    const notFound = createBatchCore({ baseUrl, auth: { scheme: 'SOTicket', ticket: 't' }, fetch: stubFetch(json({ ErrorMessage: 'nope' }, 404)).fetch, retry: false });
    expect((await getRestTask(notFound, 7)).error).toMatchObject({ kind: 'http', status: 404 });
  });

  it('refuses a first argument that is not a client, naming the operation', async () => {
    await expect(getBatchTaskInfo({ baseUrl } as never, 1)).rejects.toThrow('v1BatchAgent_GetBatchTaskInfo: the first argument must be a client from createBatchCore() or createBatchClient().');
  });

  it('createBatchCore checks its options as createBatchClient does, in its own name', () => {
    expect(() => createBatchCore({ baseUrl: 'ftp://x', auth: { scheme: 'SOTicket', ticket: 't' } })).toThrow(new BatchClientOptionsError('createBatchCore: options.baseUrl must use https (or http), not ftp.'));
    expect(() => createBatchCore({ baseUrl, auth: { scheme: 'SOTicket', ticket: 't' }, retry: { retries: -1 } })).toThrow(/^createBatchCore: options.retry.retries must be a whole number >= 0\.$/);
  });

  it('shows nothing of the credentials: the client holds only its base URL', () => {
    const client = createBatchCore({ baseUrl: `${baseUrl}/api/v1`, auth: { scheme: 'Basic', username: 'tje0', password: 'hunter2-secret' } });
    expect(client).toEqual({ baseUrl });
    expect(JSON.stringify(client)).not.toContain('hunter2');
  });

  it('leaves BatchClient as it was: the same members, nothing a hand-written double could not have', () => {
    expectTypeOf<keyof BatchClient>().toEqualTypeOf<
      'agents' | 'rest' | 'getBatchTaskInfo' | 'getBatchTaskInfosByAssociates' | 'getBatchTaskInfosByState' | 'updateBatchTask' | 'startBatchJob' | 'waitForBatchTask' | 'raw'
    >();
  });

  it('is typed as the methods are: typed $select, nullable answer, misuse does not compile', () => {
    const client = createBatchCore({ baseUrl, auth: { scheme: 'SOTicket', ticket: 't' } });
    expectTypeOf(getBatchTaskInfo(client, 1)).resolves.toEqualTypeOf<BatchResult<FullBatchTaskInfo | null>>();
    expectTypeOf(getBatchTaskInfo(client, 1, { select: ['Name'] })).resolves.toEqualTypeOf<BatchResult<Selected<'Name'> | null>>();
    expectTypeOf(getRestTask).parameters.toEqualTypeOf<[AnyBatchClient, number, ({ signal?: AbortSignal | undefined; timeoutMs?: number | undefined; headers?: Record<string, string> | undefined } | undefined)?]>();
    typeOnly(() => {
      // @ts-expect-error 'Progress' is not a BatchTaskInfo property
      void getBatchTaskInfo(client, 1, { select: ['Progress'] });
      // @ts-expect-error the client comes first
      void getBatchTaskInfo(1);
      // @ts-expect-error StartBatchJob needs the job's Name
      void startBatchJob(client, { Description: 'x' });
      // @ts-expect-error an OData option the spec does not have
      void getAll(client, { $where: 'x' });
    });
  });
});
