// Generated from spec/openapi.yaml (its bundle, spec/dist/openapi.json) by `pnpm generate` (scripts/functions.ts).
// Do not edit: change the spec and regenerate.
// The REST calls (`/api/v1/BatchTask...`), a function per operation. Each takes the client from
// createBatchCore() (or createBatchClient()). Import only those you call: a bundler leaves the others out.
import { call, type AnyBatchClient, type BatchResult, type CallOptions, type Query } from '../core.ts';
import { checkInt, checkState, checkTask, checkQuery } from '../checks.ts';
import type { BatchTaskInfoInput, BatchTaskState, FullBatchTaskInfo, ODataSlimResponse } from '../types.ts';

/**
 * v1Batch_GetAll, `GET /api/v1/BatchTask`: List batch tasks (OData).
 * A read: retried on failure.
 */
export async function getAll(client: AnyBatchClient, query: Query<'v1Batch_GetAll'> = {}, options?: CallOptions): Promise<BatchResult<ODataSlimResponse>> {
  const operation = 'v1Batch_GetAll';
  return call(client, { operation, method: 'GET', path: '/api/v1/BatchTask', read: true, query: checkQuery(query, operation), answer: 'page' }, options);
}

/**
 * v1Batch_StartBatchJob, `POST /api/v1/BatchTask`: Start a batch job.
 * Never retried.
 */
export async function startBatchJob(client: AnyBatchClient, info: BatchTaskInfoInput & { Name: string }, options?: CallOptions): Promise<BatchResult<number>> {
  const operation = 'v1Batch_StartBatchJob';
  return call(client, { operation, method: 'POST', path: '/api/v1/BatchTask', body: checkTask(info, ['Name'], operation), answer: 'id' }, options);
}

/**
 * v1Batch_GetBatchTaskInfo, `GET /api/v1/BatchTask/{idOrState}`: Get one batch task by id.
 * A read: retried on failure.
 */
export async function getBatchTaskInfo(client: AnyBatchClient, id: number, options?: CallOptions): Promise<BatchResult<FullBatchTaskInfo>> {
  const operation = 'v1Batch_GetBatchTaskInfo';
  return call(client, { operation, method: 'GET', path: '/api/v1/BatchTask/{idOrState}', read: true, params: { idOrState: checkInt(id, 'id', operation) }, answer: 'task' }, options);
}

/**
 * v1Batch_GetBatchTaskInfosByState, `GET /api/v1/BatchTask/{idOrState}`: Get the caller's batch tasks in a state.
 * A read: retried on failure.
 */
export async function getBatchTaskInfosByState(client: AnyBatchClient, state: BatchTaskState, options?: CallOptions): Promise<BatchResult<FullBatchTaskInfo[]>> {
  const operation = 'v1Batch_GetBatchTaskInfosByState';
  return call(client, { operation, method: 'GET', path: '/api/v1/BatchTask/{idOrState}', read: true, params: { idOrState: checkState(state, 'state', operation) }, answer: 'tasks' }, options);
}

/**
 * v1Batch_UpdateBatchTask, `PUT /api/v1/BatchTask/{idOrState}`: Update a batch task.
 * Never retried.
 */
export async function updateBatchTask(client: AnyBatchClient, id: number, info: BatchTaskInfoInput, options?: CallOptions): Promise<BatchResult<FullBatchTaskInfo>> {
  const operation = 'v1Batch_UpdateBatchTask';
  return call(client, { operation, method: 'PUT', path: '/api/v1/BatchTask/{idOrState}', params: { idOrState: checkInt(id, 'id', operation) }, body: checkTask(info, [], operation), answer: 'task' }, options);
}

/**
 * v1Batch_DeleteBatchTask, `DELETE /api/v1/BatchTask/{idOrState}`: Delete a batch task.
 * Never retried.
 */
export async function deleteBatchTask(client: AnyBatchClient, id: number, options?: CallOptions): Promise<BatchResult<undefined>> {
  const operation = 'v1Batch_DeleteBatchTask';
  return call(client, { operation, method: 'DELETE', path: '/api/v1/BatchTask/{idOrState}', params: { idOrState: checkInt(id, 'id', operation) }, answer: 'none' }, options);
}

/**
 * v1Batch_StopBatchJob, `POST /api/v1/BatchTask/{id}/Stop`: Stop a batch job.
 * Never retried.
 */
export async function stopBatchJob(client: AnyBatchClient, id: number, options?: CallOptions): Promise<BatchResult<boolean>> {
  const operation = 'v1Batch_StopBatchJob';
  return call(client, { operation, method: 'POST', path: '/api/v1/BatchTask/{id}/Stop', params: { id: checkInt(id, 'id', operation) }, answer: 'boolean' }, options);
}

/** Every function above as a method, the client given: what createBatchClient().rest is. */
export interface RestClient {
  /**
   * v1Batch_GetAll, `GET /api/v1/BatchTask`: List batch tasks (OData).
   * A read: retried on failure.
   */
  getAll(query?: Query<'v1Batch_GetAll'>, options?: CallOptions): Promise<BatchResult<ODataSlimResponse>>;
  /**
   * v1Batch_StartBatchJob, `POST /api/v1/BatchTask`: Start a batch job.
   * Never retried.
   */
  startBatchJob(info: BatchTaskInfoInput & { Name: string }, options?: CallOptions): Promise<BatchResult<number>>;
  /**
   * v1Batch_GetBatchTaskInfo, `GET /api/v1/BatchTask/{idOrState}`: Get one batch task by id.
   * A read: retried on failure.
   */
  getBatchTaskInfo(id: number, options?: CallOptions): Promise<BatchResult<FullBatchTaskInfo>>;
  /**
   * v1Batch_GetBatchTaskInfosByState, `GET /api/v1/BatchTask/{idOrState}`: Get the caller's batch tasks in a state.
   * A read: retried on failure.
   */
  getBatchTaskInfosByState(state: BatchTaskState, options?: CallOptions): Promise<BatchResult<FullBatchTaskInfo[]>>;
  /**
   * v1Batch_UpdateBatchTask, `PUT /api/v1/BatchTask/{idOrState}`: Update a batch task.
   * Never retried.
   */
  updateBatchTask(id: number, info: BatchTaskInfoInput, options?: CallOptions): Promise<BatchResult<FullBatchTaskInfo>>;
  /**
   * v1Batch_DeleteBatchTask, `DELETE /api/v1/BatchTask/{idOrState}`: Delete a batch task.
   * Never retried.
   */
  deleteBatchTask(id: number, options?: CallOptions): Promise<BatchResult<undefined>>;
  /**
   * v1Batch_StopBatchJob, `POST /api/v1/BatchTask/{id}/Stop`: Stop a batch job.
   * Never retried.
   */
  stopBatchJob(id: number, options?: CallOptions): Promise<BatchResult<boolean>>;
}
