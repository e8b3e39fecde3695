import createClient, { type Client } from 'openapi-fetch';
import {
  BatchAbortError,
  BatchCredentialsError,
  BatchError,
  BatchHttpError,
  BatchNetworkError,
  BatchNullResponseError,
  BatchRedirectError,
  BatchRequestInvalidError,
  BatchResponseTooLargeError,
  BatchTaskFailedError,
  BatchTaskNotFoundError,
  BatchTimeoutError,
  BatchUnexpectedBodyError,
  type BatchFailure,
} from './errors.ts';
import type { operations, paths } from './generated/schema.gen.ts';
import {
  BatchClientOptionsError,
  credentialHeaders,
  DEFAULT_TIMEOUT_MS,
  headerValueProblem,
  normalizeBaseUrl,
  optionalHeader,
  validateAuth,
  validateMaxResponseBytes,
  validateRetry,
  validateTimeout,
  type BatchAuth,
  type RetryPolicy,
} from './options.ts';
import { fetchLite, LiteRequest } from './lite-request.ts';
import type { Redactor } from './secrets.ts';
import { DEFAULT_MAX_RESPONSE_BYTES, guardedFetch } from './transport.ts';
import {
  BATCH_TASK_STATES,
  FINAL_STATES,
  type BatchTaskInfo,
  type BatchTaskInfoInput,
  type BatchTaskProperty,
  type BatchTaskState,
  type ErrorBody,
  type FinalBatchTaskState,
  type ODataSlimResponse,
  type Selected,
} from './types.ts';

export interface BatchClientOptions {
  /**
   * The installation's address, such as `https://online.superoffice.com/Cust12345` (Online) or
   * `https://crm.example.com/SuperOffice` (Onsite). A trailing `/api` or `/api/v1` is accepted.
   */
  baseUrl: string;
  auth: BatchAuth;
  /** Sent as SO-AppToken: the application token Online requires with SOTicket. */
  appToken?: string | undefined;
  /** Sent as SO-Language: translate strings into this language (ISO 639-1). */
  language?: string | undefined;
  /** Sent as SO-Culture: number and date formatting culture. */
  culture?: string | undefined;
  /** Sent as SO-TimeZone: a zone id or code, optionally with ", includeTZOffset". */
  timeZone?: string | undefined;
  /** The fetch to use (default: globalThis.fetch). */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Per-attempt time limit (default 30 s). */
  timeoutMs?: number | undefined;
  /**
   * The largest answer body the client reads, in bytes (default 16 MiB; `Infinity` for no limit).
   * Past it the call fails with BatchResponseTooLargeError and the rest of the body is not read.
   */
  maxResponseBytes?: number | undefined;
  /** Retries for reads; `false` for none. Writes (StartBatchJob, UpdateBatchTask) are never retried. */
  retry?: Partial<RetryPolicy> | false | undefined;
  /** Called before each retry: what failed, and how long the client waits. */
  onRetry?: ((retry: { operation: string; attempt: number; delayMs: number; error: BatchFailure }) => void) | undefined;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
  /** This call's per-attempt time limit, instead of the client's. */
  timeoutMs?: number | undefined;
  /** Extra request headers for this call. */
  headers?: Record<string, string> | undefined;
}

export interface SelectOptions<K extends BatchTaskProperty> extends CallOptions {
  /** Fill in only these properties; every other one comes back null (`$select`). */
  select?: readonly K[] | undefined;
}

/** What every call resolves to: `data`, or an `error` to narrow by `kind`. `response` is there when the server answered. */
export type BatchResult<T> = { data: T; error?: never; response?: Response } | { data?: never; error: BatchFailure; response?: Response };

/** A task waitForBatchTask resolves with: it ended well (a Failed one is a BatchTaskFailedError). */
export type FinishedBatchTask = BatchTaskInfo & { State: Exclude<FinalBatchTaskState, 'Failed'> };

export interface WaitOptions extends CallOptions {
  /** Time between polls (default 1000 ms). */
  intervalMs?: number | undefined;
  /** Called with the task whenever its state, ProgressPercent or ProgressDescription changes (and on the first poll). */
  onProgress?: ((task: BatchTaskInfo) => void) | undefined;
}

type Answer<K extends BatchTaskProperty> = Promise<BatchResult<Selected<K>[]>>;
type AgentListOperation =
  | 'GetBatchTaskInfosByAssociates'
  | 'GetBatchTaskInfosByAssociatesAndState'
  | 'GetBatchTaskInfosByNameAndAssociates'
  | 'GetBatchTaskInfosByNameAndState'
  | 'GetBatchTaskInfosByState'
  | 'GetAllBatchTaskInfosByName'
  | 'GetAllBatchTaskInfosByNameAndState'
  | 'GetSystemBatchTaskInfosByName'
  | 'GetSystemBatchTaskInfosByNameAndState';
type RawPost = (path: string, init: Record<string, unknown>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** The fifteen Agents calls (`POST /api/v1/Agents/Batch/*`), named after their operations. */
export interface AgentsClient {
  /** v1BatchAgent_GetBatchTaskInfo. `data` is null when there is no such task (the server's 200 null). */
  getBatchTaskInfo<const K extends BatchTaskProperty = BatchTaskProperty>(id: number, options?: SelectOptions<K>): Promise<BatchResult<Selected<K> | null>>;
  /** v1BatchAgent_GetBatchTaskInfosByAssociates: the tasks these associates own. */
  getBatchTaskInfosByAssociates<const K extends BatchTaskProperty = BatchTaskProperty>(associateIds: readonly number[], options?: SelectOptions<K>): Answer<K>;
  /** v1BatchAgent_GetBatchTaskInfosByAssociatesAndState. */
  getBatchTaskInfosByAssociatesAndState<const K extends BatchTaskProperty = BatchTaskProperty>(associateIds: readonly number[], state: BatchTaskState, options?: SelectOptions<K>): Answer<K>;
  /** v1BatchAgent_GetBatchTaskInfosByNameAndAssociates (sent as `Name`). */
  getBatchTaskInfosByNameAndAssociates<const K extends BatchTaskProperty = BatchTaskProperty>(name: string, associateIds: readonly number[], options?: SelectOptions<K>): Answer<K>;
  /** v1BatchAgent_GetBatchTaskInfosByNameAndState (sent as `Name`): the caller's tasks. */
  getBatchTaskInfosByNameAndState<const K extends BatchTaskProperty = BatchTaskProperty>(name: string, state: BatchTaskState, options?: SelectOptions<K>): Answer<K>;
  /** v1BatchAgent_GetBatchTaskInfosByState: the caller's tasks in a state. */
  getBatchTaskInfosByState<const K extends BatchTaskProperty = BatchTaskProperty>(state: BatchTaskState, options?: SelectOptions<K>): Answer<K>;
  /** v1BatchAgent_GetAllBatchTaskInfosByName (sent as `TaskName`): everyone's tasks and the system's. */
  getAllBatchTaskInfosByName<const K extends BatchTaskProperty = BatchTaskProperty>(taskName: string, options?: SelectOptions<K>): Answer<K>;
  /** v1BatchAgent_GetAllBatchTaskInfosByNameAndState (sent as `TaskName`). */
  getAllBatchTaskInfosByNameAndState<const K extends BatchTaskProperty = BatchTaskProperty>(taskName: string, state: BatchTaskState, options?: SelectOptions<K>): Answer<K>;
  /** v1BatchAgent_GetSystemBatchTaskInfosByName (sent as `TaskName`): the system's tasks. */
  getSystemBatchTaskInfosByName<const K extends BatchTaskProperty = BatchTaskProperty>(taskName: string, options?: SelectOptions<K>): Answer<K>;
  /** v1BatchAgent_GetSystemBatchTaskInfosByNameAndState (sent as `TaskName`). */
  getSystemBatchTaskInfosByNameAndState<const K extends BatchTaskProperty = BatchTaskProperty>(taskName: string, state: BatchTaskState, options?: SelectOptions<K>): Answer<K>;
  /** v1BatchAgent_UpdateBatchTask: only State, Description, Response and Request are updated. Never retried. */
  updateBatchTask<const K extends BatchTaskProperty = BatchTaskProperty>(info: BatchTaskInfoInput & { Id: number }, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>>>;
  /** v1BatchAgent_StartBatchJob: starts the job named by `info.Name`; `data` is the new task's id. Never retried. */
  startBatchJob(info: BatchTaskInfoInput & { Name: string }, options?: CallOptions): Promise<BatchResult<number>>;
  /** v1BatchAgent_StopBatchJob: `data` says whether the job was stopped. Never retried. */
  stopBatchJob(id: number, options?: CallOptions): Promise<BatchResult<boolean>>;
  /** v1BatchAgent_DeleteBatchTask (204). Never retried. */
  deleteBatchTask(id: number, options?: CallOptions): Promise<BatchResult<undefined>>;
  /** v1BatchAgent_DeleteBatchTasks (204). Never retried. */
  deleteBatchTasks(ids: readonly number[], options?: CallOptions): Promise<BatchResult<undefined>>;
}

/** OData options of GET /api/v1/BatchTask, as the spec types them. */
export type ODataQuery = NonNullable<operations['v1Batch_GetAll']['parameters']['query']>;

/** The seven REST calls (`/api/v1/BatchTask...`). Failures are HTTP statuses (BatchHttpError). */
export interface RestClient {
  /** v1Batch_GetAll: one page of the BatchTasks archive; follow `odata.nextLink` for more. */
  getAll(query?: ODataQuery, options?: CallOptions): Promise<BatchResult<ODataSlimResponse>>;
  /** v1Batch_GetBatchTaskInfo, `GET /BatchTask/{id}`: one task; an unknown id is a BatchHttpError 404. */
  getBatchTaskInfo(id: number, options?: CallOptions): Promise<BatchResult<BatchTaskInfo>>;
  /** v1Batch_GetBatchTaskInfosByState, `GET /BatchTask/{state}`: the caller's tasks in a state. */
  getBatchTaskInfosByState(state: BatchTaskState, options?: CallOptions): Promise<BatchResult<BatchTaskInfo[]>>;
  /** v1Batch_StartBatchJob, `POST /BatchTask` with a bare BatchTaskInfo; `data` is the new task id. Never retried. */
  startBatchJob(info: BatchTaskInfoInput & { Name: string }, options?: CallOptions): Promise<BatchResult<number>>;
  /** v1Batch_UpdateBatchTask, `PUT /BatchTask/{id}`. Never retried. */
  updateBatchTask(id: number, info: BatchTaskInfoInput, options?: CallOptions): Promise<BatchResult<BatchTaskInfo>>;
  /** v1Batch_DeleteBatchTask, `DELETE /BatchTask/{id}` (204). Never retried. */
  deleteBatchTask(id: number, options?: CallOptions): Promise<BatchResult<undefined>>;
  /** v1Batch_StopBatchJob, `POST /BatchTask/{id}/Stop`: whether the job was stopped. Never retried. */
  stopBatchJob(id: number, options?: CallOptions): Promise<BatchResult<boolean>>;
}

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
  /** Polls a task until it is Succeeded, SucceededManualCleanup or Failed; Failed ends in BatchTaskFailedError. */
  waitForBatchTask(id: number, options?: WaitOptions): Promise<BatchResult<FinishedBatchTask>>;
  /** The openapi-fetch client underneath, with credentials and SO-* headers, for anything in the spec. No retries or timeouts. */
  readonly raw: Client<paths>;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function asErrorBody(value: unknown): ErrorBody | undefined {
  return value && typeof value === 'object' && 'ErrorMessage' in value ? (value as ErrorBody) : undefined;
}

/**
 * The start of an error body that is not SuperOffice's, for the error's `text`. Generous here: it
 * is cut to 1000 characters only after redaction, so that no credential is cut in two first.
 */
function bodyText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '' || asErrorBody(value)) return undefined;
  return (typeof value === 'string' ? value : JSON.stringify(value)).slice(0, 16_000);
}

/** fetch's own message ("fetch failed") with the reason underneath it (ECONNREFUSED, ENOTFOUND, ...). */
function networkReason(cause: unknown): string {
  const outer = cause instanceof Error ? cause.message : String(cause);
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : undefined;
  const code = (inner as { code?: unknown } | undefined)?.code;
  const detail = inner ? (typeof code === 'string' && !inner.message.includes(code) ? `${code}: ${inner.message}` : inner.message) : undefined;
  return detail && detail !== outer ? `${outer} (${detail})` : outer;
}

/** Thrown inside the request middleware when the credentials cannot be made; becomes a BatchCredentialsError. */
class CredentialsProblem extends Error {}

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CREDENTIAL_HEADERS = new Set(['authorization', 'x-xsrf-token', 'so-apptoken', 'cookie']);

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolveSleep, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolveSleep();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

type RawCall = (init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export function createBatchClient(options: BatchClientOptions): BatchClient {
  if (!options || typeof options !== 'object') throw new BatchClientOptionsError('createBatchClient: options are required ({ baseUrl, auth }).');
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  // The credentials live in this closure only, never on an object a caller could log or inspect.
  const auth = validateAuth(options.auth);
  const retry = validateRetry(options.retry);
  const clientTimeout = validateTimeout(options.timeoutMs, 'options.timeoutMs') ?? DEFAULT_TIMEOUT_MS;
  const maxResponseBytes = validateMaxResponseBytes(options.maxResponseBytes) ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (options.fetch !== undefined && typeof options.fetch !== 'function') throw new BatchClientOptionsError('createBatchClient: options.fetch must be a function.');

  const soHeaders: Record<string, string> = {};
  const appToken = optionalHeader(options.appToken, 'options.appToken');
  const language = optionalHeader(options.language, 'options.language');
  const culture = optionalHeader(options.culture, 'options.culture');
  const timeZone = optionalHeader(options.timeZone, 'options.timeZone');
  if (appToken) soHeaders['SO-AppToken'] = appToken;
  if (language) soHeaders['SO-Language'] = language;
  if (culture) soHeaders['SO-Culture'] = culture;
  if (timeZone) soHeaders['SO-TimeZone'] = timeZone;

  const tokenFunction = auth.scheme === 'Bearer' && typeof auth.token === 'function' ? auth.token : undefined;
  const fixedCredentials = tokenFunction ? {} : credentialHeaders(auth);
  // The header values carry the rest: the redactor also knows a credential without its scheme,
  // and Basic's base64 alone and decoded.
  const fixedSecrets = [
    ...(auth.scheme === 'Basic' ? [auth.password, `${auth.username}:${auth.password}`] : []),
    ...(auth.scheme === 'SOTicket' ? [auth.ticket] : []),
    ...((auth.scheme === 'Bearer' || auth.scheme === 'XSRF') && typeof auth.token === 'string' ? [auth.token] : []),
    ...(appToken ? [appToken] : []),
    ...Object.values(fixedCredentials),
  ];
  // The redaction rules (secrets.ts) are needed only once something failed, and loaded then: a
  // bundler that splits code leaves them out of what a call that succeeds needs. Until then,
  // credentials seen at run time wait here (the last 32, as the redactor keeps).
  let redactor: Redactor | undefined;
  const waiting: string[] = [];
  const remember = (secret: string) => {
    if (redactor) return redactor.remember(secret);
    if (!waiting.includes(secret) && waiting.push(secret) > 32) waiting.shift();
  };
  async function redaction(): Promise<Redactor> {
    if (!redactor) {
      const { createRedactor } = await import('./secrets.ts');
      redactor ??= createRedactor(fixedSecrets);
      for (const secret of waiting.splice(0)) redactor.remember(secret);
    }
    return redactor;
  }

  // Fixed credentials and the SO-* headers are openapi-fetch's base headers: a middleware would
  // cost every call a request id, an options object and header copies. Only a Bearer token
  // function, asked on every request so that it can refresh, needs one.
  const baseHeaders: Record<string, string> = { Accept: 'application/json', ...soHeaders, ...fixedCredentials };
  // Redirects are the client's to follow (transport.ts): only reads, only within this origin.
  const transport = { origin: new URL(baseUrl).origin, maxResponseBytes, redact: async (text: string) => (await redaction()).text(text) };
  const injected = options.fetch;
  const raw = createClient<paths>({
    baseUrl,
    headers: baseHeaders,
    redirect: 'manual',
    fetch: guardedFetch(
      (request, init) => (injected ? injected(request as Request) : fetch(request as Request, init)),
      { ...transport, trustContentLength: !injected },
    ) as (request: Request) => Promise<Response>,
  });
  // What the methods call through: the same, with light requests when the platform's fetch is
  // used, until a caller adds middleware to `raw`: from then on the methods go through `raw`, so
  // that the middleware applies to them too and sees real Requests.
  const light = injected
    ? undefined
    : createClient<paths>({
        baseUrl,
        headers: baseHeaders,
        redirect: 'manual',
        Request: LiteRequest as unknown as typeof Request,
        fetch: guardedFetch(fetchLite as (request: Request | LiteRequest) => Promise<Response>, { ...transport, trustContentLength: true }) as (request: Request) => Promise<Response>,
      });
  let api = light ?? raw;
  const use = raw.use.bind(raw);
  raw.use = (...middleware) => {
    api = raw;
    use(...middleware);
  };

  async function freshToken(token: () => string | Promise<string>): Promise<Record<string, string>> {
    let value: unknown;
    try {
      value = await token();
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      const redact = await redaction();
      throw new CredentialsProblem(`options.auth.token() threw: ${redact.text(message)}`, { cause: redact.cause(cause) });
    }
    const problem = headerValueProblem(value);
    if (problem) throw new CredentialsProblem(`options.auth.token() returned a token that ${problem.replace(/^must/, 'does not meet the rule: must')}.`);
    remember(value as string);
    return { Authorization: `Bearer ${value as string}` };
  }

  if (tokenFunction) {
    const middleware = {
      async onRequest({ request }: { request: Request }) {
        // A per-call Authorization wins, as per-call headers do over the base ones.
        if (!request.headers.has('Authorization')) request.headers.set('Authorization', (await freshToken(tokenFunction)).Authorization!);
        return request;
      },
    };
    use(middleware);
    light?.use(middleware);
  }

  /** Per-call headers: misuse throws, naming the header (never its value); credentials among them are redacted from then on. */
  function callHeaders(operation: string, headers: unknown): Record<string, string> {
    if (headers === undefined) return {};
    if (!headers || typeof headers !== 'object') throw new TypeError(`${operation}: headers must be an object of header names and values.`);
    for (const [name, value] of Object.entries(headers)) {
      if (!HEADER_NAME.test(name)) throw new TypeError(`${operation}: headers has an invalid header name "${name}".`);
      const problem = headerValueProblem(value);
      if (problem) throw new TypeError(`${operation}: headers["${name}"] ${problem}.`);
      if (CREDENTIAL_HEADERS.has(name.toLowerCase())) {
        // The redactor also knows it without its scheme, and a Basic one decoded.
        remember(value as string);
      }
    }
    // The client parses JSON: a per-call Accept must not ask for anything else.
    return { ...(headers as Record<string, string>), Accept: 'application/json' };
  }

  async function attempt(operation: string, call: RawCall, callOptions: CallOptions | undefined, timeoutMs: number, headers: Record<string, string>): Promise<BatchResult<unknown>> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    // AbortSignal.any costs a dependent signal per call: only when the caller brings one.
    const signal = callOptions?.signal ? AbortSignal.any([callOptions.signal, timeout.signal]) : timeout.signal;
    try {
      const { data, error, response } = await call({ signal, headers });
      if (!response.ok) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        const text = bodyText(error);
        // A server or proxy may echo the request's credentials in its error body: blank them out.
        const body = asErrorBody(error);
        const redact = await redaction();
        return { error: new BatchHttpError(operation, response.status, body && redact.deep(body), retryAfterMs, text === undefined ? undefined : redact.text(text).slice(0, 1000)), response };
      }
      return { data: data === undefined ? null : data, response };
    } catch (cause) {
      if (cause instanceof CredentialsProblem) return { error: new BatchCredentialsError(operation, cause.message, cause.cause) };
      // From transport.ts, named after the request: renamed after the call.
      if (cause instanceof BatchRedirectError) return { error: new BatchRedirectError(operation, cause) };
      if (cause instanceof BatchResponseTooLargeError) return { error: new BatchResponseTooLargeError(operation, cause.status, cause.limitBytes) };
      if (callOptions?.signal?.aborted) return { error: new BatchAbortError(operation, (await redaction()).cause(cause)) };
      if (timeout.signal.aborted) return { error: new BatchTimeoutError(operation, timeoutMs) };
      // Not the SyntaxError as cause: it quotes the start of the body, which may echo a credential.
      if (cause instanceof SyntaxError) return { error: new BatchUnexpectedBodyError(operation, 200, 'not JSON') };
      const redact = await redaction();
      return { error: new BatchNetworkError(operation, baseUrl, redact.text(networkReason(cause)), redact.cause(cause)) };
    } finally {
      clearTimeout(timer);
    }
  }

  function retryDelay(error: BatchError, attemptNumber: number): number | undefined {
    const retryable = error instanceof BatchNetworkError || (error instanceof BatchHttpError && RETRYABLE_STATUS.has(error.status));
    if (!retryable || attemptNumber > retry.retries) return undefined;
    if (error instanceof BatchHttpError && error.retryAfterMs !== undefined) {
      return error.retryAfterMs <= retry.maxDelayMs ? error.retryAfterMs : undefined;
    }
    const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attemptNumber - 1));
    return Math.round(Math.random() * ceiling); // full jitter
  }

  async function send(operation: string, idempotent: boolean, call: RawCall, callOptions: CallOptions | undefined): Promise<BatchResult<unknown>> {
    // The call's own options are checked once, not on every attempt.
    const timeoutMs = validateTimeout(callOptions?.timeoutMs, 'timeoutMs', operation) ?? clientTimeout;
    const headers = callHeaders(operation, callOptions?.headers);
    for (let attemptNumber = 1; ; attemptNumber++) {
      const result = await attempt(operation, call, callOptions, timeoutMs, headers);
      if (!result.error || !idempotent) return result;
      const delayMs = retryDelay(result.error, attemptNumber);
      if (delayMs === undefined) return result;
      options.onRetry?.({ operation, attempt: attemptNumber, delayMs, error: result.error });
      try {
        await sleep(delayMs, callOptions?.signal);
      } catch (cause) {
        return { error: new BatchAbortError(operation, cause) };
      }
    }
  }

  /** Agents answers: 200 null and 200 {"Message"} are failures the types make explicit. */
  async function agentsAnswer<T>(operation: string, result: BatchResult<unknown>, nullIsData: boolean): Promise<BatchResult<T>> {
    if (result.error) return result;
    const data = result.data as Record<string, unknown> | null;
    if (data === null) return nullIsData ? { data: null as T, ...response(result) } : { error: new BatchNullResponseError(operation), ...response(result) };
    if (typeof data === 'object' && !Array.isArray(data) && typeof data.Message === 'string' && !('Id' in data)) {
      const redact = await redaction();
      const detail = typeof data.MessageDetail === 'string' ? redact.text(data.MessageDetail) : undefined;
      return { error: new BatchRequestInvalidError(operation, redact.text(data.Message), detail), ...response(result) };
    }
    return { data: data as T, ...response(result) };
  }

  function response(result: BatchResult<unknown>): { response?: Response } {
    return result.response ? { response: result.response } : {};
  }

  function selectQuery(select: readonly string[] | undefined, operation: string): { $select?: string } {
    if (select === undefined) return {};
    if (!Array.isArray(select) || select.length === 0 || select.some((name) => typeof name !== 'string' || !/^[A-Za-z]+$/.test(name))) {
      throw new TypeError(`${operation}: select must be a non-empty array of BatchTaskInfo property names.`);
    }
    return { $select: select.join(',') };
  }

  function integer(value: unknown, name: string, operation: string): number {
    if (!Number.isInteger(value) || (value as number) < -2147483648 || (value as number) > 2147483647) {
      throw new TypeError(`${operation}: ${name} must be a 32-bit integer.`);
    }
    return value as number;
  }

  function ids(values: unknown, name: string, operation: string): number[] {
    if (!Array.isArray(values)) throw new TypeError(`${operation}: ${name} must be an array of ids.`);
    return values.map((id, index) => integer(id, `${name}[${index}]`, operation));
  }

  function text(value: unknown, name: string, operation: string): string {
    if (typeof value !== 'string' || value === '') throw new TypeError(`${operation}: ${name} must be a non-empty string.`);
    return value;
  }

  function state(value: unknown, operation: string): BatchTaskState {
    if (typeof value !== 'string' || !(BATCH_TASK_STATES as readonly string[]).includes(value)) {
      throw new TypeError(`${operation}: state must be one of ${BATCH_TASK_STATES.join(', ')}.`);
    }
    return value as BatchTaskState;
  }

  function carrier<T extends BatchTaskInfoInput>(info: T, required: 'Id' | 'Name', operation: string): T {
    if (!info || typeof info !== 'object') throw new TypeError(`${operation}: info must be a BatchTaskInfo.`);
    if (required === 'Id') integer(info.Id, 'info.Id', operation);
    else text(info.Name, 'info.Name (the batch job to start)', operation);
    return info;
  }

  /** An Agents call that answers a list of tasks. */
  async function agentsList<K extends BatchTaskProperty>(
    name: AgentListOperation,
    body: Record<string, unknown>,
    callOptions: SelectOptions<K> | undefined,
  ): Promise<BatchResult<Selected<K>[]>> {
    const operation = `v1BatchAgent_${name}`;
    const query = selectQuery(callOptions?.select, operation);
    const path = `/api/v1/Agents/Batch/${name}` as const;
    const result = await send(operation, true, (init) => (api.POST as RawPost)(path, { params: { query }, body, ...init }), callOptions);
    const answer = await agentsAnswer<Selected<K>[]>(operation, result, false);
    return answer.error ? answer : restAnswer(operation, answer, Array.isArray, 'an array of BatchTaskInfo');
  }

  /** An Agents or REST call that answers 204: `data` is undefined. */
  async function noContent(operation: string, call: RawCall, callOptions: CallOptions | undefined): Promise<BatchResult<undefined>> {
    const result = await send(operation, false, call, callOptions);
    if (result.error) return result;
    return { data: undefined, ...response(result) };
  }

  /** A REST answer the types already describe; `check` catches a body of the wrong shape. */
  function restAnswer<T>(operation: string, result: BatchResult<unknown>, check: (data: unknown) => boolean, expected: string): BatchResult<T> {
    if (result.error) return result;
    if (!check(result.data)) return { error: new BatchUnexpectedBodyError(operation, result.response?.status ?? 200, `expected ${expected}`), ...response(result) };
    return result as BatchResult<T>;
  }

  const agents: AgentsClient = {
    async getBatchTaskInfo(id, callOptions) {
      const operation = 'v1BatchAgent_GetBatchTaskInfo';
      const body = { Id: integer(id, 'id', operation) };
      const query = selectQuery(callOptions?.select, operation);
      const result = await send(operation, true, (init) => api.POST('/api/v1/Agents/Batch/GetBatchTaskInfo', { params: { query }, body, ...init }), callOptions);
      return agentsAnswer(operation, result, true);
    },
    getBatchTaskInfosByAssociates: async (associateIds, o) =>
      agentsList('GetBatchTaskInfosByAssociates', { AssociateIds: ids(associateIds, 'associateIds', 'v1BatchAgent_GetBatchTaskInfosByAssociates') }, o),
    getBatchTaskInfosByAssociatesAndState: async (associateIds, taskState, o) =>
      agentsList('GetBatchTaskInfosByAssociatesAndState', {
        AssociateIds: ids(associateIds, 'associateIds', 'v1BatchAgent_GetBatchTaskInfosByAssociatesAndState'),
        State: state(taskState, 'v1BatchAgent_GetBatchTaskInfosByAssociatesAndState'),
      }, o),
    getBatchTaskInfosByNameAndAssociates: async (name, associateIds, o) =>
      agentsList('GetBatchTaskInfosByNameAndAssociates', {
        Name: text(name, 'name', 'v1BatchAgent_GetBatchTaskInfosByNameAndAssociates'),
        AssociateIds: ids(associateIds, 'associateIds', 'v1BatchAgent_GetBatchTaskInfosByNameAndAssociates'),
      }, o),
    getBatchTaskInfosByNameAndState: async (name, taskState, o) =>
      agentsList('GetBatchTaskInfosByNameAndState', {
        Name: text(name, 'name', 'v1BatchAgent_GetBatchTaskInfosByNameAndState'),
        State: state(taskState, 'v1BatchAgent_GetBatchTaskInfosByNameAndState'),
      }, o),
    getBatchTaskInfosByState: async (taskState, o) =>
      agentsList('GetBatchTaskInfosByState', { State: state(taskState, 'v1BatchAgent_GetBatchTaskInfosByState') }, o),
    getAllBatchTaskInfosByName: async (taskName, o) =>
      agentsList('GetAllBatchTaskInfosByName', { TaskName: text(taskName, 'taskName', 'v1BatchAgent_GetAllBatchTaskInfosByName') }, o),
    getAllBatchTaskInfosByNameAndState: async (taskName, taskState, o) =>
      agentsList('GetAllBatchTaskInfosByNameAndState', {
        TaskName: text(taskName, 'taskName', 'v1BatchAgent_GetAllBatchTaskInfosByNameAndState'),
        State: state(taskState, 'v1BatchAgent_GetAllBatchTaskInfosByNameAndState'),
      }, o),
    getSystemBatchTaskInfosByName: async (taskName, o) =>
      agentsList('GetSystemBatchTaskInfosByName', { TaskName: text(taskName, 'taskName', 'v1BatchAgent_GetSystemBatchTaskInfosByName') }, o),
    getSystemBatchTaskInfosByNameAndState: async (taskName, taskState, o) =>
      agentsList('GetSystemBatchTaskInfosByNameAndState', {
        TaskName: text(taskName, 'taskName', 'v1BatchAgent_GetSystemBatchTaskInfosByNameAndState'),
        State: state(taskState, 'v1BatchAgent_GetSystemBatchTaskInfosByNameAndState'),
      }, o),

    async updateBatchTask(info, callOptions) {
      const operation = 'v1BatchAgent_UpdateBatchTask';
      const body = { BatchTaskInfo: carrier(info, 'Id', operation) };
      const query = selectQuery(callOptions?.select, operation);
      const result = await send(operation, false, (init) => api.POST('/api/v1/Agents/Batch/UpdateBatchTask', { params: { query }, body, ...init }), callOptions);
      return agentsAnswer(operation, result, false);
    },

    async startBatchJob(info, callOptions) {
      const operation = 'v1BatchAgent_StartBatchJob';
      const body = { BatchTaskInfo: carrier(info, 'Name', operation) };
      const result = await send(operation, false, (init) => api.POST('/api/v1/Agents/Batch/StartBatchJob', { body, ...init }), callOptions);
      const answer = await agentsAnswer<number>(operation, result, false);
      if (answer.data === 0) return { error: new BatchNullResponseError(operation), ...response(answer) };
      if (answer.data !== undefined && !Number.isInteger(answer.data)) {
        return { error: new BatchUnexpectedBodyError(operation, answer.response?.status ?? 200, 'expected the new task id'), ...response(answer) };
      }
      return answer;
    },

    async stopBatchJob(id, callOptions) {
      const operation = 'v1BatchAgent_StopBatchJob';
      const body = { Id: integer(id, 'id', operation) };
      const result = await send(operation, false, (init) => api.POST('/api/v1/Agents/Batch/StopBatchJob', { body, ...init }), callOptions);
      const answer = await agentsAnswer<boolean>(operation, result, false);
      return answer.error ? answer : restAnswer<boolean>(operation, answer, (data) => typeof data === 'boolean', 'true or false');
    },

    async deleteBatchTask(id, callOptions) {
      const operation = 'v1BatchAgent_DeleteBatchTask';
      const body = { BatchTaskId: integer(id, 'id', operation) };
      return noContent(operation, (init) => api.POST('/api/v1/Agents/Batch/DeleteBatchTask', { body, ...init }), callOptions);
    },

    async deleteBatchTasks(batchTaskIds, callOptions) {
      const operation = 'v1BatchAgent_DeleteBatchTasks';
      const body = { BatchTaskIds: ids(batchTaskIds, 'ids', operation) };
      return noContent(operation, (init) => api.POST('/api/v1/Agents/Batch/DeleteBatchTasks', { body, ...init }), callOptions);
    },
  };

  const rest: RestClient = {
    async getAll(query = {}, callOptions) {
      const operation = 'v1Batch_GetAll';
      if (!query || typeof query !== 'object') throw new TypeError(`${operation}: query must be an object of OData options ($select, $filter, ...).`);
      const result = await send(operation, true, (init) => api.GET('/api/v1/BatchTask', { params: { query }, ...init }), callOptions);
      return restAnswer(operation, result, (data) => !!data && Array.isArray((data as { value?: unknown }).value), 'an OData envelope with value[]');
    },

    async getBatchTaskInfo(id, callOptions) {
      const operation = 'v1Batch_GetBatchTaskInfo';
      const idOrState = integer(id, 'id', operation);
      const result = await send(operation, true, (init) => api.GET('/api/v1/BatchTask/{idOrState}', { params: { path: { idOrState } }, ...init }), callOptions);
      return restAnswer(operation, result, (data) => !!data && typeof data === 'object' && !Array.isArray(data), 'one BatchTaskInfo');
    },

    async getBatchTaskInfosByState(taskState, callOptions) {
      const operation = 'v1Batch_GetBatchTaskInfosByState';
      const idOrState = state(taskState, operation);
      const result = await send(operation, true, (init) => api.GET('/api/v1/BatchTask/{idOrState}', { params: { path: { idOrState } }, ...init }), callOptions);
      return restAnswer(operation, result, Array.isArray, 'an array of BatchTaskInfo');
    },

    async startBatchJob(info, callOptions) {
      const operation = 'v1Batch_StartBatchJob';
      const body = carrier(info, 'Name', operation);
      const result = await send(operation, false, (init) => api.POST('/api/v1/BatchTask', { body, ...init }), callOptions);
      return restAnswer(operation, result, Number.isInteger, 'the new task id');
    },

    async updateBatchTask(id, info, callOptions) {
      const operation = 'v1Batch_UpdateBatchTask';
      const idOrState = integer(id, 'id', operation);
      if (!info || typeof info !== 'object') throw new TypeError(`${operation}: info must be a BatchTaskInfo.`);
      const result = await send(operation, false, (init) => api.PUT('/api/v1/BatchTask/{idOrState}', { params: { path: { idOrState } }, body: info, ...init }), callOptions);
      return restAnswer(operation, result, (data) => !!data && typeof data === 'object' && !Array.isArray(data), 'one BatchTaskInfo');
    },

    async deleteBatchTask(id, callOptions) {
      const operation = 'v1Batch_DeleteBatchTask';
      const idOrState = integer(id, 'id', operation);
      return noContent(operation, (init) => api.DELETE('/api/v1/BatchTask/{idOrState}', { params: { path: { idOrState } }, ...init }), callOptions);
    },

    async stopBatchJob(id, callOptions) {
      const operation = 'v1Batch_StopBatchJob';
      const pathId = integer(id, 'id', operation);
      const result = await send(operation, false, (init) => api.POST('/api/v1/BatchTask/{id}/Stop', { params: { path: { id: pathId } }, ...init }), callOptions);
      return restAnswer(operation, result, (data) => typeof data === 'boolean', 'true or false');
    },
  };

  const client: BatchClient = {
    raw,
    agents,
    rest,
    getBatchTaskInfo: agents.getBatchTaskInfo,
    getBatchTaskInfosByAssociates: agents.getBatchTaskInfosByAssociates,
    getBatchTaskInfosByState: rest.getBatchTaskInfosByState,
    updateBatchTask: agents.updateBatchTask,
    startBatchJob: agents.startBatchJob,

    async waitForBatchTask(id, waitOptions = {}) {
      const operation = 'waitForBatchTask';
      const intervalMs = waitOptions.intervalMs ?? 1000;
      if (typeof intervalMs !== 'number' || !(intervalMs >= 0)) throw new TypeError(`${operation}: intervalMs must be a number of milliseconds >= 0.`);
      let last: string | undefined;
      for (;;) {
        const { data: task, error, response: reply } = await agents.getBatchTaskInfo(id, waitOptions);
        if (error) return { error, ...(reply ? { response: reply } : {}) };
        if (task === null) return { error: new BatchTaskNotFoundError(operation, id) };
        const progress = JSON.stringify([task.State, task.ProgressPercent, task.ProgressDescription]);
        if (progress !== last) {
          last = progress;
          waitOptions.onProgress?.(task);
        }
        if (task.State === 'Failed') return { error: new BatchTaskFailedError(operation, (await redaction()).deep(task)) };
        // 'All' is a filter of the list calls, not a state a task can be in: it would never end.
        if (task.State === 'All') return { error: new BatchUnexpectedBodyError(operation, reply?.status ?? 200, `task ${id} reports State "All", which is a filter, not a state a task can be in: it would never end`), ...(reply ? { response: reply } : {}) };
        if (task.State && (FINAL_STATES as readonly string[]).includes(task.State)) return { data: task as FinishedBatchTask };
        try {
          await sleep(intervalMs, waitOptions.signal);
        } catch (cause) {
          return { error: new BatchAbortError(operation, cause) };
        }
      }
    },
  };
  return client;
}
