import { STATUS_CODES } from 'node:http';
import { controlSchema } from './control-spec.ts';
import type { components } from './generated/control.gen.ts';

// Faults on demand: rules that make chosen operations answer an error, answer late, or drop the
// connection, before the store acts or after it. The rule's shape is the control API's FaultRule
// (spec/control/openapi.yaml): the JS API and the HTTP API take the same rules, checked by the
// same code, with bounds read from that document.

/** What goes wrong, on which operation, how often (see the control API's FaultRule). */
export type FaultRule = components['schemas']['FaultRule'];
/** A rule as the mock holds it: its id, how often it acted, whether its `times` are used up. */
export type Fault = components['schemas']['Fault'];

/** What `mock.faults.add()` answers: the rule's id, a live count of the requests it hit, and a way to remove it. */
export interface FaultHandle {
  readonly id: number;
  /** How many requests the rule has acted on so far (read it when you need it: it counts on). */
  readonly hits: number;
  /** Removes the rule; false when it was removed already. */
  remove(): boolean;
}

/** `mock.faults`. */
export interface FaultControls {
  /** Adds a rule after the others; a rule that cannot be true throws a TypeError naming the field. */
  add(rule: FaultRule): FaultHandle;
  /** Removes every rule. */
  clear(): void;
  /** Every rule, in the order they are tried, with its hits; a spent rule stays until removed. */
  list(): Fault[];
}

/** What a request gets from the rule that acts on it. */
export type FaultAction =
  | { kind: 'status'; status: number; retryAfter?: number }
  | { kind: 'delay'; ms: number }
  | { kind: 'reset' };

export interface FaultHit {
  id: number;
  when: 'before' | 'after';
  action: FaultAction;
  /** One line for the log: which rule did what. */
  note: string;
}

interface HeldRule {
  id: number;
  rule: FaultRule;
  operation: string | undefined;
  when: 'before' | 'after';
  times: number;
  probability: number | undefined;
  draw: () => number;
  action: FaultAction;
  hits: number;
}

/**
 * A small seeded generator (mulberry32): the same seed gives the same draws, so a run with
 * `probability` hits the same requests each time. Its statistical quality is ample for chaos.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The SuperOffice-style name of a status, for ErrorType: 503 is ServiceUnavailable. */
export function errorTypeOf(status: number): string {
  return (STATUS_CODES[status] ?? `Http${status}`).replace(/\W/g, '') || `Http${status}`;
}

/** Levenshtein distance, for "did you mean" lists. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Up to three operationIds like `asked`: those containing it (or its part after `_`) first, each group nearest spelling first. */
export function similarOperations(asked: string, operationIds: readonly string[]): string[] {
  const wanted = asked.toLowerCase();
  const tail = wanted.includes('_') ? wanted.slice(wanted.indexOf('_') + 1) : wanted;
  const ranked = operationIds
    .map((id) => {
      const lower = id.toLowerCase();
      const contains = tail.length >= 3 && lower.includes(tail);
      // Those containing the name come first, the nearest spelling first among them.
      return { id, score: distance(wanted, lower) - (contains ? 1000 : 0) };
    })
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  return ranked.slice(0, 3).map((entry) => entry.id);
}

/** The numeric bounds the control API's document gives a FaultRule property. */
function bounds(property: string): { minimum: number | undefined; maximum: number | undefined } {
  const schema = controlSchema('FaultRule').properties?.[property] ?? {};
  return { minimum: schema.minimum as number | undefined, maximum: schema.maximum as number | undefined };
}

/**
 * Checks a rule; throws a TypeError naming the field when it cannot be true. `api` names the
 * caller in the message (`mock.faults.add`, or the control API's `POST /mock/faults`).
 */
export function checkFaultRule(rule: unknown, operationIds: readonly string[], api = 'mock.faults.add'): asserts rule is FaultRule {
  const fail = (message: string): never => {
    throw new TypeError(`${api}: ${message}`);
  };
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) fail(`a rule is an object such as { operation: 'v1BatchAgent_GetBatchTaskInfo', status: 503 }, not ${rule === null ? 'null' : Array.isArray(rule) ? 'an array' : typeof rule}.`);
  const given = rule as Record<string, unknown>;
  const known = Object.keys(controlSchema('FaultRule').properties ?? {});
  for (const field of Object.keys(given)) {
    if (!known.includes(field)) fail(`unknown field "${field.slice(0, 60)}": a rule has ${known.join(', ')}.`);
  }
  const wholeNumberIn = (field: string, value: unknown) => {
    const { minimum, maximum } = bounds(field);
    if (typeof value !== 'number' || !Number.isInteger(value) || (minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) {
      fail(`${field} must be a whole number from ${minimum ?? '-∞'} to ${maximum ?? '∞'}, not ${JSON.stringify(value) ?? String(value)}.`);
    }
  };

  if (given.operation !== undefined) {
    if (typeof given.operation !== 'string' || given.operation === '') fail(`operation must be an operationId of the Batch spec, such as v1BatchAgent_GetBatchTaskInfo, not ${JSON.stringify(given.operation)}.`);
    const operation = given.operation as string;
    if (!operationIds.includes(operation)) {
      fail(`operation "${operation.slice(0, 80)}" is not an operationId of the Batch spec; similar ones: ${similarOperations(operation, operationIds).join(', ')}.`);
    }
  }

  const kinds = (['status', 'delayMs', 'reset'] as const).filter((field) => given[field] !== undefined);
  if (kinds.length === 0) fail('a rule needs one of status (an error answer), delayMs (a slow answer) or reset (a dropped connection).');
  if (kinds.length > 1) fail(`${kinds.join(' and ')} cannot go together: a rule does one thing (status, delayMs or reset); add one rule for each.`);

  if (given.status !== undefined) {
    const status = given.status;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
      fail(`status must be a 4xx or 5xx status (400 to 599), not ${JSON.stringify(status) ?? String(status)}: a fault answers an error; for a slow answer use delayMs.`);
    }
  }
  if (given.retryAfter !== undefined) {
    if (given.status !== 429 && given.status !== 503) fail(`retryAfter goes only with status 429 or 503 (Retry-After's statuses), not with ${given.status === undefined ? kinds[0] : `status ${String(given.status)}`}.`);
    wholeNumberIn('retryAfter', given.retryAfter);
  }
  if (given.delayMs !== undefined) wholeNumberIn('delayMs', given.delayMs);
  if (given.reset !== undefined && given.reset !== true) fail(`reset must be true (drop the connection), not ${JSON.stringify(given.reset)}; leave it out for no reset.`);
  if (given.when !== undefined && given.when !== 'before' && given.when !== 'after') fail(`when must be 'before' or 'after', not ${JSON.stringify(given.when)}.`);
  if (given.times !== undefined) {
    const times = given.times;
    const infinite = times === Infinity || times === 'Infinity';
    if (!infinite && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) {
      fail(`times must be a whole number of 1 or more, or Infinity, not ${typeof times === 'number' ? String(times) : JSON.stringify(times)}.`);
    }
  }
  if (given.probability !== undefined) {
    const probability = given.probability;
    if (typeof probability !== 'number' || !(probability > 0 && probability <= 1)) {
      fail(`probability must be above 0 and at most 1, not ${typeof probability === 'number' ? String(probability) : JSON.stringify(probability)}.`);
    }
  }
  if (given.seed !== undefined) {
    if (given.probability === undefined) fail('seed goes only with probability: without it every matching request is hit, and there is nothing to draw.');
    wholeNumberIn('seed', given.seed);
  }
}

/** The fault rules of one mock, in the order added. */
export class FaultSet implements FaultControls {
  private readonly rules: HeldRule[] = [];
  private nextId = 1;
  private operationIds: readonly string[];

  constructor(operationIds: readonly string[]) {
    this.operationIds = operationIds;
  }

  /** The operations of the spec now served (a dev-loop reload): new rules are checked against these; held ones stay. */
  useOperations(operationIds: readonly string[]): void {
    this.operationIds = operationIds;
  }

  /** Throws the TypeError add() would throw for `rule`, naming the field; adds nothing. */
  check(rule: unknown, api = 'mock.faults.add'): asserts rule is FaultRule {
    checkFaultRule(rule, this.operationIds, api);
  }

  add(rule: FaultRule, api = 'mock.faults.add'): FaultHandle {
    checkFaultRule(rule, this.operationIds, api);
    const copy: FaultRule = structuredClone(rule);
    const held: HeldRule = {
      id: this.nextId++,
      rule: copy,
      operation: copy.operation,
      when: copy.when ?? 'before',
      times: copy.times === undefined ? 1 : copy.times === 'Infinity' ? Infinity : copy.times,
      probability: copy.probability,
      draw: seededRandom(copy.seed ?? 0),
      action: copy.status !== undefined ? { kind: 'status', status: copy.status, ...(copy.retryAfter === undefined ? {} : { retryAfter: copy.retryAfter }) } : copy.delayMs !== undefined ? { kind: 'delay', ms: copy.delayMs } : { kind: 'reset' },
      hits: 0,
    };
    this.rules.push(held);
    return {
      id: held.id,
      get hits() {
        return held.hits;
      },
      remove: () => this.remove(held.id),
    };
  }

  remove(id: number): boolean {
    const index = this.rules.findIndex((held) => held.id === id);
    if (index === -1) return false;
    this.rules.splice(index, 1);
    return true;
  }

  clear(): void {
    this.rules.length = 0;
  }

  list(): Fault[] {
    return this.rules.map((held) => this.describe(held));
  }

  get(id: number): Fault | undefined {
    const held = this.rules.find((candidate) => candidate.id === id);
    return held && this.describe(held);
  }

  /**
   * The rule that acts on a request for `operationId`, its hit counted; undefined when none does.
   * Rules are tried in the order added: the first that names this operation (or none), has times
   * left and wins its probability draw acts. A rule with a probability draws once for each
   * request it is tried on, so the same seed and the same requests give the same hits.
   */
  take(operationId: string): FaultHit | undefined {
    for (const held of this.rules) {
      if (held.hits >= held.times) continue;
      if (held.operation !== undefined && held.operation !== operationId) continue;
      if (held.probability !== undefined && held.draw() >= held.probability) continue;
      held.hits++;
      const what = held.action.kind === 'status' ? `answered ${held.action.status}` : held.action.kind === 'delay' ? `delayed ${held.action.ms} ms` : 'reset the connection';
      return { id: held.id, when: held.when, action: held.action, note: `fault ${held.id} (${held.when}) ${what}` };
    }
    return undefined;
  }

  private describe(held: HeldRule): Fault {
    // JSON has no Infinity: the document spells it "Infinity".
    const rule = structuredClone(held.rule);
    if (rule.times === Infinity) rule.times = 'Infinity';
    return { id: held.id, hits: held.hits, spent: held.hits >= held.times, rule };
  }
}

/** `startMock({ rateLimit })`: at most `requests` requests to /api in each window of `perMs` milliseconds. */
export interface RateLimitOptions {
  requests: number;
  perMs: number;
}

/** Checks rateLimit's options; throws a TypeError naming the field. */
export function checkRateLimit(options: unknown): asserts options is RateLimitOptions {
  const fail = (message: string): never => {
    throw new TypeError(`startMock: rateLimit${message}`);
  };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) fail(` must be an object such as { requests: 10, perMs: 1000 }, not ${options === null ? 'null' : typeof options}.`);
  const given = options as Record<string, unknown>;
  for (const field of Object.keys(given)) if (field !== 'requests' && field !== 'perMs') fail(`: unknown field "${field.slice(0, 60)}": rateLimit has requests and perMs.`);
  for (const field of ['requests', 'perMs']) {
    const value = given[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) fail(`.${field} must be a whole number of 1 or more, not ${typeof value === 'number' ? String(value) : JSON.stringify(value) ?? 'undefined'}.`);
  }
}

/**
 * A fixed window over the whole mock: the first request after a window ends opens the next one,
 * which admits `requests` requests; past that each gets 429 with Retry-After, the whole seconds
 * (rounded up) until the window ends. Refused requests do not count.
 */
export class RateLimiter {
  private windowStart: number | undefined;
  private admitted = 0;
  private readonly options: RateLimitOptions;
  private readonly now: () => number;

  constructor(options: RateLimitOptions, now: () => number = () => performance.now()) {
    checkRateLimit(options);
    this.options = { requests: options.requests, perMs: options.perMs };
    this.now = now;
  }

  /** Admits a request (undefined), or says how many seconds until the window frees. */
  take(): { retryAfterSeconds: number; message: string } | undefined {
    const now = this.now();
    if (this.windowStart === undefined || now >= this.windowStart + this.options.perMs) {
      this.windowStart = now;
      this.admitted = 0;
    }
    if (this.admitted < this.options.requests) {
      this.admitted++;
      return undefined;
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((this.windowStart + this.options.perMs - now) / 1000));
    return {
      retryAfterSeconds,
      message: `Rate limit exceeded: the mock admits ${this.options.requests} requests per ${this.options.perMs} ms; retry after ${retryAfterSeconds} s.`,
    };
  }

  /** Forgets the count: the next request opens a new window. */
  reset(): void {
    this.windowStart = undefined;
    this.admitted = 0;
  }
}
