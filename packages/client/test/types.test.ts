import { describe, expectTypeOf, it } from 'vitest';
import {
  BATCH_TASK_STATES,
  createBatchClient,
  createBatchCore,
  waitForBatchTask,
  type BatchError,
  type BatchFailure,
  type BatchHttpError,
  type BatchResult,
  type BatchTaskStalledError,
  type BatchWaitTimeoutError,
  type ErrorBody,
  type FinishedBatchTask,
  type WaitFailure,
  type BatchTaskInfo,
  type BatchTaskState,
  type Selected,
} from '../src/index.ts';
import { json, stubFetch } from './fetch-stub.ts';

// Checked by `tsc --noEmit` (the typecheck task); vitest runs them too, where they are no-ops.
/** Type-checks the calls inside without running them (they are wrong on purpose). */
const typeOnly = (_calls: () => void): void => {};

const client = createBatchClient({ baseUrl: 'https://online.superoffice.com/Cust1', auth: { scheme: 'SOTicket', ticket: 't' }, fetch: stubFetch(json(null)).fetch });

describe('types', () => {
  it('BATCH_TASK_STATES lists exactly the spec\'s BatchTaskState', () => {
    expectTypeOf<(typeof BATCH_TASK_STATES)[number]>().toEqualTypeOf<BatchTaskState>();
  });

  it('a task without select has every property, typed', () => {
    expectTypeOf(client.getBatchTaskInfo(1)).resolves.toEqualTypeOf<BatchResult<BatchTaskInfo | null>>();
    expectTypeOf<BatchTaskInfo['Id']>().toEqualTypeOf<number | null>();
    expectTypeOf<BatchTaskInfo['State']>().toEqualTypeOf<BatchTaskState | null>();
    expectTypeOf<BatchTaskInfo['IsSystemTask']>().toEqualTypeOf<boolean | null>();
  });

  it('select types the result: chosen properties as usual, the others null', async () => {
    const { data } = await client.getBatchTaskInfo(1, { select: ['Name', 'ProgressPercent'] });
    if (data) {
      expectTypeOf(data.Name).toEqualTypeOf<string | null>();
      expectTypeOf(data.ProgressPercent).toEqualTypeOf<number | null>();
      expectTypeOf(data.Id).toEqualTypeOf<null>();
      expectTypeOf(data.State).toEqualTypeOf<null>();
    }
    const list = await client.getBatchTaskInfosByAssociates([1], { select: ['State'] });
    expectTypeOf(list.data).toEqualTypeOf<Selected<'State'>[] | undefined>();
  });

  it('a select of an unknown property does not compile', () => {
    typeOnly(() => {
      // @ts-expect-error 'Progress' is not a BatchTaskInfo property
      void client.getBatchTaskInfo(1, { select: ['Progress'] });
      // @ts-expect-error property names are PascalCase, as on the wire
      void client.getBatchTaskInfo(1, { select: ['name'] });
    });
  });

  it('an unknown state does not compile', () => {
    typeOnly(() => {
      // @ts-expect-error 'Running' is not a BatchTaskState
      void client.getBatchTaskInfosByState('Running');
      // @ts-expect-error the wire spelling is 'Aquired'
      void client.getBatchTaskInfosByState('Acquired');
      void client.getBatchTaskInfosByState('Aquired');
    });
  });

  it('a wrong body does not compile', () => {
    typeOnly(() => {
      // @ts-expect-error StartBatchJob needs Name
      void client.startBatchJob({ Description: 'x' });
      // @ts-expect-error UpdateBatchTask needs Id
      void client.updateBatchTask({ State: 'Failed' });
      // @ts-expect-error Id is a number
      void client.updateBatchTask({ Id: '1' });
      // @ts-expect-error State is a BatchTaskState
      void client.updateBatchTask({ Id: 1, State: 'Done' });
      // @ts-expect-error associate ids are numbers
      void client.getBatchTaskInfosByAssociates(['497']);
    });
  });

  it('failures are a typed union, narrowed by kind', async () => {
    const { error } = await client.startBatchJob({ Name: 'x' });
    expectTypeOf(error).toEqualTypeOf<BatchFailure | undefined>();
    expectTypeOf<BatchFailure>().toExtend<BatchError>();
    // Narrowing by kind reaches each failure's own fields.
    if (error?.kind === 'http') {
      expectTypeOf(error).toEqualTypeOf<BatchHttpError>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
      expectTypeOf(error.body).toEqualTypeOf<ErrorBody | undefined>();
    }
    if (error?.kind === 'timeout') expectTypeOf(error.timeoutMs).toEqualTypeOf<number>();
    const waited = await client.waitForBatchTask(1);
    if (waited.error?.kind === 'task-failed') expectTypeOf(waited.error.task).toEqualTypeOf<BatchTaskInfo>();
    // It resolves only with a task that ended well.
    if (!waited.error) expectTypeOf(waited.data.State).toEqualTypeOf<'Succeeded' | 'SucceededManualCleanup'>();
    typeOnly(() => {
      // @ts-expect-error a network failure has no status
      if (error?.kind === 'network') void error.status;
    });
    const result = await client.startBatchJob({ Name: 'x' });
    if (!result.error) expectTypeOf(result.data).toEqualTypeOf<number>();
  });

  it('the failures of waitForBatchTask narrow by kind, with the task as last seen', async () => {
    const done = await client.waitForBatchTask(1, { timeoutMs: 60_000, stallMs: 10_000 });
    expectTypeOf(done).toEqualTypeOf<BatchResult<FinishedBatchTask, WaitFailure>>();
    if (done.error?.kind === 'stalled') {
      expectTypeOf(done.error).toEqualTypeOf<BatchTaskStalledError>();
      expectTypeOf(done.error.task).toEqualTypeOf<BatchTaskInfo>();
      expectTypeOf(done.error.unchangedMs).toEqualTypeOf<number>();
    }
    // Its timeout always says how the task was last seen (undefined: no poll had answered).
    if (done.error?.kind === 'timeout') {
      expectTypeOf(done.error).toEqualTypeOf<BatchWaitTimeoutError>();
      expectTypeOf(done.error.task).toEqualTypeOf<BatchTaskInfo | undefined>();
      expectTypeOf(done.error.scope).toEqualTypeOf<'wait' | 'poll'>();
      expectTypeOf(done.error.waitedMs).toEqualTypeOf<number>();
    }
    // A wait's failure is a BatchFailure: code that handles any failure takes it.
    expectTypeOf<WaitFailure>().toExtend<BatchFailure>();
    expectTypeOf(waitForBatchTask(createBatchCore({ baseUrl: 'https://online.superoffice.com/Cust1', auth: { scheme: 'SOTicket', ticket: 't' } }), 1)).resolves.toEqualTypeOf<typeof done>();
    const other = await client.getBatchTaskInfo(1);
    typeOnly(() => {
      // @ts-expect-error the timeout of one call knows no task
      if (other.error?.kind === 'timeout') void other.error.task;
      // @ts-expect-error a stall knows no scope
      if (done.error?.kind === 'stalled') void done.error.scope;
      // @ts-expect-error milliseconds are numbers
      void client.waitForBatchTask(1, { stallMs: '5000' });
      // @ts-expect-error milliseconds are numbers
      void client.waitForBatchTask(1, { timeoutMs: '1m' });
    });
  });

  it('optional options take undefined, as process.env gives it (exactOptionalPropertyTypes)', () => {
    typeOnly(() => {
      void createBatchClient({
        baseUrl: 'https://online.superoffice.com/Cust1',
        auth: { scheme: 'SOTicket', ticket: 't' },
        appToken: process.env.SO_APP_TOKEN,
        language: process.env.SO_LANGUAGE,
        timeoutMs: undefined,
      });
      void client.getBatchTaskInfo(1, { select: undefined, signal: undefined, timeoutMs: undefined, headers: undefined });
      void client.waitForBatchTask(1, { timeoutMs: undefined, stallMs: undefined, intervalMs: undefined, onProgress: undefined });
    });
  });

  it('the raw client reaches every path of the spec, typed', async () => {
    const { data } = await client.raw.GET('/api/v1/BatchTask/{idOrState}', { params: { path: { idOrState: 'All' } } });
    expectTypeOf(data).toEqualTypeOf<BatchTaskInfo | BatchTaskInfo[] | undefined>();
  });

  it('the shared REST path keeps its two meanings apart', async () => {
    expectTypeOf(client.rest.getBatchTaskInfo(1)).resolves.toEqualTypeOf<BatchResult<BatchTaskInfo>>();
    expectTypeOf(client.rest.getBatchTaskInfosByState('All')).resolves.toEqualTypeOf<BatchResult<BatchTaskInfo[]>>();
    typeOnly(() => {
      // @ts-expect-error by id takes a number
      void client.rest.getBatchTaskInfo('All');
      // @ts-expect-error by state takes a BatchTaskState
      void client.rest.getBatchTaskInfosByState(1);
    });
  });

  it('deletes answer no data, stops answer a boolean', () => {
    expectTypeOf(client.agents.deleteBatchTasks([1])).resolves.toEqualTypeOf<BatchResult<undefined>>();
    expectTypeOf(client.rest.stopBatchJob(1)).resolves.toEqualTypeOf<BatchResult<boolean>>();
  });

  it('OData options are typed from the spec', () => {
    typeOnly(() => {
      void client.rest.getAll({ $top: 10, $mode: 'Full', $filter: "name begins 'Export'" });
      // @ts-expect-error $mode is Slim, Wide or Full
      void client.rest.getAll({ $mode: 'Compact' });
      // @ts-expect-error $top is a number
      void client.rest.getAll({ $top: '10' });
    });
  });
});
