// The client's hot path: what every call runs, and nothing else. The generated functions
// (generated/agents.gen.ts, rest.gen.ts) describe a request; call() sends it with the client's
// credentials, timeout and transport rules, and checks the answer's shape. Anything that only a
// failure needs (building the error, redaction, retries) is failures.ts, imported when something
// fails: a bundler that splits code leaves it out of what a call that succeeds loads.
//
// The request is sent here, without openapi-fetch's Request, middleware and serializer machinery:
// every parameter of this spec is a string, number or boolean (scripts/functions.ts refuses
// anything else), and for those the URL below is byte for byte the one openapi-fetch's default
// serializers make for `client.raw` (test/url.test.ts compares them).

import type { BatchClient } from './client.ts';
import type { BatchFailure } from './errors.ts';
import type { operations } from './generated/schema.gen.ts';
import { readOptions, validateTimeout, type BatchAuth, type RetryPolicy } from './options.ts';
import type { Redactor } from './secrets.ts';
import { fetchPlain, guardedFetch, type Fetch, type PlainRequest } from './transport.ts';
import type { BatchTaskProperty } from './types.ts';

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
  /** Retries for reads; `false` for none. Writes (StartBatchJob, UpdateBatchTask, stops, deletes) are never retried. */
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
export type BatchResult<T, E extends BatchFailure = BatchFailure> = { data: T; error?: never; response?: Response } | { data?: never; error: E; response?: Response };

declare const batchCore: unique symbol;
/**
 * What every function takes: the installation, the credentials and the call rules, made once by
 * createBatchCore() (or createBatchClient(), whose client is one too). The credentials are kept
 * where no caller can log or inspect them.
 */
export interface BatchCore {
  /** The installation's address, as normalized (no trailing /api/v1). */
  readonly baseUrl: string;
  readonly [batchCore]: true;
}

/** What a function takes: a client from createBatchCore() or from createBatchClient(). */
export type AnyBatchClient = BatchCore | BatchClient;

/** The answer of an operation the generator has no dedicated type for: the spec's own. */
export type Answer<O extends keyof operations> = operations[O]['responses'] extends { 200: { content: { 'application/json': infer T } } } ? T : unknown;
/** An operation's query parameters, as the spec types them. */
export type Query<O extends keyof operations> = NonNullable<operations[O]['parameters']['query']>;

/** The shapes an answer is checked for (scripts/functions.ts derives them from the spec). */
export type AnswerShape = 'none' | 'task' | 'tasks' | 'id' | 'boolean' | 'page' | 'value';

/** One call, as a generated function describes it. */
export interface OperationRequest {
  operation: string;
  method: string;
  path: string;
  /** Only reads: retried on failure, and follows redirects within the installation. */
  read?: boolean;
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  select?: readonly string[] | undefined;
  answer: AnswerShape;
  /** An Agents answer: 200 {"Message", "MessageDetail"} is a failure. */
  agents?: boolean;
  /** 2xx values that mean nothing was found or done. */
  noResult?: unknown[];
  /** A 200 null is data. */
  nullIsData?: boolean;
}

/** An answer as openapi-fetch has it: the parsed body of a 2xx (`data`) or of anything else (`error`). */
export interface Exchange {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** What one attempt came to: an answer, or what was thrown (and whether the client's timer fired). */
export type Outcome = Exchange | { cause: unknown; timedOut: boolean; response?: undefined };

export type Send = (request: OperationRequest, init: { headers: Headers; signal: AbortSignal }) => Promise<Exchange>;

/** A core's settings and secrets: in a WeakMap, so that nothing reachable from the client shows them. */
export interface CoreState {
  baseUrl: string;
  timeoutMs: number;
  retry: RetryPolicy;
  maxResponseBytes: number;
  onRetry: BatchClientOptions['onRetry'];
  /** Accept, the SO-* headers and a fixed credential. */
  headers: Record<string, string>;
  token: (() => string | Promise<string>) | undefined;
  /** The credentials as given, for the redactor (failures.ts), which also knows them in other forms. */
  auth: BatchAuth;
  /** Credentials seen at run time before the redactor was loaded (the last 32, as it keeps). */
  waiting: string[];
  redactor: Redactor | undefined;
  send: Send;
}

const cores = new WeakMap<object, CoreState>();

export function stateOf(client: AnyBatchClient, operation: string): CoreState {
  const state = cores.get(client as object);
  if (!state) throw new TypeError(`${operation}: the first argument must be a client from createBatchCore() or createBatchClient().`);
  return state;
}

/** Remembers a credential seen at run time, for the redactor. */
export function remember(state: CoreState, secret: string): void {
  if (state.redactor) return state.redactor.remember(secret);
  if (!state.waiting.includes(secret) && state.waiting.push(secret) > 32) state.waiting.shift();
}

/** An answer past maxResponseBytes, before the operation is known: failures.ts names it. */
export class TooLarge {
  readonly status: number;
  readonly limitBytes: number;
  constructor(status: number, limitBytes: number) {
    this.status = status;
    this.limitBytes = limitBytes;
  }
}

const failures = () => import('./failures.ts');

/** The request's query parameters, with `select` as `$select`. */
export function queryOf(request: OperationRequest): Record<string, unknown> | undefined {
  return request.select ? { ...request.query, $select: request.select.join(',') } : request.query;
}

/** openapi-fetch's URL for primitive parameters: path values and query values percent-encoded, arrays exploded, null left out. */
export function finalUrl(baseUrl: string, request: OperationRequest): string {
  const params = request.params;
  const url = baseUrl + (params ? request.path.replace(/\{([^{}]+)\}/g, (template, name: string) => (params[name] == null ? template : encodeURIComponent(params[name] as string))) : request.path);
  const query = queryOf(request);
  const search: string[] = [];
  for (const name in query) {
    for (const value of [query[name]].flat()) if (value != null) search.push(`${name}=${encodeURIComponent(value as string)}`);
  }
  return search.length ? `${url}?${search.join('&')}` : url;
}

/** The transport of a core: the platform's fetch with light requests, or an injected fetch with real ones. */
export function directSend(state: CoreState, injected: BatchClientOptions['fetch']): Send {
  const rules = {
    origin: new URL(state.baseUrl).origin,
    maxResponseBytes: state.maxResponseBytes,
    trustContentLength: !injected,
    redact: async (text: string) => (await failures()).redaction(state).text(text),
    tooLarge: (_label: string, status: number, limitBytes: number) => new TooLarge(status, limitBytes),
  };
  const guarded: Fetch = guardedFetch(injected ? (request) => injected(request as Request) : fetchPlain, rules);
  return async (request, { headers, signal }) => {
    const url = finalUrl(state.baseUrl, request);
    let body: string | null = null;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    }
    const plain: PlainRequest = { url, method: request.method, headers, body, signal, redirect: 'manual' };
    const response = await guarded(injected ? new Request(url, plain) : plain);
    // As openapi-fetch reads an answer: no body is undefined; a 2xx is JSON; anything else JSON if it can be.
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch (notJson) {
      if (response.ok) throw notJson;
    }
    return response.ok ? { data: parsed, response } : { error: parsed, response };
  };
}

/** Checks the options (misuse throws, naming the option) and registers `target` as a client. */
export function registerCore<T extends object>(target: T, options: BatchClientOptions, api: string, send?: (state: CoreState) => Send): T & BatchCore {
  const state: CoreState = { ...readOptions(options, api), onRetry: options.onRetry, waiting: [], redactor: undefined, send: undefined as unknown as Send };
  state.send = send ? send(state) : directSend(state, options.fetch);
  cores.set(target, state);
  return target as T & BatchCore;
}

/**
 * The client every function takes, such as `getBatchTaskInfo(client, 189)` from
 * `@so-batch/client/agents`. Misuse throws a BatchClientOptionsError naming the option.
 */
export function createBatchCore(options: BatchClientOptions): BatchCore {
  const client = registerCore({ baseUrl: '' }, options, 'createBatchCore');
  client.baseUrl = cores.get(client)!.baseUrl;
  return Object.freeze(client);
}

const SHAPES: Partial<Record<AnswerShape, (data: unknown) => boolean>> = {
  task: (data) => typeof data === 'object' && !Array.isArray(data),
  tasks: Array.isArray,
  id: Number.isInteger,
  boolean: (data) => typeof data === 'boolean',
  page: (data) => Array.isArray((data as { value?: unknown }).value),
};

/** One attempt, and on failure (failures.ts) the error, and the retries a read gets. */
export async function send(state: CoreState, request: OperationRequest, options: CallOptions | undefined, timeoutMs: number, callHeaders: Headers | undefined, attemptNumber = 1): Promise<BatchResult<unknown>> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  // AbortSignal.any costs a dependent signal per call: only when the caller brings one.
  const signal = options?.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
  let outcome: Outcome;
  try {
    const headers = new Headers(state.headers);
    callHeaders?.forEach((value, name) => headers.set(name, value));
    // A per-call Authorization wins, as per-call headers do over the client's.
    if (state.token && !headers.has('Authorization')) headers.set('Authorization', await (await import('./token.ts')).freshToken(state));
    outcome = await state.send(request, { headers, signal });
    if (outcome.response.ok) return { data: outcome.data === undefined ? null : outcome.data, response: outcome.response };
  } catch (cause) {
    outcome = { cause, timedOut: timeout.signal.aborted };
  } finally {
    clearTimeout(timer);
  }
  return (await failures()).failed(state, request, options, outcome, attemptNumber, timeoutMs, () => send(state, request, options, timeoutMs, callHeaders, attemptNumber + 1));
}

/** Sends one operation's request and checks its answer. What the generated functions call. */
export async function call<T>(client: AnyBatchClient, request: OperationRequest, options: CallOptions | undefined): Promise<BatchResult<T>> {
  const { operation } = request;
  const state = stateOf(client, operation);
  const select = request.select;
  if (select !== undefined && (!Array.isArray(select) || select.length === 0 || select.some((name) => typeof name !== 'string' || !/^[A-Za-z]+$/.test(name)))) {
    throw new TypeError(`${operation}: select must be a non-empty array of BatchTaskInfo property names.`);
  }
  // The call's own options are checked once, not on every attempt.
  const timeoutMs = validateTimeout(options?.timeoutMs, 'timeoutMs', operation) ?? state.timeoutMs;
  const headers = options?.headers === undefined ? undefined : (await import('./call-headers.ts')).callHeaders(state, operation, options.headers);
  const result = await send(state, request, options, timeoutMs, headers);
  if (result.error) return result;
  const { data, response } = result;
  if (request.answer === 'none') return { data: undefined as T, response: response! };
  let problem: 'request-invalid' | 'null-response' | 'unexpected-body' | undefined;
  if (request.agents && typeof data === 'object' && data && typeof (data as { Message?: unknown }).Message === 'string' && !('Id' in data)) problem = 'request-invalid';
  else if (data === null) problem = request.nullIsData ? undefined : request.noResult?.includes(null) ? 'null-response' : 'unexpected-body';
  else if (request.noResult?.includes(data)) problem = 'null-response';
  else if (SHAPES[request.answer]?.(data) === false) problem = 'unexpected-body';
  if (problem) return (await failures()).answerError(state, request, problem, data, response!);
  return { data: data as T, response: response! };
}
