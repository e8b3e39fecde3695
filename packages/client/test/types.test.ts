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
  type FullBatchTaskInfo,
  type NeverNullProperty,
  type Selected,
} from '../src/index.ts';
import * as agents from '../src/generated/agents.gen.ts';
import * as rest from '../src/generated/rest.gen.ts';
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
    expectTypeOf(client.getBatchTaskInfo(1)).resolves.toEqualTypeOf<BatchResult<FullBatchTaskInfo | null>>();
    expectTypeOf<FullBatchTaskInfo['Name']>().toEqualTypeOf<string | null>();
    expectTypeOf<FullBatchTaskInfo['State']>().toEqualTypeOf<BatchTaskState | null>();
    // BatchTaskInfo is what any answer may carry (select nulls what it leaves out): all nullable.
    expectTypeOf<BatchTaskInfo['Id']>().toEqualTypeOf<number | null>();
    expectTypeOf<FullBatchTaskInfo>().toExtend<BatchTaskInfo>();
  });

  it('select types the result: chosen properties as in a full answer, the others null', async () => {
    const { data } = await client.getBatchTaskInfo(1, { select: ['Name', 'ProgressPercent'] });
    if (data) {
      expectTypeOf(data.Name).toEqualTypeOf<string | null>();
      expectTypeOf(data.ProgressPercent).toEqualTypeOf<number>();
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
    expectTypeOf(client.rest.getBatchTaskInfo(1)).resolves.toEqualTypeOf<BatchResult<FullBatchTaskInfo>>();
    expectTypeOf(client.rest.getBatchTaskInfosByState('All')).resolves.toEqualTypeOf<BatchResult<FullBatchTaskInfo[]>>();
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

// Issue 20, exact nullability: the spec's x-so-batch-never-null (BatchTaskInfo) is generated into
// NEVER_NULL_PROPERTIES; an answer without $select has those properties without null.
describe('exact nullability, from the spec\'s x-so-batch-never-null', () => {
  const core = createBatchCore({ baseUrl: 'https://online.superoffice.com/Cust1', auth: { scheme: 'SOTicket', ticket: 't' } });

  it('the never-null properties are the spec\'s numbers, booleans and dates', () => {
    expectTypeOf<NeverNullProperty>().toEqualTypeOf<
      'Id' | 'AssociateId' | 'DetailsTable' | 'DetailsRecord' | 'IsSystemTask' | 'IsInternalTask' | 'LastStarted' | 'Created' | 'StartCount' | 'ProgressPercent'
    >();
  });

  it('a full task (no select) has them without null, the others still nullable', () => {
    expectTypeOf<FullBatchTaskInfo['Id']>().toEqualTypeOf<number>();
    expectTypeOf<FullBatchTaskInfo['AssociateId']>().toEqualTypeOf<number>();
    expectTypeOf<FullBatchTaskInfo['IsSystemTask']>().toEqualTypeOf<boolean>();
    expectTypeOf<FullBatchTaskInfo['Created']>().toEqualTypeOf<string>();
    expectTypeOf<FullBatchTaskInfo['ProgressPercent']>().toEqualTypeOf<number>();
    expectTypeOf<FullBatchTaskInfo['Description']>().toEqualTypeOf<string | null>();
    expectTypeOf<FullBatchTaskInfo['TableRight']>().toEqualTypeOf<BatchTaskInfo['TableRight']>();
    typeOnly(() => {
      // @ts-expect-error a full task's Id is never null
      const task: FullBatchTaskInfo = { ...({} as FullBatchTaskInfo), Id: null };
      void task;
    });
  });

  it('agents: one full task, a full list, and tasks.map((t) => t.Id) is number[]', async () => {
    const one = await agents.getBatchTaskInfo(core, 1);
    expectTypeOf(one.data).toEqualTypeOf<FullBatchTaskInfo | null | undefined>();
    if (one.data) expectTypeOf(one.data.Id).toEqualTypeOf<number>();
    const { data: tasks = [] } = await agents.getBatchTaskInfosByAssociates(core, [1]);
    expectTypeOf(tasks.map((t) => t.Id)).toEqualTypeOf<number[]>();
    expectTypeOf(tasks.map((t) => t.LastStarted)).toEqualTypeOf<string[]>();
    const { data: byState = [] } = await client.agents.getBatchTaskInfosByState('Started');
    expectTypeOf(byState.map((t) => t.StartCount)).toEqualTypeOf<number[]>();
  });

  it('rest: one full task and a full list, both without select', async () => {
    const one = await rest.getBatchTaskInfo(core, 1);
    expectTypeOf(one.data).toEqualTypeOf<FullBatchTaskInfo | undefined>();
    const { data: tasks = [] } = await client.rest.getBatchTaskInfosByState('All');
    expectTypeOf(tasks.map((t) => t.Id)).toEqualTypeOf<number[]>();
    const updated = await client.rest.updateBatchTask(1, { Description: 'x' });
    expectTypeOf(updated.data).toEqualTypeOf<FullBatchTaskInfo | undefined>();
  });

  it('select [Id, Name]: Id is a number, Name as in a full answer, every other property null', async () => {
    const { data } = await client.getBatchTaskInfo(1, { select: ['Id', 'Name'] });
    if (data) {
      expectTypeOf(data.Id).toEqualTypeOf<number>();
      expectTypeOf(data.Name).toEqualTypeOf<string | null>();
      expectTypeOf(data.AssociateId).toEqualTypeOf<null>();
      expectTypeOf(data.Description).toEqualTypeOf<null>();
      typeOnly(() => {
        // @ts-expect-error AssociateId was not selected: it is null, not a number
        const owner: number = data.AssociateId;
        void owner;
      });
    }
    const { data: tasks = [] } = await agents.getBatchTaskInfosByNameAndState(core, 'Export', 'Started', { select: ['Id', 'Name'] });
    expectTypeOf(tasks.map((t) => t.Id)).toEqualTypeOf<number[]>();
    expectTypeOf(tasks.map((t) => t.State)).toEqualTypeOf<null[]>();
    const updated = await client.agents.updateBatchTask({ Id: 1, Description: 'x' }, { select: ['Id', 'IsSystemTask'] });
    expectTypeOf(updated.data).toEqualTypeOf<Selected<'Id' | 'IsSystemTask'> | undefined>();
    if (updated.data) expectTypeOf(updated.data.IsSystemTask).toEqualTypeOf<boolean>();
  });

  it('a wait resolves with a full task', async () => {
    const { data } = await waitForBatchTask(core, 1);
    if (data) expectTypeOf(data.Id).toEqualTypeOf<number>();
    typeOnly(() => {
      void client.waitForBatchTask(1, { onProgress: (task) => expectTypeOf(task.ProgressPercent).toEqualTypeOf<number>() });
    });
  });
});
