// The model run's HTTP: raw fetch, so that what the transcript prints as curl lines is exactly
// what was sent. Every request of the current sequence is recorded (method, path, body, status
// and which ids in it are tasks the sequence started), and nothing recorded holds a credential:
// the transcript knows only the placeholder the curl printer writes instead.

/** Where the run sends its requests, and how the curl lines spell the credentials. */
export interface ModelTarget {
  kind: 'mock' | 'real';
  /** Base URL without /api/v1, such as http://127.0.0.1:4010. */
  baseUrl: string;
  /** The headers every request carries (credentials, SO-AppToken): sent, never recorded. */
  headers: Record<string, string>;
  /** How the curl lines write the credentials: `-u tje0:Tje0` for the mock, `$SO_AUTH` placeholders for a real server. */
  curlCredentials: string[];
  /** What the curl lines' BASE comment says (how to get a target to replay on). */
  curlBase: string;
  /**
   * Whether the target has the mock's control API (/mock/... on baseUrl: its clock, job
   * definitions and faults, spec/control/openapi.yaml); a real server has none.
   */
  sandbox?: boolean;
}

export interface RecordedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path and query, such as /api/v1/BatchTask/10001 or /api/v1/BatchTask?%24top=3. */
  path: string;
  body?: unknown;
  /** The status it answered; undefined when it got no answer (see `dropped`). */
  status?: number;
  /** A task id this request started, as the body it answered (for `T1=$(curl ...)`). */
  startedId?: number;
  /** With startedId: the start's answer was lost (a fault), and the model knows the id as the next one in sequence. */
  answerLost?: boolean;
  /** The connection was dropped without an answer: how the client saw it. */
  dropped?: string;
  /** Set on the request whose answer broke the contract: what was wrong. */
  failure?: string;
  /** Part of setting the target up, not of the sequence. */
  setup?: boolean;
  /** A request to the mock's control API (/mock/...): sent without credentials. */
  control?: boolean;
}

export interface Answer {
  status: number;
  /** The parsed JSON body; undefined for an empty one. */
  body: unknown;
  /** The Retry-After header, when it has one. */
  retryAfter?: string;
}

/** A request whose connection was dropped without an answer: what the client saw. */
export interface Dropped {
  dropped: string;
}

/** A request the target could not answer at all (network, timeout, a body that is no JSON). */
export class TransportProblem extends Error {
  readonly kind = 'transport' as const;
}

/**
 * How long a request may wait for its answer. A bound, not a pace: the mock answers in
 * milliseconds and a dropped connection fails at once, so this is reached only by a target that
 * hangs, which then fails the run with a message saying so instead of holding it forever.
 */
export const ANSWER_WAIT_MS = 30_000;

export class ModelHttp {
  readonly target: ModelTarget;
  transcript: RecordedRequest[] = [];
  /** The commands of the current sequence that ran (fast-check skips those whose check() fails). */
  ran: string[] = [];
  readonly #fetch: typeof fetch;
  readonly #answerWaitMs: number;

  constructor(target: ModelTarget, fetchImpl: typeof fetch = fetch, options: { answerWaitMs?: number } = {}) {
    this.target = target;
    this.#fetch = fetchImpl;
    this.#answerWaitMs = options.answerWaitMs ?? ANSWER_WAIT_MS;
  }

  /** Starts a new sequence's transcript. */
  begin(): void {
    this.transcript = [];
    this.ran = [];
  }

  /** Sends a request and reads its answer; a TransportProblem when there is none. */
  async send(method: RecordedRequest['method'], path: string, body?: unknown, options: { setup?: boolean } = {}): Promise<Answer> {
    const answer = await this.attempt(method, path, body, options);
    if ('dropped' in answer) throw new TransportProblem(`${method} ${path} got no answer: ${answer.dropped}`);
    return answer;
  }

  /**
   * Sends a request that may get no answer (a fault that drops the connection): a dropped
   * connection comes back as a value. A request that waits past ANSWER_WAIT_MS is a
   * TransportProblem: a drop ends at once, a hang is something else.
   */
  async attempt(method: RecordedRequest['method'], path: string, body?: unknown, options: { setup?: boolean; control?: boolean } = {}): Promise<Answer | Dropped> {
    const record: RecordedRequest = {
      method,
      path,
      ...(body === undefined ? {} : { body: structuredClone(body) }),
      ...(options.setup ? { setup: true } : {}),
      ...(options.control ? { control: true } : {}),
    };
    this.transcript.push(record);
    // The control API needs no credentials: it is not sent any.
    const headers: Record<string, string> = { accept: 'application/json', ...(options.control ? {} : this.target.headers) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const signal = AbortSignal.timeout(this.#answerWaitMs);
    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(`${this.target.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }), signal });
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw new TransportProblem(`${method} ${path} got no answer within ${this.#answerWaitMs / 1000} s, and its connection stayed open`);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      record.dropped = [(error as Error).message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
      return { dropped: record.dropped };
    }
    record.status = response.status;
    let parsed: unknown;
    if (text.trim() !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new TransportProblem(`${method} ${path} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
      }
    }
    const retryAfter = response.headers.get('retry-after');
    return { status: response.status, body: parsed, ...(retryAfter === null ? {} : { retryAfter }) };
  }

  /**
   * Steers the mock's sandbox through its control API (`POST /mock/faults`, `POST
   * /mock/clock/advance`, `PUT /mock/jobs/{name}`): recorded like any request, so that the curl
   * lines replay it. A target without one, or a refusal, is a TransportProblem naming the step.
   */
  async control(method: RecordedRequest['method'], path: string, body: unknown): Promise<Answer> {
    if (!this.target.sandbox) throw new TransportProblem(`${method} ${path}: this target has no sandbox to steer`);
    const answer = await this.attempt(method, path, body, { control: true });
    if ('dropped' in answer) throw new TransportProblem(`${method} ${path} got no answer: ${answer.dropped}`);
    if (answer.status >= 300) throw new TransportProblem(`${method} ${path} ${JSON.stringify(body)} was refused with ${answer.status}: ${JSON.stringify(answer.body)?.slice(0, 300)}`);
    return answer;
  }

  /** Marks the last request as the one that broke the contract. */
  markFailure(message: string): void {
    const last = this.transcript.at(-1);
    if (last) last.failure = message;
  }
}
