// createBatchClient: every operation as a method, for whoever wants them all, and `raw`, the
// openapi-fetch client underneath. The methods are the generated functions (agents.gen.ts,
// rest.gen.ts) with this client given; an app that wants one call imports that function alone.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { directSend, queryOf, registerCore, type BatchClientOptions, type BatchResult, type CoreState, type Send } from './core.ts';
import * as agentFunctions from './generated/agents.gen.ts';
import type { AgentsClient } from './generated/agents.gen.ts';
import * as restFunctions from './generated/rest.gen.ts';
import type { RestClient } from './generated/rest.gen.ts';
import type { paths } from './generated/schema.gen.ts';
import { BatchResponseTooLargeError } from './errors.ts';
import { freshToken, TokenProblem } from './token.ts';
import { guardedFetch } from './transport.ts';
import { waitForBatchTask, type FinishedBatchTask, type WaitFailure, type WaitOptions } from './wait.ts';

export interface BatchClient {
  /** Every Agents call. */
  readonly agents: AgentsClient;
  /** Every REST call. */
  readonly rest: RestClient;
  /** = agents.getBatchTaskInfo. */
  getBatchTaskInfo: AgentsClient['getBatchTaskInfo'];
  /** = agents.getBatchTaskInfosByAssociates. */
  getBatchTaskInfosByAssociates: AgentsClient['getBatchTaskInfosByAssociates'];
  /** = rest.getBatchTaskInfosByState (GET /api/v1/BatchTask/{state}). */
  getBatchTaskInfosByState: RestClient['getBatchTaskInfosByState'];
  /** = agents.updateBatchTask. */
  updateBatchTask: AgentsClient['updateBatchTask'];
  /** = agents.startBatchJob. */
  startBatchJob: AgentsClient['startBatchJob'];
  /**
   * Polls a task until it is Succeeded, SucceededManualCleanup or Failed; Failed ends in
   * BatchTaskFailedError, `timeoutMs` in BatchWaitTimeoutError, `stallMs` in BatchTaskStalledError.
   */
  waitForBatchTask(id: number, options?: WaitOptions): Promise<BatchResult<FinishedBatchTask, WaitFailure>>;
  /** The openapi-fetch client underneath, with credentials and SO-* headers, for anything in the spec. No retries or timeouts. */
  readonly raw: Client<paths>;
}

type Functions = Record<string, (client: BatchClient, ...args: never[]) => unknown>;

/** Each function as a method of `client`. */
function bind<T>(functions: Functions, client: BatchClient): T {
  const methods: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(functions)) methods[name] = (...args: never[]) => fn(client, ...args);
  return methods as T;
}

/** The openapi-fetch client underneath: the same credentials, headers and transport rules. */
function createRaw(state: CoreState, injected: BatchClientOptions['fetch']): Client<paths> {
  const raw = createClient<paths>({
    baseUrl: state.baseUrl,
    headers: state.headers,
    redirect: 'manual',
    fetch: guardedFetch((request, init) => (injected ? injected(request as Request) : fetch(request as Request, init)), {
      origin: new URL(state.baseUrl).origin,
      maxResponseBytes: state.maxResponseBytes,
      trustContentLength: !injected,
      redact: async (text) => (await import('./failures.ts')).redaction(state).text(text),
      tooLarge: (label, status, limitBytes) => new BatchResponseTooLargeError(label, status, limitBytes),
    }) as (request: Request) => Promise<Response>,
  });
  if (state.token) {
    raw.use({
      async onRequest({ request, schemaPath }) {
        // A per-call Authorization wins (the methods set it themselves), as per-call headers do over the base ones.
        if (request.headers.has('Authorization')) return request;
        try {
          request.headers.set('Authorization', await freshToken(state));
        } catch (problem) {
          if (problem instanceof TokenProblem) throw (await import('./failures.ts')).credentialsError(state, `${request.method} ${schemaPath}`, problem);
          throw problem;
        }
        return request;
      },
    });
  }
  return raw;
}

type RawRequest = (method: string, path: string, init: Record<string, unknown>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export function createBatchClient(options: BatchClientOptions): BatchClient {
  let raw!: Client<paths>;
  let throughRaw = false;
  // Until a caller adds middleware to `raw`, the methods send their requests themselves (core.ts);
  // from then on they go through `raw`, so that the middleware applies to them too.
  const send = (state: CoreState): Send => {
    raw = createRaw(state, options.fetch);
    const direct = directSend(state, options.fetch);
    return (request, init) => {
      if (!throughRaw) return direct(request, init);
      return (raw.request as RawRequest)(request.method, request.path, { params: { path: request.params, query: queryOf(request) }, body: request.body, headers: init.headers, signal: init.signal });
    };
  };
  const client = registerCore({} as BatchClient, options, 'createBatchClient', send);
  const use = raw.use.bind(raw);
  raw.use = (...middleware: Middleware[]) => {
    throughRaw = true;
    use(...middleware);
  };
  const agents = bind<AgentsClient>(agentFunctions as unknown as Functions, client);
  const rest = bind<RestClient>(restFunctions as unknown as Functions, client);
  return Object.assign(client, {
    raw,
    agents,
    rest,
    getBatchTaskInfo: agents.getBatchTaskInfo,
    getBatchTaskInfosByAssociates: agents.getBatchTaskInfosByAssociates,
    getBatchTaskInfosByState: rest.getBatchTaskInfosByState,
    updateBatchTask: agents.updateBatchTask,
    startBatchJob: agents.startBatchJob,
    waitForBatchTask: (id: number, waitOptions?: WaitOptions) => waitForBatchTask(client, id, waitOptions),
  });
}
