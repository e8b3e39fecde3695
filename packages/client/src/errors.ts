import type { BatchTaskInfo, ErrorBody } from './types.ts';

/** Every failure the client reports is a BatchError; `kind` tells which one (see BatchFailure). */
export abstract class BatchError extends Error {
  abstract readonly kind: BatchFailure['kind'];
  // A fixed name, not constructor.name: minifiers rename classes in browser bundles.
  abstract override readonly name: string;
  /** The operationId of the call that failed, such as v1BatchAgent_GetBatchTaskInfo. */
  readonly operation: string;
  constructor(operation: string, message: string, options?: { cause?: unknown }) {
    super(`${operation}: ${message}`, options);
    this.operation = operation;
  }
}

/** What `error` of a BatchResult can be: narrow it with `kind` (or instanceof). */
export type BatchFailure =
  | BatchHttpError
  | BatchNullResponseError
  | BatchRequestInvalidError
  | BatchNetworkError
  | BatchTimeoutError
  | BatchAbortError
  | BatchUnexpectedBodyError
  | BatchCredentialsError
  | BatchRedirectError
  | BatchResponseTooLargeError
  | BatchTaskFailedError
  | BatchTaskNotFoundError
  | BatchTaskStalledError
  | BatchPagingError;

/** The server answered with a status outside 2xx. `body` is SuperOffice's error body when it sent one. */
export class BatchHttpError extends BatchError {
  readonly kind = 'http';
  readonly name = 'BatchHttpError';
  readonly status: number;
  readonly body: ErrorBody | undefined;
  /** The start of a body that is not SuperOffice's error body (a proxy's HTML page, ASP.NET's {"Message"}), if any. */
  readonly text: string | undefined;
  /** Milliseconds the server asked to wait (Retry-After), when it did. */
  readonly retryAfterMs: number | undefined;
  constructor(operation: string, status: number, body: ErrorBody | undefined, retryAfterMs?: number, text?: string) {
    const detail = body?.ErrorMessage ? `: ${body.ErrorType ? `${body.ErrorType}: ` : ''}${body.ErrorMessage}` : '';
    super(operation, `HTTP ${status}${detail}`);
    this.status = status;
    this.body = body;
    this.text = body ? undefined : text;
    this.retryAfterMs = retryAfterMs;
  }
}

/** An Agents call answered 200 with null: the server could not do what was asked (no such task, no right, ...). */
export class BatchNullResponseError extends BatchError {
  readonly kind = 'null-response';
  readonly name = 'BatchNullResponseError';
  constructor(operation: string) {
    super(operation, 'the server answered 200 with null: nothing was found or done (check the ids and the caller\'s rights)');
  }
}

/** An Agents call answered 200 with {"Message", "MessageDetail"}: it could not use its input. */
export class BatchRequestInvalidError extends BatchError {
  readonly kind = 'request-invalid';
  readonly name = 'BatchRequestInvalidError';
  readonly detail: string | undefined;
  constructor(operation: string, message: string, detail: string | undefined) {
    super(operation, detail ? `${message} ${detail}` : message);
    this.detail = detail;
  }
}

/**
 * No HTTP answer: DNS, connection refused or reset, TLS. `cause` is the fetch error (a copy with
 * the credentials blanked out, when the original carried one).
 */
export class BatchNetworkError extends BatchError {
  readonly kind = 'network';
  readonly name = 'BatchNetworkError';
  readonly url: string;
  constructor(operation: string, url: string, reason: string, cause: unknown) {
    super(operation, `no answer from ${url}: ${reason}`, { cause });
    this.url = url;
  }
}

/**
 * The credentials for a request could not be made: the Bearer token function threw or returned
 * something unusable. Not retried. `cause` is what it threw, credentials blanked out.
 */
export class BatchCredentialsError extends BatchError {
  readonly kind = 'credentials';
  readonly name = 'BatchCredentialsError';
  constructor(operation: string, problem: string, cause?: unknown) {
    super(operation, problem, cause === undefined ? undefined : { cause });
  }
}

/** Why a redirect was not followed (see BatchRedirectError). */
export type RedirectRefusal =
  /** To another origin (scheme, host or port) than the base URL's: credentials and bodies never go there. */
  | 'cross-origin'
  /** It answered a call that changes data: a write is never sent twice. */
  | 'write'
  /** A 301, 302 or 303 answering a POST read: following it would turn the POST into a GET without its body. */
  | 'method-change'
  /** More redirects in a row than the client follows (5). */
  | 'too-many'
  /** Its Location is not a URL. */
  | 'invalid-location'
  /** A browser's opaque redirect (fetch with redirect: 'manual'): where it points is hidden from the client. */
  | 'hidden';

export interface RedirectDetails {
  /** The redirect's status (301, 302, 303, 307, 308), or 0 when the browser hid the redirect. */
  status: number;
  /** Where it pointed (credentials blanked out), or undefined when that is not known. */
  location: string | undefined;
  refusal: RedirectRefusal;
  /** The URL that answered with the redirect (the base URL's origin). */
  from: string;
}

/**
 * The server answered with a redirect the client does not follow. Nothing was sent to where it
 * points: only reads follow redirects, and only within the base URL's origin.
 */
export class BatchRedirectError extends BatchError {
  readonly kind = 'redirect';
  readonly name = 'BatchRedirectError';
  readonly status: number;
  readonly location: string | undefined;
  readonly refusal: RedirectRefusal;
  readonly from: string;
  constructor(operation: string, details: RedirectDetails) {
    super(operation, redirectProblem(details));
    this.status = details.status;
    this.location = details.location;
    this.refusal = details.refusal;
    this.from = details.from;
  }
}

function redirectProblem({ status, location, refusal, from }: RedirectDetails): string {
  const redirect = `HTTP ${status} from ${from}, a redirect to ${location ?? 'an unknown place'}`;
  switch (refusal) {
    case 'cross-origin':
      return `${redirect}, refused: another origin than ${new URL(from).origin}, where neither the credentials nor the request body may go (nothing was sent there)`;
    case 'write':
      return `${redirect}, refused: the call changes data, and a write is never sent twice (nothing was sent again)`;
    case 'method-change':
      return `${redirect}, refused: following it would turn this POST into a GET without its body`;
    case 'too-many':
      return `${redirect}, refused: more than 5 redirects in a row`;
    case 'invalid-location':
      return `${redirect}, refused: its Location is not a URL`;
    case 'hidden':
      return `a redirect from ${from} whose target the browser does not reveal (an opaque redirect): the target is unknown, and it was not followed`;
  }
}

/** The answer was larger than the client's maxResponseBytes: the client stopped reading it. */
export class BatchResponseTooLargeError extends BatchError {
  readonly kind = 'response-too-large';
  readonly name = 'BatchResponseTooLargeError';
  readonly status: number;
  readonly limitBytes: number;
  constructor(operation: string, status: number, limitBytes: number) {
    super(operation, `HTTP ${status} with a body larger than ${limitBytes} bytes (maxResponseBytes): the client stopped reading it`);
    this.status = status;
    this.limitBytes = limitBytes;
  }
}

/** No answer within the per-attempt timeoutMs (in waitForBatchTask, a BatchWaitTimeoutError). */
export class BatchTimeoutError extends BatchError {
  readonly kind = 'timeout';
  // string, not the literal: BatchWaitTimeoutError names itself.
  readonly name: string = 'BatchTimeoutError';
  /** The limit that ran out, in milliseconds. */
  readonly timeoutMs: number;
  constructor(operation: string, timeoutMs: number, message = `no answer within ${timeoutMs} ms`) {
    super(operation, message);
    this.timeoutMs = timeoutMs;
  }
}

/** "Started at 40% (Step 3 of 5)": where a task was when it was last seen. */
function whereTaskWas(task: BatchTaskInfo): string {
  const percent = task.ProgressPercent === null ? '' : ` at ${task.ProgressPercent}%`;
  return `${task.State ?? 'in no state'}${percent}${task.ProgressDescription ? ` (${task.ProgressDescription})` : ''}`;
}

/**
 * waitForBatchTask ran out of time: its own `timeoutMs` (`scope: 'wait'`), or one poll got no
 * answer within the client's per-attempt timeoutMs (`scope: 'poll'`). The task goes on on the
 * server; `task` is how it was last seen (undefined when no poll had answered).
 */
export class BatchWaitTimeoutError extends BatchTimeoutError {
  override readonly name = 'BatchWaitTimeoutError';
  readonly scope: 'wait' | 'poll';
  /** How long the wait lasted, in milliseconds. */
  readonly waitedMs: number;
  readonly task: BatchTaskInfo | undefined;
  constructor(operation: string, id: number, details: { scope: 'wait' | 'poll'; timeoutMs: number; waitedMs: number; task: BatchTaskInfo | undefined }) {
    const { scope, timeoutMs, waitedMs, task } = details;
    const waited = Math.round(waitedMs);
    const seen = task ? `last seen ${whereTaskWas(task)}` : 'no poll had answered yet';
    super(
      operation,
      timeoutMs,
      scope === 'wait'
        ? `batch task ${id} did not end within ${timeoutMs} ms (timeoutMs): waited ${waited} ms, ${seen}`
        : `no answer within ${timeoutMs} ms to a poll of batch task ${id} (the client's per-attempt timeoutMs), after ${waited} ms of waiting, ${seen}`,
    );
    this.scope = scope;
    this.waitedMs = waitedMs;
    this.task = task;
  }
}

/** The caller's AbortSignal fired. */
export class BatchAbortError extends BatchError {
  readonly kind = 'aborted';
  readonly name = 'BatchAbortError';
  constructor(operation: string, cause?: unknown) {
    super(operation, 'aborted by the caller', { cause });
  }
}

/** A 2xx answer whose body is not what the spec says (not JSON, or the wrong shape). */
export class BatchUnexpectedBodyError extends BatchError {
  readonly kind = 'unexpected-body';
  readonly name = 'BatchUnexpectedBodyError';
  readonly status: number;
  constructor(operation: string, status: number, problem: string, cause?: unknown) {
    super(operation, `HTTP ${status} with an unexpected body: ${problem}`, { cause });
    this.status = status;
  }
}

/** waitForBatchTask: the task ended in the Failed state. `task` is its last BatchTaskInfo. */
export class BatchTaskFailedError extends BatchError {
  readonly kind = 'task-failed';
  readonly name = 'BatchTaskFailedError';
  readonly task: BatchTaskInfo;
  constructor(operation: string, task: BatchTaskInfo) {
    super(operation, `batch task ${task.Id} (${task.Name ?? 'unnamed'}) failed${task.Result ? `: ${task.Result}` : ''}`);
    this.task = task;
  }
}

/** waitForBatchTask: the task does not exist (or the caller may not see it). */
export class BatchTaskNotFoundError extends BatchError {
  readonly kind = 'task-not-found';
  readonly name = 'BatchTaskNotFoundError';
  readonly id: number;
  constructor(operation: string, id: number) {
    super(operation, `batch task ${id} was not found`);
    this.id = id;
  }
}

/**
 * waitForBatchTask's `stallMs`: neither State nor ProgressPercent changed for that long, as a hung
 * job looks. The task goes on on the server; `task` is how it was last seen.
 */
export class BatchTaskStalledError extends BatchError {
  readonly kind = 'stalled';
  readonly name = 'BatchTaskStalledError';
  readonly task: BatchTaskInfo;
  /** The limit given (the wait's stallMs). */
  readonly stallMs: number;
  /** How long the task was seen unchanged, in milliseconds (at least stallMs). */
  readonly unchangedMs: number;
  constructor(operation: string, task: BatchTaskInfo, details: { stallMs: number; unchangedMs: number }) {
    super(operation, `batch task ${task.Id} (${task.Name ?? 'unnamed'}) stalled: ${whereTaskWas(task)} without a change for ${Math.round(details.unchangedMs)} ms (stallMs: ${details.stallMs})`);
    this.task = task;
    this.stallMs = details.stallMs;
    this.unchangedMs = details.unchangedMs;
  }
}

/** Why archivePages() stopped following odata.nextLink. */
export type PagingProblem = 'not-a-url' | 'other-origin' | 'not-advancing' | 'empty-page' | 'max-pages';

/**
 * archivePages() (or archiveRows()) stopped: the server's paging went wrong (a link that is no
 * URL, leads to another origin or does not move forward; an empty page that links to more), or
 * `maxPages` was reached. The pages before it were yielded.
 */
export class BatchPagingError extends BatchError {
  readonly kind = 'paging';
  readonly name = 'BatchPagingError';
  readonly reason: PagingProblem;
  constructor(operation: string, reason: PagingProblem, message: string) {
    super(operation, message);
    this.reason = reason;
  }
}
