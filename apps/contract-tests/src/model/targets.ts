import type { RunningMock } from '@so-batch/mock';
import { realServerEnvironment } from '../target.ts';
import type { ModelHttp, ModelTarget } from './http.ts';
import { BatchModel, REAL_STATES, type ModelTask } from './model.ts';
import type { ModelRunOptions } from './run.ts';

// The two targets of the model run: the mock (its store read directly, so the model is exact)
// and a real installation (the environment of the real-server contract run; the model knows
// only what its own sequence did there).

/** The mock's caller: Basic tje0 is associate 195 (packages/mock/src/credentials.ts). */
const MOCK_CALLER = 195;
const MOCK_LOGIN = 'tje0:Tje0';
/** Jobs a sequence starts on the mock: one the seed has, and names in other casings. */
export const MOCK_JOB_NAMES = ['ModelJob', 'modeljob', 'ExportJob', 'Model Job'];
/** How long a job started on the mock runs: longer than any sequence, so it runs throughout. */
export const MOCK_TASK_RUN_MS = 3_600_000;

export function mockModelOptions(mock: RunningMock): Omit<ModelRunOptions, 'seed' | 'numRuns'> {
  const target: ModelTarget = {
    kind: 'mock',
    baseUrl: mock.url,
    headers: { authorization: `Basic ${Buffer.from(MOCK_LOGIN).toString('base64')}` },
    curlCredentials: ['-u', MOCK_LOGIN],
    curlBase: `BASE=http://127.0.0.1:4010  # a fresh mock with the model run's tasks: pnpm --filter @so-batch/contract-tests exec node src/model/serve.ts`,
  };
  return {
    target,
    writes: true,
    jobNames: MOCK_JOB_NAMES,
    prepare: async (_http, handedOut) => {
      mock.reset();
      return BatchModel.ofStore(mock.tasks(), { caller: MOCK_CALLER, handedOut, writes: true });
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
