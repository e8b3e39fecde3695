import { formatArchiveQuery, ODataQueryError, parseArchiveQuery, queryBatchTasks } from './odata.ts';
import { StoreProblem, type StateFilter, type TaskFilter, type TaskStore } from './store.ts';

// Each operation's answer from the store, with the semantics of its reference page. Prism has
// validated the request before any of this runs, so the shapes are the spec's.

export interface StoreRequest {
  operationId: string;
  /** The request body in the spec's spelling. */
  body: unknown;
  /** The path's values, in order (placeholders already replaced). */
  pathValues: string[];
  /** The associate the credentials name. */
  caller: number;
  /** The query string, names in the spec's spelling. */
  query: URLSearchParams;
  /** Where the request came in, such as http://127.0.0.1:4010: odata.nextLink points there. */
  origin: string;
}

export interface StoreAnswer {
  status: number;
  /** undefined for a 204. */
  value: unknown;
}

type Body = Record<string, unknown>;
const asBody = (value: unknown): Body => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : {});
const ok = (value: unknown): StoreAnswer => ({ status: 200, value });
const NO_CONTENT: StoreAnswer = { status: 204, value: undefined };

function notFound(id: unknown): StoreProblem {
  return new StoreProblem(404, 'NotFound', `Batch task ${String(id)} does not exist.`);
}

/** The Agents list calls: which tasks each one's page describes. */
const AGENT_LISTS: Record<string, (body: Body, caller: number) => TaskFilter> = {
  v1BatchAgent_GetBatchTaskInfosByAssociates: (b) => ({ associateIds: b.AssociateIds as number[] }),
  v1BatchAgent_GetBatchTaskInfosByAssociatesAndState: (b) => ({ associateIds: b.AssociateIds as number[], state: b.State as StateFilter }),
  v1BatchAgent_GetBatchTaskInfosByNameAndAssociates: (b) => ({ name: b.Name as string, associateIds: b.AssociateIds as number[] }),
  v1BatchAgent_GetBatchTaskInfosByNameAndState: (b, caller) => ({ name: b.Name as string, state: b.State as StateFilter, associateIds: [caller] }),
  v1BatchAgent_GetBatchTaskInfosByState: (b, caller) => ({ state: b.State as StateFilter, associateIds: [caller] }),
  v1BatchAgent_GetAllBatchTaskInfosByName: (b) => ({ name: b.TaskName as string }),
  v1BatchAgent_GetAllBatchTaskInfosByNameAndState: (b) => ({ name: b.TaskName as string, state: b.State as StateFilter }),
  v1BatchAgent_GetSystemBatchTaskInfosByName: (b) => ({ name: b.TaskName as string, system: true }),
  v1BatchAgent_GetSystemBatchTaskInfosByNameAndState: (b) => ({ name: b.TaskName as string, state: b.State as StateFilter, system: true }),
};

/** The BatchTasks archive over the store: one page of rows, or a 400 naming where the query is wrong. */
function archivePage(store: TaskStore, request: StoreRequest): StoreAnswer {
  const entities = request.query.get('$entities');
  if (entities !== null && entities.toLowerCase() !== 'batchtask') {
    throw new StoreProblem(400, 'BadRequest', `$entities: the BatchTasks archive has only the entity "batchtask", not "${entities.slice(0, 100)}".`);
  }
  try {
    const query = parseArchiveQuery(request.query);
    return ok(
      queryBatchTasks(store.all(), query, {
        currentAssociateId: request.caller,
        now: new Date(store.now()),
        nextLink: (next) => `${request.origin}/api/v1/BatchTask?${formatArchiveQuery(next)}`,
      }, store.archivePageSize === undefined ? {} : { pageSize: store.archivePageSize }),
    );
  } catch (error) {
    if (error instanceof ODataQueryError) throw new StoreProblem(400, 'BadRequest', `The OData query cannot be read: ${error.message}.`);
    throw error;
  }
}

/** The answer for `request`, or undefined for an operation the store does not know. */
export function answerFromStore(store: TaskStore, request: StoreRequest): StoreAnswer | undefined {
  const body = asBody(request.body);
  const pathValue = request.pathValues[0];
  const pathId = pathValue !== undefined && /^-?\d+$/.test(pathValue) ? Number(pathValue) : undefined;
  const list = AGENT_LISTS[request.operationId];
  if (list) return ok(store.list(list(body, request.caller)));

  switch (request.operationId) {
    case 'v1BatchAgent_GetBatchTaskInfo':
      return ok(store.get(body.Id));
    case 'v1BatchAgent_StartBatchJob':
      // A null BatchTaskInfo, or a name that names no job: the page's 200 null.
      return ok(body.BatchTaskInfo ? (store.start(asBody(body.BatchTaskInfo), request.caller) ?? null) : null);
    case 'v1BatchAgent_UpdateBatchTask': {
      const info = asBody(body.BatchTaskInfo);
      return ok(store.update(info.Id, info));
    }
    case 'v1BatchAgent_StopBatchJob':
      return ok(store.stop(body.Id) ?? false);
    case 'v1BatchAgent_DeleteBatchTask':
      store.delete(body.BatchTaskId);
      return NO_CONTENT;
    case 'v1BatchAgent_DeleteBatchTasks':
      for (const id of Array.isArray(body.BatchTaskIds) ? body.BatchTaskIds : []) store.delete(id);
      return NO_CONTENT;

    case 'v1Batch_GetAll':
      return archivePage(store, request);
    // One path item serves GET /BatchTask/{id} and GET /BatchTask/{state}: the value tells them apart.
    case 'v1Batch_GetBatchTaskInfosByState': {
      if (pathId === undefined) return ok(store.list({ state: pathValue as StateFilter, associateIds: [request.caller] }));
      const task = store.get(pathId);
      if (!task) throw notFound(pathId);
      return ok(task);
    }
    case 'v1Batch_StartBatchJob': {
      const id = store.start(body, request.caller);
      if (id === undefined) throw new StoreProblem(400, 'BadRequest', 'Name names no batch job: send the name of the job to start.');
      return ok(id);
    }
    case 'v1Batch_UpdateBatchTask': {
      const task = store.update(pathId, body);
      if (!task) throw notFound(pathValue);
      return ok(task);
    }
    case 'v1Batch_DeleteBatchTask':
      if (!store.delete(pathId)) throw notFound(pathValue);
      return NO_CONTENT;
    case 'v1Batch_StopBatchJob': {
      const stopped = store.stop(pathId);
      // The page's 400 is "an id the server cannot use": it declares no 404.
      if (stopped === null) throw new StoreProblem(400, 'BadRequest', `Batch task ${pathValue ?? ''} does not exist, so it cannot be stopped.`);
      return ok(stopped);
    }
    default:
      return undefined;
  }
}
