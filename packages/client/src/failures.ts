// What only a failure needs, loaded by core.ts the first time something fails: the error that
// names it, with every credential blanked out (secrets.ts), and the retries of a read.
import {
  BatchAbortError,
  BatchCredentialsError,
  BatchHttpError,
  BatchNetworkError,
  BatchNullResponseError,
  BatchRedirectError,
  BatchRequestInvalidError,
  BatchResponseTooLargeError,
  BatchTimeoutError,
  BatchUnexpectedBodyError,
  type BatchError,
  type BatchFailure,
} from './errors.ts';
import { TooLarge, type AnswerShape, type BatchResult, type CallOptions, type CoreState, type OperationRequest, type Outcome } from './core.ts';
import { createRedactor, type Redactor } from './secrets.ts';
import { TokenProblem } from './token.ts';
import type { ErrorBody } from './types.ts';

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/** The core's redactor, made on first use with the credentials it has seen so far. */
export function redaction(state: CoreState): Redactor {
  if (!state.redactor) {
    const { auth, headers } = state;
    // The header values carry the rest: the redactor also knows a credential without its
    // scheme, and Basic's base64 alone and decoded.
    state.redactor = createRedactor([
      ...(auth.scheme === 'Basic' ? [auth.password, `${auth.username}:${auth.password}`] : []),
      ...(auth.scheme === 'SOTicket' ? [auth.ticket] : []),
      ...((auth.scheme === 'Bearer' || auth.scheme === 'XSRF') && typeof auth.token === 'string' ? [auth.token] : []),
      ...['SO-AppToken', 'Authorization', 'X-XSRF-TOKEN'].flatMap((name) => (headers[name] ? [headers[name]] : [])),
    ]);
    for (const secret of state.waiting.splice(0)) state.redactor.remember(secret);
  }
  return state.redactor;
}

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

/** A Bearer token function's failure, as the error a call (or `client.raw`) reports. */
export function credentialsError(state: CoreState, operation: string, problem: TokenProblem): BatchCredentialsError {
  if (problem.problem) return new BatchCredentialsError(operation, `options.auth.token() returned a token that ${problem.problem.replace(/^must/, 'does not meet the rule: must')}.`);
  const redact = redaction(state);
  const message = problem.cause instanceof Error ? problem.cause.message : String(problem.cause);
  return new BatchCredentialsError(operation, `options.auth.token() threw: ${redact.text(message)}`, redact.cause(problem.cause));
}

/** The error an attempt's outcome is. */
function toError(state: CoreState, operation: string, options: CallOptions | undefined, outcome: Outcome, timeoutMs: number): BatchFailure {
  const redact = redaction(state);
  if (outcome.response) {
    const { response, error } = outcome;
    const text = bodyText(error);
    // A server or proxy may echo the request's credentials in its error body: blank them out.
    const body = asErrorBody(error);
    return new BatchHttpError(operation, response.status, body && redact.deep(body), parseRetryAfter(response.headers.get('retry-after')), text === undefined ? undefined : redact.text(text).slice(0, 1000));
  }
  const { cause } = outcome;
  if (cause instanceof TokenProblem) return credentialsError(state, operation, cause);
  // From transport.ts, named after the request: renamed after the call.
  if (cause instanceof BatchRedirectError) return new BatchRedirectError(operation, cause);
  if (cause instanceof TooLarge || cause instanceof BatchResponseTooLargeError) return new BatchResponseTooLargeError(operation, cause.status, cause.limitBytes);
  if (options?.signal?.aborted) return new BatchAbortError(operation, redact.cause(cause));
  if (outcome.timedOut) return new BatchTimeoutError(operation, timeoutMs);
  // Not the SyntaxError as cause: it quotes the start of the body, which may echo a credential.
  if (cause instanceof SyntaxError) return new BatchUnexpectedBodyError(operation, 200, 'not JSON');
  return new BatchNetworkError(operation, state.baseUrl, redact.text(networkReason(cause)), redact.cause(cause));
}

function retryDelay(state: CoreState, error: BatchError, attemptNumber: number): number | undefined {
  const retryable = error instanceof BatchNetworkError || (error instanceof BatchHttpError && RETRYABLE_STATUS.has(error.status));
  if (!retryable || attemptNumber > state.retry.retries) return undefined;
  if (error instanceof BatchHttpError && error.retryAfterMs !== undefined) {
    return error.retryAfterMs <= state.retry.maxDelayMs ? error.retryAfterMs : undefined;
  }
  const ceiling = Math.min(state.retry.maxDelayMs, state.retry.baseDelayMs * 2 ** (attemptNumber - 1));
  return Math.round(Math.random() * ceiling); // full jitter
}

export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
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

/** A failed attempt: its error, or for a read that may be retried, the next attempt. */
export async function failed(
  state: CoreState,
  request: OperationRequest,
  options: CallOptions | undefined,
  outcome: Outcome,
  attemptNumber: number,
  timeoutMs: number,
  again: () => Promise<BatchResult<unknown>>,
): Promise<BatchResult<unknown>> {
  const { operation } = request;
  const error = toError(state, operation, options, outcome, timeoutMs);
  const answered = outcome.response ? { response: outcome.response } : {};
  const delayMs = request.read ? retryDelay(state, error, attemptNumber) : undefined;
  if (delayMs === undefined) return { error, ...answered };
  state.onRetry?.({ operation, attempt: attemptNumber, delayMs, error });
  try {
    await sleep(delayMs, options?.signal);
  } catch (cause) {
    return { error: new BatchAbortError(operation, cause) };
  }
  return again();
}

const EXPECTED: Record<AnswerShape, string> = {
  none: 'no body',
  task: 'one BatchTaskInfo',
  tasks: 'an array of BatchTaskInfo',
  id: 'the new task id',
  boolean: 'true or false',
  page: 'an OData envelope with value[]',
  value: 'the answer the spec describes',
};

/** A 2xx answer that is a failure: Agents' null (or 0) and {"Message"}, or a body of the wrong shape. */
export function answerError<T>(
  state: CoreState,
  request: OperationRequest,
  problem: 'request-invalid' | 'null-response' | 'unexpected-body',
  data: unknown,
  response: Response,
): BatchResult<T> {
  const { operation } = request;
  if (problem === 'null-response') return { error: new BatchNullResponseError(operation), response };
  if (problem === 'unexpected-body') return { error: new BatchUnexpectedBodyError(operation, response.status, `expected ${EXPECTED[request.answer]}`), response };
  const redact = redaction(state);
  const { Message, MessageDetail } = data as { Message: string; MessageDetail?: unknown };
  return { error: new BatchRequestInvalidError(operation, redact.text(Message), typeof MessageDetail === 'string' ? redact.text(MessageDetail) : undefined), response };
}
