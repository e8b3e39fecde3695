import { describe, expect, it } from 'vitest';
import { createBatchClient, type BatchClient, type BatchResult } from '../src/index.ts';
import { json, stubFetch, task } from './fetch-stub.ts';

const base = 'https://online.superoffice.com/Cust12345';

// Each of the 22 operations: the request it sends and the answer it returns.
const cases: [string, (c: BatchClient) => Promise<BatchResult<unknown>>, string, string, unknown, Response, unknown][] = [
  ['agents.getBatchTaskInfo', (c) => c.agents.getBatchTaskInfo(7), 'POST', '/api/v1/Agents/Batch/GetBatchTaskInfo', { Id: 7 }, json(task()), task()],
  ['agents.getBatchTaskInfosByAssociates', (c) => c.agents.getBatchTaskInfosByAssociates([1, 2]), 'POST', '/api/v1/Agents/Batch/GetBatchTaskInfosByAssociates', { AssociateIds: [1, 2] }, json([task()]), [task()]],
  ['agents.getBatchTaskInfosByAssociatesAndState', (c) => c.agents.getBatchTaskInfosByAssociatesAndState([1], 'Started'), 'POST', '/api/v1/Agents/Batch/GetBatchTaskInfosByAssociatesAndState', { AssociateIds: [1], State: 'Started' }, json([]), []],
  ['agents.getBatchTaskInfosByNameAndAssociates', (c) => c.agents.getBatchTaskInfosByNameAndAssociates('Export', [1]), 'POST', '/api/v1/Agents/Batch/GetBatchTaskInfosByNameAndAssociates', { Name: 'Export', AssociateIds: [1] }, json([]), []],
  ['agents.getBatchTaskInfosByNameAndState', (c) => c.agents.getBatchTaskInfosByNameAndState('Export', 'New'), 'POST', '/api/v1/Agents/Batch/GetBatchTaskInfosByNameAndState', { Name: 'Export', State: 'New' }, json([]), []],
  ['agents.getBatchTaskInfosByState', (c) => c.agents.getBatchTaskInfosByState('All'), 'POST', '/api/v1/Agents/Batch/GetBatchTaskInfosByState', { State: 'All' }, json([]), []],
  ['agents.getAllBatchTaskInfosByName', (c) => c.agents.getAllBatchTaskInfosByName('Export'), 'POST', '/api/v1/Agents/Batch/GetAllBatchTaskInfosByName', { TaskName: 'Export' }, json([]), []],
  ['agents.getAllBatchTaskInfosByNameAndState', (c) => c.agents.getAllBatchTaskInfosByNameAndState('Export', 'Failed'), 'POST', '/api/v1/Agents/Batch/GetAllBatchTaskInfosByNameAndState', { TaskName: 'Export', State: 'Failed' }, json([]), []],
  ['agents.getSystemBatchTaskInfosByName', (c) => c.agents.getSystemBatchTaskInfosByName('Cleanup'), 'POST', '/api/v1/Agents/Batch/GetSystemBatchTaskInfosByName', { TaskName: 'Cleanup' }, json([]), []],
  ['agents.getSystemBatchTaskInfosByNameAndState', (c) => c.agents.getSystemBatchTaskInfosByNameAndState('Cleanup', 'Succeeded'), 'POST', '/api/v1/Agents/Batch/GetSystemBatchTaskInfosByNameAndState', { TaskName: 'Cleanup', State: 'Succeeded' }, json([]), []],
  ['agents.updateBatchTask', (c) => c.agents.updateBatchTask({ Id: 7, State: 'Failed' }), 'POST', '/api/v1/Agents/Batch/UpdateBatchTask', { BatchTaskInfo: { Id: 7, State: 'Failed' } }, json(task()), task()],
  ['agents.startBatchJob', (c) => c.agents.startBatchJob({ Name: 'Export' }), 'POST', '/api/v1/Agents/Batch/StartBatchJob', { BatchTaskInfo: { Name: 'Export' } }, json(9), 9],
  ['agents.stopBatchJob', (c) => c.agents.stopBatchJob(7), 'POST', '/api/v1/Agents/Batch/StopBatchJob', { Id: 7 }, json(true), true],
  ['agents.deleteBatchTask', (c) => c.agents.deleteBatchTask(7), 'POST', '/api/v1/Agents/Batch/DeleteBatchTask', { BatchTaskId: 7 }, new Response(null, { status: 204 }), undefined],
  ['agents.deleteBatchTasks', (c) => c.agents.deleteBatchTasks([7, 8]), 'POST', '/api/v1/Agents/Batch/DeleteBatchTasks', { BatchTaskIds: [7, 8] }, new Response(null, { status: 204 }), undefined],
  ['rest.getAll', (c) => c.rest.getAll({ $top: 2, $filter: "name begins 'E'" }), 'GET', "/api/v1/BatchTask?$top=2&$filter=name%20begins%20'E'", undefined, json({ value: [] }), { value: [] }],
  ['rest.getBatchTaskInfo', (c) => c.rest.getBatchTaskInfo(7), 'GET', '/api/v1/BatchTask/7', undefined, json(task()), task()],
  ['rest.getBatchTaskInfosByState', (c) => c.rest.getBatchTaskInfosByState('Started'), 'GET', '/api/v1/BatchTask/Started', undefined, json([]), []],
  ['rest.startBatchJob', (c) => c.rest.startBatchJob({ Name: 'Export' }), 'POST', '/api/v1/BatchTask', { Name: 'Export' }, json(9), 9],
  ['rest.updateBatchTask', (c) => c.rest.updateBatchTask(7, { Description: 'x' }), 'PUT', '/api/v1/BatchTask/7', { Description: 'x' }, json(task()), task()],
  ['rest.deleteBatchTask', (c) => c.rest.deleteBatchTask(7), 'DELETE', '/api/v1/BatchTask/7', undefined, new Response(null, { status: 204 }), undefined],
  ['rest.stopBatchJob', (c) => c.rest.stopBatchJob(7), 'POST', '/api/v1/BatchTask/7/Stop', undefined, json(false), false],
];

describe('every operation', () => {
  it.each(cases)('%s sends %s and returns the answer', async (_, call, method, path, body, reply, data) => {
    const { fetch, requests } = stubFetch(reply);
    const result = await call(createBatchClient({ baseUrl: base, auth: { scheme: 'SOTicket', ticket: 't' }, fetch }));
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual(data);
    expect(requests[0]!.method).toBe(method);
    expect(decodeURIComponent(`${requests[0]!.url.pathname}${requests[0]!.url.search}`)).toBe(decodeURIComponent(`/Cust12345${path}`));
    expect(requests[0]!.body).toEqual(body);
  });

  it('covers 22 operations', () => {
    expect(cases).toHaveLength(22);
  });

  it('the shared REST path: a wrong shape for the meaning is an unexpected body, not a silent cast', async () => {
    const c = createBatchClient({ baseUrl: base, auth: { scheme: 'SOTicket', ticket: 't' }, fetch: stubFetch(json([task()])).fetch });
    expect((await c.rest.getBatchTaskInfo(7)).error).toMatchObject({ kind: 'unexpected-body' });
    const d = createBatchClient({ baseUrl: base, auth: { scheme: 'SOTicket', ticket: 't' }, fetch: stubFetch(json(task())).fetch });
    expect((await d.rest.getBatchTaskInfosByState('All')).error).toMatchObject({ kind: 'unexpected-body' });
  });

  it('REST 404 is a typed HTTP error with the SuperOffice body', async () => {
    const body = { Error: true, ErrorType: 'SoNotFoundException', ErrorMessage: 'BatchTask id 7 not found', ErrorSource: 'x' };
    const c = createBatchClient({ baseUrl: base, auth: { scheme: 'SOTicket', ticket: 't' }, fetch: stubFetch(json(body, 404)).fetch, retry: false });
    expect((await c.rest.getBatchTaskInfo(7)).error).toMatchObject({ kind: 'http', status: 404, body });
  });

  it('an unknown state throws at once, listing the valid ones', async () => {
    const c = createBatchClient({ baseUrl: base, auth: { scheme: 'SOTicket', ticket: 't' }, fetch: stubFetch(json([])).fetch });
    await expect(c.agents.getBatchTaskInfosByState('Running' as never)).rejects.toThrow(/state must be one of Unknown, New, Aquired/);
  });

  it('never retries stop or delete', async () => {
    const { fetch, requests } = stubFetch(json({}, 503));
    const c = createBatchClient({ baseUrl: base, auth: { scheme: 'SOTicket', ticket: 't' }, fetch, retry: { retries: 3, baseDelayMs: 0, maxDelayMs: 0 } });
    await c.rest.stopBatchJob(1);
    await c.agents.deleteBatchTasks([1]);
    await c.rest.deleteBatchTask(1);
    expect(requests).toHaveLength(3);
  });
});
