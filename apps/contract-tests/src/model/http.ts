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
  /** The mock's sandbox controls (its manual clock, its job definitions); none on a real server. */
  controls?: SandboxControls;
}

/** What the model steers on the mock, besides its HTTP API. */
export interface SandboxControls {
  advance(ms: number): Promise<void>;
  define(name: string, behaviour: import('@so-batch/mock').JobBehaviour): void;
}

export interface RecordedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path and query, such as /api/v1/BatchTask/10001 or /api/v1/BatchTask?%24top=3. */
  path: string;
  body?: unknown;
  status?: number;
  /** A task id this request started, as the body it answered (for `T1=$(curl ...)`). */
  startedId?: number;
  /** Set on the request whose answer broke the contract: what was wrong. */
  failure?: string;
  /** Part of setting the target up, not of the sequence. */
  setup?: boolean;
  /** A step on the mock's sandbox, not a request (method and path unused): what was done, as code. */
  control?: string;
}

export interface Answer {
  status: number;
  /** The parsed JSON body; undefined for an empty one. */
  body: unknown;
}

/** A request the target could not answer at all (network, timeout, a body that is no JSON). */
export class TransportProblem extends Error {
  readonly kind = 'transport' as const;
}

export class ModelHttp {
  readonly target: ModelTarget;
  transcript: RecordedRequest[] = [];
  /** The commands of the current sequence that ran (fast-check skips those whose check() fails). */
  ran: string[] = [];
  readonly #fetch: typeof fetch;

  constructor(target: ModelTarget, fetchImpl: typeof fetch = fetch) {
    this.target = target;
    this.#fetch = fetchImpl;
  }

  /** Starts a new sequence's transcript. */
  begin(): void {
    this.transcript = [];
    this.ran = [];
  }

  async send(method: RecordedRequest['method'], path: string, body?: unknown, options: { setup?: boolean } = {}): Promise<Answer> {
    const record: RecordedRequest = { method, path, ...(body === undefined ? {} : { body: structuredClone(body) }), ...(options.setup ? { setup: true } : {}) };
    this.transcript.push(record);
    const headers: Record<string, string> = { accept: 'application/json', ...this.target.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.#fetch(`${this.target.baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new TransportProblem(`${method} ${path} got no answer: ${(error as Error).message}`);
    }
    const text = await response.text();
    record.status = response.status;
    let parsed: unknown;
    if (text.trim() !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new TransportProblem(`${method} ${path} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
      }
    }
    return { status: response.status, body: parsed };
  }

  /** Steers the target's sandbox (recorded as `text`); a TransportProblem where there is none. */
  async control(text: string, act: (controls: SandboxControls) => Promise<void> | void): Promise<void> {
    const controls = this.target.controls;
    if (!controls) throw new TransportProblem(`${text}: this target has no sandbox to steer`);
    this.transcript.push({ method: 'POST', path: '', control: text });
    await act(controls);
  }

  /** Marks the last request as the one that broke the contract. */
  markFailure(message: string): void {
    const last = this.transcript.at(-1);
    if (last) last.failure = message;
  }
}
