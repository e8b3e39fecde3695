import type { MockOptions, RunningMock } from '@so-batch/mock';
import { realServerEnvironment } from '../target.ts';
import { MODEL_FIXTURES } from './fixtures.ts';
import type { ModelHttp, ModelTarget } from './http.ts';
import { BatchModel, REAL_STATES, type ModelTask } from './model.ts';
import type { ModelRunOptions } from './run.ts';

// The two targets of the model run: the mock (its store read directly, so the model is exact)
// and a real installation (the environment of the real-server contract run; the model knows
// only what its own sequence did there).

/** The mock's caller: Basic tje0 is associate 195 (packages/mock/src/credentials.ts). */
const MOCK_CALLER = 195;
const MOCK_LOGIN = 'tje0:Tje0';
/** Jobs a sequence starts on the mock: one the seed has, names in other casings, one that fails by its name. */
export const MOCK_JOB_NAMES = ['ModelJob', 'modeljob', 'ExportJob', 'Model Job', 'FailingJob'];
/** How long a job without a definition runs on the mock: ten minutes of its manual clock. */
export const MOCK_TASK_RUN_MS = 600_000;
/** The archive's page on the mock: small, so that GetAll crosses pages (64 fixtures are 13 pages). */
export const MOCK_ARCHIVE_PAGE_SIZE = 5;

/**
 * How the model-based run starts the mock (the test, and serve.ts for the curl lines): its
 * fixtures, a manual clock (time passes only by the run's AdvanceClock, never by the wall
 * clock, so a busy machine changes nothing), ten-minute jobs and pages of 5.
 */
export const MOCK_MODEL_START: MockOptions = {
  clock: 'manual',
  taskRunMs: MOCK_TASK_RUN_MS,
  tasks: MODEL_FIXTURES,
  archivePageSize: MOCK_ARCHIVE_PAGE_SIZE,
};

export function mockModelOptions(mock: RunningMock): Omit<ModelRunOptions, 'seed' | 'numRuns'> {
  if (mock.clock.mode !== 'manual') throw new TypeError("mockModelOptions: the model needs the mock on a manual clock, to know every job's state: start it with startMock(MOCK_MODEL_START).");
  const target: ModelTarget = {
    kind: 'mock',
    baseUrl: mock.url,
    headers: { authorization: `Basic ${Buffer.from(MOCK_LOGIN).toString('base64')}` },
    curlCredentials: ['-u', MOCK_LOGIN],
    curlBase: `BASE=http://127.0.0.1:4010  # a fresh mock with the model run's tasks: pnpm --filter @so-batch/contract-tests exec node src/model/serve.ts`,
    // Its clock, job definitions and faults are steered over its control API, as the curl lines replay them.
    sandbox: true,
  };
  return {
    target,
    writes: true,
    jobNames: MOCK_JOB_NAMES,
    prepare: async (_http, handedOut) => {
      // Back to the fixtures and no job definitions; the clock goes on from where it is.
      mock.reset();
      return BatchModel.ofStore(mock.tasks(), { caller: MOCK_CALLER, handedOut, writes: true, clock: mock.clock.now(), taskRunMs: MOCK_TASK_RUN_MS, jobNames: MOCK_JOB_NAMES });
    },
  };
}

/** Rows read at most from a real archive to learn its ids, names and owners. */
const SETUP_PAGES = 5;

/** The model run against the installation SO_CONTRACT_BASE_URL names; undefined when it names none. */
export function realModelOptions(env: NodeJS.ProcessEnv = process.env): Omit<ModelRunOptions, 'seed' | 'numRuns'> | undefined {
  const real = realServerEnvironment();
  if (!real) return undefined;
  // One credential, the one the client would use; the curl lines name it only as a variable.
  const scheme = real.clientAuth.scheme;
  const credential = scheme === 'XSRF' ? real.credentials.XSRF : real.credentials[scheme];
  const headers: Record<string, string> = { ...credential, ...(real.appToken ? { 'SO-AppToken': real.appToken } : {}) };
  const curlCredentials = [
    ...(scheme === 'XSRF' ? ['-H', '"X-XSRF-TOKEN: $SO_XSRF_TOKEN"'] : ['-H', '"Authorization: $SO_AUTH"']),
    ...(real.appToken ? ['-H', '"SO-AppToken: $SO_APP_TOKEN"'] : []),
  ];
  const target: ModelTarget = {
    kind: 'real',
    baseUrl: real.upstream,
    headers,
    curlCredentials,
    curlBase: `BASE='${real.upstream.replaceAll("'", '')}'`,
  };
  const jobNames = (env.SO_MODEL_JOB_NAMES ?? 'ExportJob').split(',').map((name) => name.trim()).filter(Boolean);
  let seen: { ids: number[]; names: string[]; associates: number[] } | undefined;

  /** What the installation has: read once, from the archive's first pages. */
  async function survey(http: ModelHttp) {
    const ids: number[] = [];
    const names: string[] = [];
    const associates: number[] = [];
    let path: string | undefined = '/api/v1/BatchTask?%24select=batchTaskId%2Cname%2CassociateId&%24orderBy=batchTaskId+desc';
    for (let page = 0; path && page < SETUP_PAGES; page++) {
      const answer = await http.send('GET', path, undefined, { setup: true });
      if (answer.status !== 200) throw new Error(`Reading the installation's tasks (GET /api/v1/BatchTask) answered ${answer.status}: check SO_CONTRACT_BASE_URL and the credentials.`);
      const body = answer.body as { value?: Array<Record<string, unknown>>; 'odata.nextLink'?: string };
      for (const row of body.value ?? []) {
        if (typeof row.PrimaryKey === 'number') ids.push(row.PrimaryKey);
        if (typeof row.name === 'string') names.push(row.name);
        if (typeof row.associateId === 'number') associates.push(row.associateId);
      }
      const next = body['odata.nextLink'];
      path = typeof next === 'string' ? (() => { const url = new URL(next, real!.upstream); return `${url.pathname.replace(/^.*(\/api\/v1\/)/i, '$1')}${url.search}`; })() : undefined;
    }
    return { ids, names, associates };
  }

  return {
    target,
    writes: real.writes,
    jobNames,
    prepare: async (http, handedOut) => {
      seen ??= await survey(http);
      // Other people's tasks: the model knows their ids, nothing it could rely on about the rest.
      const tasks: ModelTask[] = seen.ids.map((id) => ({ Id: id, known: {}, states: REAL_STATES, cancellable: undefined, mine: false }));
      return new BatchModel({
        exact: false,
        writes: real.writes,
        caller: undefined,
        tasks,
        handedOut,
        neverId: undefined,
        startedStates: REAL_STATES,
        names: [...seen.names, ...jobNames],
        associates: seen.associates,
      });
    },
    // What a sequence started, it deletes: the installation keeps no trace of the run.
    cleanUp: async (model, http) => {
      const mine = model.liveIds(true);
      if (mine.length > 0) await http.send('POST', '/api/v1/Agents/Batch/DeleteBatchTasks', { BatchTaskIds: mine }, { setup: true });
    },
  };
}
