// Generated from spec/openapi.yaml (its bundle, spec/dist/openapi.json) by `pnpm generate` (scripts/functions.ts).
// Do not edit: change the spec and regenerate.
// The Agents calls (`POST /api/v1/Agents/Batch/*`), a function per operation. Each takes the client from
// createBatchCore() (or createBatchClient()). Import only those you call: a bundler leaves the others out.
import { call, type AnyBatchClient, type BatchResult, type CallOptions, type SelectOptions } from '../core.ts';
import { checkInt, checkIds, checkText, checkState, checkTask } from '../checks.ts';
import type { BatchTaskInfo, BatchTaskInfoInput, BatchTaskProperty, BatchTaskState, Selected } from '../types.ts';

/**
 * v1BatchAgent_GetBatchTaskInfo, `POST /api/v1/Agents/Batch/GetBatchTaskInfo`: Get one batch task by id.
 * Sends { Id: id }.
 * `data` is null when there is no such task (the server's 200 null).
 * A read: retried on failure.
 */
export async function getBatchTaskInfo<const K extends BatchTaskProperty = BatchTaskProperty>(client: AnyBatchClient, id: number, options?: SelectOptions<K>): Promise<BatchResult<Selected<K> | null>> {
  const operation = 'v1BatchAgent_GetBatchTaskInfo';
  return call(client, { operation, method: 'POST', path: '/api/v1/Agents/Batch/GetBatchTaskInfo', read: true, body: { Id: checkInt(id, 'id', operation) }, select: options?.select, answer: 'task', agents: true, nullIsData: true }, options);
}

/**
 * v1BatchAgent_GetBatchTaskInfosByAssociates, `POST /api/v1/Agents/Batch/GetBatchTaskInfosByAssociates`: Get the batch tasks of some associates.
 * Sends { AssociateIds: associateIds }.
 * An answer of null is a BatchNullResponseError.
 * A read: retried on failure.
 */
export async function getBatchTaskInfosByAssociates<const K extends BatchTaskProperty = BatchTaskProperty>(client: AnyBatchClient, associateIds: readonly number[], options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>> {
  const operation = 'v1BatchAgent_GetBatchTaskInfosByAssociates';
  return call(client, { operation, method: 'POST', path: '/api/v1/Agents/Batch/GetBatchTaskInfosByAssociates', read: true, body: { AssociateIds: checkIds(associateIds, 'associateIds', operation) }, select: options?.select, answer: 'tasks', agents: true, noResult: [null] }, options);
}

/**
 * v1BatchAgent_GetBatchTaskInfosByAssociatesAndState, `POST /api/v1/Agents/Batch/GetBatchTaskInfosByAssociatesAndState`: Get the batch tasks of some associates in a state.
 * Sends { AssociateIds: associateIds, State: state }.
 * An answer of null is a BatchNullResponseError.
 * A read: retried on failure.
 */
export async function getBatchTaskInfosByAssociatesAndState<const K extends BatchTaskProperty = BatchTaskProperty>(client: AnyBatchClient, associateIds: readonly number[], state: BatchTaskState, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>> {
  const operation = 'v1BatchAgent_GetBatchTaskInfosByAssociatesAndState';
  return call(client, { operation, method: 'POST', path: '/api/v1/Agents/Batch/GetBatchTaskInfosByAssociatesAndState', read: true, body: { AssociateIds: checkIds(associateIds, 'associateIds', operation), State: checkState(state, 'state', operation) }, select: options?.select, answer: 'tasks', agents: true, noResult: [null] }, options);
}

/**
 * v1BatchAgent_GetBatchTaskInfosByNameAndAssociates, `POST /api/v1/Agents/Batch/GetBatchTaskInfosByNameAndAssociates`: Get the batch tasks of some associates by name.
 * Sends { Name: name, AssociateIds: associateIds }.
 * An answer of null is a BatchNullResponseError.
 * A read: retried on failure.
 */
export async function getBatchTaskInfosByNameAndAssociates<const K extends BatchTaskProperty = BatchTaskProperty>(client: AnyBatchClient, name: string, associateIds: readonly number[], options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>> {
  const operation = 'v1BatchAgent_GetBatchTaskInfosByNameAndAssociates';
  return call(client, { operation, method: 'POST', path: '/api/v1/Agents/Batch/GetBatchTaskInfosByNameAndAssociates', read: true, body: { Name: checkText(name, 'name', operation), AssociateIds: checkIds(associateIds, 'associateIds', operation) }, select: options?.select, answer: 'tasks', agents: true, noResult: [null] }, options);
}

/**
 * v1BatchAgent_GetBatchTaskInfosByNameAndState, `POST /api/v1/Agents/Batch/GetBatchTaskInfosByNameAndState`: Get the caller's batch tasks by name and state.
 * Sends { Name: name, State: state }.
 * An answer of null is a BatchNullResponseError.
 * A read: retried on failure.
 */
export async function getBatchTaskInfosByNameAndState<const K extends BatchTaskProperty = BatchTaskProperty>(client: AnyBatchClient, name: string, state: BatchTaskState, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>> {
  const operation = 'v1BatchAgent_GetBatchTaskInfosByNameAndState';
  return call(client, { operation, method: 'POST', path: '/api/v1/Agents/Batch/GetBatchTaskInfosByNameAndState', read: true, body: { Name: checkText(name, 'name', operation), State: checkState(state, 'state', operation) }, select: options?.select, answer: 'tasks', agents: true, noResult: [null] }, options);
}

/**
 * v1BatchAgent_GetBatchTaskInfosByState, `POST /api/v1/Agents/Batch/GetBatchTaskInfosByState`: Get the caller's batch tasks in a state.
 * Sends { State: state }.
 * An answer of null is a BatchNullResponseError.
 * A read: retried on failure.
 */
export async function getBatchTaskInfosByState<const K extends BatchTaskProperty = BatchTaskProperty>(client: AnyBatchClient, state: BatchTaskState, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>> {
  const operation = 'v1BatchAgent_GetBatchTaskInfosByState';
  return call(client, { operation, method: 'POST', path: '/api/v1/Agents/Batch/GetBatchTaskInfosByState', read: true, body: { State: checkState(state, 'state', operation) }, select: options?.select, answer: 'tasks', agents: true, noResult: [null] }, options);
}

/**
 * v1BatchAgent_GetAllBatchTaskInfosByName, `POST /api/v1/Agents/Batch/GetAllBatchTaskInfosByName`: Get everyone's batch tasks by name.
 * Sends { TaskName: taskName }.
 * An answer of null is a BatchNullResponseError.
 * A read: retried on failure.
 */
export async function getAllBatchTaskInfosByName<const K extends BatchTaskProperty = BatchTaskProperty>(client: AnyBatchClient, taskName: string, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>> {
  const operation = 'v1BatchAgent_GetAllBatchTaskInfosByName';
  return call(client, { operation, method: 'POST', path: '/api/v1/Agents/Batch/GetAllBatchTaskInfosByName', read: true, body: { TaskName: checkText(taskName, 'taskName', operation) }, select: options?.select, answer: 'tasks', agents: true, noResult: [null] }, options);
}

/**
 * v1BatchAgent_GetAllBatchTaskInfosByNameAndState, `POST /api/v1/Agents/Batch/GetAllBatchTaskInfosByNameAndState`: Get everyone's batch tasks by name and state.
 * Sends { TaskName: taskName, State: state }.
 * An answer of null is a BatchNullResponseError.
 * A read: retried on failure.
 */
export async function getAllBatchTaskInfosByNameAndState<const K extends BatchTaskProperty = BatchTaskProperty>(client: AnyBatchClient, taskName: string, state: BatchTaskState, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>> {
  const operation = 'v1BatchAgent_GetAllBatchTaskInfosByNameAndState';
  return call(client, { operation, method: 'POST', path: '/api/v1/Agents/Batch/GetAllBatchTaskInfosByNameAndState', read: true, body: { TaskName: checkText(taskName, 'taskName', operation), State: checkState(state, 'state', operation) }, select: options?.select, answer: 'tasks', agents: true, noResult: [null] }, options);
}

/**
 * v1BatchAgent_GetSystemBatchTaskInfosByName, `POST /api/v1/Agents/Batch/GetSystemBatchTaskInfosByName`: Get the system batch tasks by name.
 * Sends { TaskName: taskName }.
 * An answer of null is a BatchNullResponseError.
 * A read: retried on failure.
 */
export async function getSystemBatchTaskInfosByName<const K extends BatchTaskProperty = BatchTaskProperty>(client: AnyBatchClient, taskName: string, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>> {
  const operation = 'v1BatchAgent_GetSystemBatchTaskInfosByName';
  return call(client, { operation, method: 'POST', path: '/api/v1/Agents/Batch/GetSystemBatchTaskInfosByName', read: true, body: { TaskName: checkText(taskName, 'taskName', operation) }, select: options?.select, answer: 'tasks', agents: true, noResult: [null] }, options);
}

/**
 * v1BatchAgent_GetSystemBatchTaskInfosByNameAndState, `POST /api/v1/Agents/Batch/GetSystemBatchTaskInfosByNameAndState`: Get the system batch tasks by name and state.
 * Sends { TaskName: taskName, State: state }.
 * An answer of null is a BatchNullResponseError.
 * A read: retried on failure.
 */
export async function getSystemBatchTaskInfosByNameAndState<const K extends BatchTaskProperty = BatchTaskProperty>(client: AnyBatchClient, taskName: string, state: BatchTaskState, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>> {
  const operation = 'v1BatchAgent_GetSystemBatchTaskInfosByNameAndState';
  return call(client, { operation, method: 'POST', path: '/api/v1/Agents/Batch/GetSystemBatchTaskInfosByNameAndState', read: true, body: { TaskName: checkText(taskName, 'taskName', operation), State: checkState(state, 'state', operation) }, select: options?.select, answer: 'tasks', agents: true, noResult: [null] }, options);
}

/**
 * v1BatchAgent_UpdateBatchTask, `POST /api/v1/Agents/Batch/UpdateBatchTask`: Update a batch task.
 * Sends { BatchTaskInfo: info }.
 * An answer of null is a BatchNullResponseError.
 * Never retried.
 */
export async function updateBatchTask<const K extends BatchTaskProperty = BatchTaskProperty>(client: AnyBatchClient, info: BatchTaskInfoInput & { Id: number }, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>>> {
  const operation = 'v1BatchAgent_UpdateBatchTask';
  return call(client, { operation, method: 'POST', path: '/api/v1/Agents/Batch/UpdateBatchTask', body: { BatchTaskInfo: checkTask(info, ['Id'], operation) }, select: options?.select, answer: 'task', agents: true, noResult: [null] }, options);
}

/**
 * v1BatchAgent_StartBatchJob, `POST /api/v1/Agents/Batch/StartBatchJob`: Start a batch job.
 * Sends { BatchTaskInfo: info }.
 * An answer of null or 0 is a BatchNullResponseError.
 * Never retried.
 */
export async function startBatchJob(client: AnyBatchClient, info: BatchTaskInfoInput & { Name: string }, options?: CallOptions): Promise<BatchResult<number>> {
  const operation = 'v1BatchAgent_StartBatchJob';
  return call(client, { operation, method: 'POST', path: '/api/v1/Agents/Batch/StartBatchJob', body: { BatchTaskInfo: checkTask(info, ['Name'], operation) }, answer: 'id', agents: true, noResult: [null,0] }, options);
}

/**
 * v1BatchAgent_StopBatchJob, `POST /api/v1/Agents/Batch/StopBatchJob`: Stop a batch job.
 * Sends { Id: id }.
 * An answer of null is a BatchNullResponseError.
 * Never retried.
 */
export async function stopBatchJob(client: AnyBatchClient, id: number, options?: CallOptions): Promise<BatchResult<boolean>> {
  const operation = 'v1BatchAgent_StopBatchJob';
  return call(client, { operation, method: 'POST', path: '/api/v1/Agents/Batch/StopBatchJob', body: { Id: checkInt(id, 'id', operation) }, answer: 'boolean', agents: true, noResult: [null] }, options);
}

/**
 * v1BatchAgent_DeleteBatchTask, `POST /api/v1/Agents/Batch/DeleteBatchTask`: Delete a batch task.
 * Sends { BatchTaskId: id }.
 * Never retried.
 */
export async function deleteBatchTask(client: AnyBatchClient, id: number, options?: CallOptions): Promise<BatchResult<undefined>> {
  const operation = 'v1BatchAgent_DeleteBatchTask';
  return call(client, { operation, method: 'POST', path: '/api/v1/Agents/Batch/DeleteBatchTask', body: { BatchTaskId: checkInt(id, 'id', operation) }, answer: 'none' }, options);
}

/**
 * v1BatchAgent_DeleteBatchTasks, `POST /api/v1/Agents/Batch/DeleteBatchTasks`: Delete batch tasks.
 * Sends { BatchTaskIds: ids }.
 * Never retried.
 */
export async function deleteBatchTasks(client: AnyBatchClient, ids: readonly number[], options?: CallOptions): Promise<BatchResult<undefined>> {
  const operation = 'v1BatchAgent_DeleteBatchTasks';
  return call(client, { operation, method: 'POST', path: '/api/v1/Agents/Batch/DeleteBatchTasks', body: { BatchTaskIds: checkIds(ids, 'ids', operation) }, answer: 'none' }, options);
}

/** Every function above as a method, the client given: what createBatchClient().agents is. */
export interface AgentsClient {
  /**
   * v1BatchAgent_GetBatchTaskInfo, `POST /api/v1/Agents/Batch/GetBatchTaskInfo`: Get one batch task by id.
   * Sends { Id: id }.
   * `data` is null when there is no such task (the server's 200 null).
   * A read: retried on failure.
   */
  getBatchTaskInfo<const K extends BatchTaskProperty = BatchTaskProperty>(id: number, options?: SelectOptions<K>): Promise<BatchResult<Selected<K> | null>>;
  /**
   * v1BatchAgent_GetBatchTaskInfosByAssociates, `POST /api/v1/Agents/Batch/GetBatchTaskInfosByAssociates`: Get the batch tasks of some associates.
   * Sends { AssociateIds: associateIds }.
   * An answer of null is a BatchNullResponseError.
   * A read: retried on failure.
   */
  getBatchTaskInfosByAssociates<const K extends BatchTaskProperty = BatchTaskProperty>(associateIds: readonly number[], options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>>;
  /**
   * v1BatchAgent_GetBatchTaskInfosByAssociatesAndState, `POST /api/v1/Agents/Batch/GetBatchTaskInfosByAssociatesAndState`: Get the batch tasks of some associates in a state.
   * Sends { AssociateIds: associateIds, State: state }.
   * An answer of null is a BatchNullResponseError.
   * A read: retried on failure.
   */
  getBatchTaskInfosByAssociatesAndState<const K extends BatchTaskProperty = BatchTaskProperty>(associateIds: readonly number[], state: BatchTaskState, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>>;
  /**
   * v1BatchAgent_GetBatchTaskInfosByNameAndAssociates, `POST /api/v1/Agents/Batch/GetBatchTaskInfosByNameAndAssociates`: Get the batch tasks of some associates by name.
   * Sends { Name: name, AssociateIds: associateIds }.
   * An answer of null is a BatchNullResponseError.
   * A read: retried on failure.
   */
  getBatchTaskInfosByNameAndAssociates<const K extends BatchTaskProperty = BatchTaskProperty>(name: string, associateIds: readonly number[], options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>>;
  /**
   * v1BatchAgent_GetBatchTaskInfosByNameAndState, `POST /api/v1/Agents/Batch/GetBatchTaskInfosByNameAndState`: Get the caller's batch tasks by name and state.
   * Sends { Name: name, State: state }.
   * An answer of null is a BatchNullResponseError.
   * A read: retried on failure.
   */
  getBatchTaskInfosByNameAndState<const K extends BatchTaskProperty = BatchTaskProperty>(name: string, state: BatchTaskState, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>>;
  /**
   * v1BatchAgent_GetBatchTaskInfosByState, `POST /api/v1/Agents/Batch/GetBatchTaskInfosByState`: Get the caller's batch tasks in a state.
   * Sends { State: state }.
   * An answer of null is a BatchNullResponseError.
   * A read: retried on failure.
   */
  getBatchTaskInfosByState<const K extends BatchTaskProperty = BatchTaskProperty>(state: BatchTaskState, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>>;
  /**
   * v1BatchAgent_GetAllBatchTaskInfosByName, `POST /api/v1/Agents/Batch/GetAllBatchTaskInfosByName`: Get everyone's batch tasks by name.
   * Sends { TaskName: taskName }.
   * An answer of null is a BatchNullResponseError.
   * A read: retried on failure.
   */
  getAllBatchTaskInfosByName<const K extends BatchTaskProperty = BatchTaskProperty>(taskName: string, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>>;
  /**
   * v1BatchAgent_GetAllBatchTaskInfosByNameAndState, `POST /api/v1/Agents/Batch/GetAllBatchTaskInfosByNameAndState`: Get everyone's batch tasks by name and state.
   * Sends { TaskName: taskName, State: state }.
   * An answer of null is a BatchNullResponseError.
   * A read: retried on failure.
   */
  getAllBatchTaskInfosByNameAndState<const K extends BatchTaskProperty = BatchTaskProperty>(taskName: string, state: BatchTaskState, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>>;
  /**
   * v1BatchAgent_GetSystemBatchTaskInfosByName, `POST /api/v1/Agents/Batch/GetSystemBatchTaskInfosByName`: Get the system batch tasks by name.
   * Sends { TaskName: taskName }.
   * An answer of null is a BatchNullResponseError.
   * A read: retried on failure.
   */
  getSystemBatchTaskInfosByName<const K extends BatchTaskProperty = BatchTaskProperty>(taskName: string, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>>;
  /**
   * v1BatchAgent_GetSystemBatchTaskInfosByNameAndState, `POST /api/v1/Agents/Batch/GetSystemBatchTaskInfosByNameAndState`: Get the system batch tasks by name and state.
   * Sends { TaskName: taskName, State: state }.
   * An answer of null is a BatchNullResponseError.
   * A read: retried on failure.
   */
  getSystemBatchTaskInfosByNameAndState<const K extends BatchTaskProperty = BatchTaskProperty>(taskName: string, state: BatchTaskState, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>>;
  /**
   * v1BatchAgent_UpdateBatchTask, `POST /api/v1/Agents/Batch/UpdateBatchTask`: Update a batch task.
   * Sends { BatchTaskInfo: info }.
   * An answer of null is a BatchNullResponseError.
   * Never retried.
   */
  updateBatchTask<const K extends BatchTaskProperty = BatchTaskProperty>(info: BatchTaskInfoInput & { Id: number }, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>>>;
  /**
   * v1BatchAgent_StartBatchJob, `POST /api/v1/Agents/Batch/StartBatchJob`: Start a batch job.
   * Sends { BatchTaskInfo: info }.
   * An answer of null or 0 is a BatchNullResponseError.
   * Never retried.
   */
  startBatchJob(info: BatchTaskInfoInput & { Name: string }, options?: CallOptions): Promise<BatchResult<number>>;
  /**
   * v1BatchAgent_StopBatchJob, `POST /api/v1/Agents/Batch/StopBatchJob`: Stop a batch job.
   * Sends { Id: id }.
   * An answer of null is a BatchNullResponseError.
   * Never retried.
   */
  stopBatchJob(id: number, options?: CallOptions): Promise<BatchResult<boolean>>;
  /**
   * v1BatchAgent_DeleteBatchTask, `POST /api/v1/Agents/Batch/DeleteBatchTask`: Delete a batch task.
   * Sends { BatchTaskId: id }.
   * Never retried.
   */
  deleteBatchTask(id: number, options?: CallOptions): Promise<BatchResult<undefined>>;
  /**
   * v1BatchAgent_DeleteBatchTasks, `POST /api/v1/Agents/Batch/DeleteBatchTasks`: Delete batch tasks.
   * Sends { BatchTaskIds: ids }.
   * Never retried.
   */
  deleteBatchTasks(ids: readonly number[], options?: CallOptions): Promise<BatchResult<undefined>>;
}
