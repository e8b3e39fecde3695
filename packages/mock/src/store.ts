// The mock's one store of batch tasks, behind every operation. It starts from a seed (seed.ts,
// or the caller's own fixtures) and changes as a server's database would: started jobs run
// (New, then Started with rising progress, then Succeeded, or Failed for a job whose name
// contains "fail", unless the job's name has a behaviour defined in jobs.ts), updates change
// only what UpdateBatchTask's page says, stopped jobs end (unless they cannot be cancelled), and
// deleted tasks are gone. Ids are never reused, so a deleted or forgotten id reads as gone,
// never as another task. Every time is the store's clock's (clock.ts): a task's course is
// computed from it when the task is read, so moving a manual clock moves every job at once.
import { isDeepStrictEqual } from 'node:util';
import type { JobBehaviour } from './jobs.ts';

export const REAL_STATES = ['Unknown', 'New', 'Aquired', 'Started', 'Succeeded', 'Failed', 'SucceededManualCleanup'] as const;
export type TaskState = (typeof REAL_STATES)[number];
/** 'All' is a filter of the list calls, never the state of a task. */
export type StateFilter = TaskState | 'All';
export type StoredTask = Record<string, unknown> & { Id: number; Name: string | null; AssociateId: number; IsSystemTask: boolean; State: TaskState };

export const FINAL_STATES: readonly TaskState[] = ['Succeeded', 'Failed', 'SucceededManualCleanup'];
const RUNNING_STATES: readonly TaskState[] = ['New', 'Aquired', 'Started'];
/** What an update may change: the rest is kept, as UpdateBatchTask's page says. */
export const UPDATABLE = ['State', 'Description', 'Response', 'Request'] as const;
/** The text a start keeps from its input. */
const STARTED_TEXT = ['Name', 'Description', 'Context', 'Request'] as const;
const FAILS = /fail/i;

export const DEFAULT_MAX_TASKS = 1000;
export const DEFAULT_MAX_STRING = 8192;
export const DEFAULT_MAX_PARAMETER_BYTES = 16 * 1024;
export const DEFAULT_RUN_MS = 5000;

/** A refusal the front turns into a 4xx with the SuperOffice error body. */
export class StoreProblem extends Error {
  readonly status: number;
  readonly type: string;
  constructor(status: number, type: string, message: string) {
    super(message);
    this.status = status;
    this.type = type;
  }
}

export interface StoreLimits {
  /** Tasks kept at most; past it the oldest finished task (else the oldest not running) is forgotten; never a running one. */
  maxTasks: number;
  /** Characters kept at most in each string property; a longer one is refused with 400. */
  maxString: number;
  /** Bytes of JSON a ParameterObject may take; a larger one is refused with 400. */
  maxParameterBytes: number;
}

export interface StoreOptions extends Partial<StoreLimits> {
  /** How long a started job runs, from Started to its end (default 5 s). */
  runMs?: number;
  /** The clock, in ms since the epoch (Date.now by default). */
  now?: () => number;
  /** The behaviour defined for a job name, if any (the sandbox's JobBook); none: the defaults. */
  behaviourOf?: (name: string) => JobBehaviour | undefined;
  /** Rows per page of the OData archive (GET /BatchTask); the spec's 50 by default. */
  archivePageSize?: number;
  /**
   * Every property the spec's BatchTaskInfo declares, in its order. A start keeps those the store
   * does not set itself as they were sent (a property added to the spec is stored without a
   * change here), and answers carry them in this order.
   */
  declaredProperties?: readonly string[];
}

/** A started job's course, fixed when it starts (a later definition does not change it). */
interface Job {
  created: number;
  queuedMs: number;
  runMs: number;
  /** Never ends on its own. */
  hang: boolean;
  /** The percent at which it ends Failed, with `failResult`; undefined: it does not fail. */
  failAtPercent?: number;
  failResult: string;
  endState: 'Succeeded' | 'SucceededManualCleanup';
  result: string;
}

interface Entry {
  /** The task as stored. For a running job: everything but State, progress and Result, which its run computes. */
  task: StoredTask;
  /** Set while a job started here runs; dropped once it has ended, been stopped, or had its State set. */
  job?: Job;
}

export interface TaskFilter {
  associateIds?: readonly number[];
  name?: string;
  state?: StateFilter;
  system?: boolean;
}

/**
 * A frozen deep copy of plain JSON data. The seed is kept frozen so that each reset can hand the
 * same task objects to the store again without copying them (100,000 copies are seconds): the
 * store never changes a task in place, it replaces it.
 */
function frozenCopy<T>(value: T): T {
  if (!value || typeof value !== 'object') return value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? value.map(frozenCopy) : {};
  if (!Array.isArray(value)) for (const key of Object.keys(value)) (copy as Record<string, unknown>)[key] = frozenCopy((value as Record<string, unknown>)[key]);
  return Object.freeze(copy) as T;
}

/**
 * Marks the tasks sealTask made (deeply frozen copies, which a store takes as they are). A hidden
 * property, not a WeakSet: a WeakSet of 100,000 objects slows every garbage collection.
 */
const SEALED = Symbol('so-batch sealed task');

/**
 * A deeply frozen copy of a task that a TaskStore's load takes without copying it again: for
 * whoever prepares many tasks (loadFixtures), so that 100,000 of them are copied once, not twice.
 */
export function sealTask(task: StoredTask): StoredTask {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(task)) copy[key] = frozenCopy(task[key]);
  // Not enumerable: spreads and JSON leave it out, so only this very object counts as sealed.
  Object.defineProperty(copy, SEALED, { value: true });
  return Object.freeze(copy) as StoredTask;
}

const isSealed = (task: StoredTask) => (task as { [SEALED]?: boolean })[SEALED] === true;

export class TaskStore {
  readonly runMs: number;
  readonly limits: StoreLimits;
  readonly archivePageSize: number | undefined;
  readonly #now: () => number;
  readonly #behaviourOf: (name: string) => JobBehaviour | undefined;
  readonly #entries = new Map<number, Entry>();
  #seed: readonly StoredTask[] = [];
  #declared: string[] = [];
  #nextId = 1;
  /** The first id a start handed out (Infinity before any): ids from it to #nextId name started jobs. */
  #firstStartedId = Number.POSITIVE_INFINITY;

  constructor(seed: readonly StoredTask[], options: StoreOptions = {}) {
    this.runMs = options.runMs ?? DEFAULT_RUN_MS;
    this.#now = options.now ?? Date.now;
    this.#declared = [...(options.declaredProperties ?? [])];
    this.#behaviourOf = options.behaviourOf ?? (() => undefined);
    this.archivePageSize = options.archivePageSize;
    this.limits = {
      maxTasks: options.maxTasks ?? DEFAULT_MAX_TASKS,
      maxString: options.maxString ?? DEFAULT_MAX_STRING,
      maxParameterBytes: options.maxParameterBytes ?? DEFAULT_MAX_PARAMETER_BYTES,
    };
    this.load(seed);
  }

  /**
   * Replaces every task with `seed` (copied, but for sealTask's tasks). Ids handed out before stay used: they are never
   * reused. A seed of more than maxTasks tasks is refused (a RangeError naming maxTasks): the
   * store would have to forget some at once, and it never forgets a running one.
   */
  load(seed: readonly StoredTask[]): void {
    if (seed.length > this.limits.maxTasks) {
      throw new RangeError(`TaskStore: the seed holds ${seed.length} tasks, more than maxTasks (${this.limits.maxTasks}); raise maxTasks to at least ${seed.length}.`);
    }
    // By Id: the entries' order is then the Ids' order (a start's Id is above every other),
    // so the oldest task is the first one #makeRoom meets.
    this.#seed = seed.map((task) => (isSealed(task) ? task : frozenCopy(task))).sort((a, b) => a.Id - b.Id);
    this.reset();
  }

  /**
   * Takes a new seed (the dev loop's, when the spec's samples change) and keeps everything else:
   * started jobs, changes and deletions. A seed task the store still holds as the old seed had
   * it takes the new seed's values (or goes, when the new seed has no such task); one that was
   * changed or deleted stays as it is; a task new to the seed is added unless its id is a
   * started job's. reset() goes back to the new seed.
   */
  reseed(seed: readonly StoredTask[]): void {
    const fresh = seed.map((task) => (isSealed(task) ? task : frozenCopy(task))).sort((a, b) => a.Id - b.Id);
    const freshIds = new Set(fresh.map((task) => task.Id));
    const old = new Map(this.#seed.map((task) => [task.Id, task]));
    const untouched = (id: number) => {
      const entry = this.#entries.get(id);
      return entry !== undefined && !entry.job && isDeepStrictEqual(entry.task, old.get(id));
    };
    for (const id of old.keys()) if (!freshIds.has(id) && untouched(id)) this.#entries.delete(id);
    for (const task of fresh) {
      if (old.has(task.Id) ? untouched(task.Id) : !this.#entries.has(task.Id) && !(task.Id >= this.#firstStartedId && task.Id < this.#nextId)) {
        this.#entries.set(task.Id, { task });
      }
    }
    this.#seed = fresh;
    for (const task of fresh) if (task.Id >= this.#nextId) this.#nextId = task.Id + 1;
    // A larger seed may leave more than maxTasks: forget ended tasks, never running ones.
    try {
      while (this.#entries.size > this.limits.maxTasks) this.#makeRoom();
    } catch (problem) {
      if (!(problem instanceof StoreProblem)) throw problem;
    }
  }

  /** Back to the seed. */
  reset(): void {
    this.#entries.clear();
    // A loop, not Math.max(...ids): spreading 100,000 ids overflows the stack.
    let highest = 10_000;
    for (const task of this.#seed) {
      this.#entries.set(task.Id, { task });
      if (task.Id > highest) highest = task.Id;
    }
    this.#nextId = Math.max(this.#nextId, highest + 1);
  }

  /** The store's clock, in ms since the epoch. */
  now(): number {
    return this.#now();
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The task as it is now, or null when there is none (never was, deleted or forgotten). */
  get(id: unknown): StoredTask | null {
    if (typeof id !== 'number') return null;
    const entry = this.#entries.get(id);
    return entry ? this.#settle(entry) : null;
  }

  /** Every task now, by Id. */
  all(): StoredTask[] {
    return [...this.#entries.values()].map((entry) => this.#settle(entry)).sort((a, b) => a.Id - b.Id);
  }

  list(filter: TaskFilter): StoredTask[] {
    const name = filter.name?.toLowerCase();
    const associates = filter.associateIds ? new Set(filter.associateIds) : undefined;
    return this.all().filter(
      (task) =>
        (associates === undefined || associates.has(task.AssociateId)) &&
        (name === undefined || (task.Name ?? '').toLowerCase() === name) &&
        (filter.state === undefined || filter.state === 'All' || task.State === filter.state) &&
        (filter.system === undefined || task.IsSystemTask === filter.system),
    );
  }

  /**
   * Starts the job named by `input.Name` for `associateId`; returns the new task's id, or
   * undefined when there is no job to start (no name).
   */
  /** The spec's BatchTaskInfo properties (a dev-loop reload may bring new ones). */
  declare(properties: readonly string[]): void {
    this.#declared = [...properties];
  }

  start(input: Record<string, unknown>, associateId: number): number | undefined {
    const name = typeof input.Name === 'string' ? input.Name.trim() : '';
    if (name === '') return undefined;
    for (const property of STARTED_TEXT) this.#checkText(property, input[property]);
    const parameters = this.#checkParameters(input.ParameterObject);
    this.#makeRoom();
    const job = this.#plan(name, this.#now());
    const id = this.#nextId++;
    if (this.#firstStartedId === Number.POSITIVE_INFINITY) this.#firstStartedId = id;
    const { created } = job;
    const text = (property: string) => (typeof input[property] === 'string' ? (input[property] as string) : null);
    const task: StoredTask = {
      Id: id,
      Name: text('Name'),
      AssociateId: associateId,
      DetailsTable: Number.isInteger(input.DetailsTable) ? input.DetailsTable : 0,
      DetailsRecord: Number.isInteger(input.DetailsRecord) ? input.DetailsRecord : 0,
      IsSystemTask: false,
      IsInternalTask: input.IsInternalTask === true,
      ParameterObject: parameters,
      LastStarted: new Date(created).toISOString(),
      Created: new Date(created).toISOString(),
      StartCount: 1,
      DatabaseSerialNumber: '1158690',
      Context: text('Context'),
      Result: null,
      State: 'New',
      Description: text('Description'),
      Response: null,
      Request: text('Request'),
      ProgressDescription: 'Queued',
      ProgressPercent: 0,
      FileName: null,
      CancellationBehaviour: this.#behaviourOf(name)?.cancellation ?? 'CanCancel',
      TableRight: { Mask: 'FULL', Reason: '' },
      FieldProperties: {},
    };
    this.#entries.set(id, { task: this.#withDeclared(task, input), job });
    return id;
  }

  /**
   * The task with the declared properties it does not set itself taken from `input` as sent (the
   * front has validated them against the spec), held to the string and size caps, and in the
   * spec's order.
   */
  #withDeclared(task: StoredTask, input: Record<string, unknown>): StoredTask {
    const extra = this.#declared.filter((property) => !(property in task) && input[property] !== undefined);
    if (extra.length === 0) return task;
    for (const property of extra) {
      const value = input[property];
      if (typeof value === 'string') this.#checkText(property, value);
      else if (value !== null && typeof value === 'object') {
        const size = Buffer.byteLength(JSON.stringify(value));
        if (size > this.limits.maxParameterBytes) throw new StoreProblem(400, 'BadRequest', `${property} is ${size} bytes of JSON; the mock stores at most ${this.limits.maxParameterBytes}.`);
      }
    }
    const ordered: Record<string, unknown> = {};
    for (const property of this.#declared) {
      if (property in task) ordered[property] = task[property];
      else if (extra.includes(property)) ordered[property] = input[property];
    }
    for (const [property, value] of Object.entries(task)) if (!(property in ordered)) ordered[property] = value;
    return ordered as StoredTask;
  }

  /**
   * Applies State, Description, Response and Request, and nothing else; null when there is no
   * such task. A job whose State is set stays in it (it no longer runs on its own); the other
   * three leave it running. Refuses 'All' (a filter, not a state) and over-long text, changing nothing.
   */
  update(id: unknown, changes: Record<string, unknown>): StoredTask | null {
    if (typeof id !== 'number') return null;
    const entry = this.#entries.get(id);
    if (!entry) return null;
    if (changes.State === 'All') throw new StoreProblem(400, 'BadRequest', 'State "All" is a filter of the list calls, not a state a task can be in: use one of ' + REAL_STATES.join(', ') + '.');
    if (changes.State !== undefined && changes.State !== null && !(REAL_STATES as readonly unknown[]).includes(changes.State)) {
      throw new StoreProblem(400, 'BadRequest', `State ${JSON.stringify(changes.State)} is not a BatchTaskState: use one of ${REAL_STATES.join(', ')}.`);
    }
    for (const property of UPDATABLE) if (property !== 'State') this.#checkText(property, changes[property]);
    if (changes.State !== undefined && changes.State !== null) {
      entry.task = { ...this.#settle(entry), State: changes.State as TaskState };
      delete entry.job;
    }
    // A new object, never a change in place: the task may be the seed's (frozen, shared by resets).
    for (const property of ['Description', 'Response', 'Request'] as const) {
      if (changes[property] !== undefined) entry.task = { ...entry.task, [property]: changes[property] };
    }
    return this.#settle(entry);
  }

  /**
   * Stops a running job (it ends Failed): true; false when it had ended or its
   * CancellationBehaviour is CannotCancel (CanCancel and CancelWithWarning stop); null when
   * there is no such task.
   */
  stop(id: unknown): boolean | null {
    if (typeof id !== 'number') return null;
    const entry = this.#entries.get(id);
    if (!entry) return null;
    const task = this.#settle(entry);
    if (!RUNNING_STATES.includes(task.State) || task.CancellationBehaviour === 'CannotCancel') return false;
    entry.task = { ...task, State: 'Failed', Result: 'Stopped on request.', ProgressDescription: 'Stopped' };
    delete entry.job;
    return true;
  }

  /** Deletes a task: whether there was one. */
  delete(id: unknown): boolean {
    return typeof id === 'number' && this.#entries.delete(id);
  }

  #checkText(property: string, value: unknown): void {
    if (typeof value === 'string' && value.length > this.limits.maxString) {
      throw new StoreProblem(400, 'BadRequest', `${property} is ${value.length} characters long; the mock stores at most ${this.limits.maxString}.`);
    }
  }

  #checkParameters(value: unknown): Record<string, unknown> | null {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const size = Buffer.byteLength(JSON.stringify(value));
    if (size > this.limits.maxParameterBytes) {
      throw new StoreProblem(400, 'BadRequest', `ParameterObject is ${size} bytes of JSON; the mock stores at most ${this.limits.maxParameterBytes}.`);
    }
    return value as Record<string, unknown>;
  }

  /**
   * Makes room for one more task when the store holds maxTasks: forgets the oldest finished task,
   * else the oldest that is not running (Unknown); never a running one (New, Aquired, Started),
   * which someone may be watching. With only running tasks left, refuses the start with 409.
   * The entries are in Id order, so the scan stops at the first finished task.
   */
  #makeRoom(): void {
    if (this.#entries.size < this.limits.maxTasks) return;
    let idle: number | undefined;
    for (const [id, entry] of this.#entries) {
      const state = entry.job ? this.#settle(entry).State : entry.task.State;
      if (FINAL_STATES.includes(state)) {
        this.#entries.delete(id);
        return;
      }
      if (idle === undefined && !RUNNING_STATES.includes(state)) idle = id;
    }
    if (idle !== undefined) {
      this.#entries.delete(idle);
      return;
    }
    throw new StoreProblem(
      409,
      'Conflict',
      `The mock's store is full: it keeps ${this.limits.maxTasks} tasks (maxTasks), all of them running, and forgets only ended ones. Stop or delete a task, or start the mock with a larger maxTasks.`,
    );
  }

  /** A job's course from its name: its definition, else the defaults (taskRunMs; a name with "fail" fails at 60%). */
  #plan(name: string, created: number): Job {
    const defined = this.#behaviourOf(name);
    const runMs = defined?.runMs ?? this.runMs;
    const quoted = JSON.stringify(name);
    const job: Job = {
      created,
      runMs,
      queuedMs: defined?.queuedMs ?? Math.min(500, runMs / 10),
      hang: defined?.hang === true,
      failResult: `The job ${quoted} failed: the mock fails every job whose name contains "fail".`,
      endState: defined?.manualCleanup === true ? 'SucceededManualCleanup' : 'Succeeded',
      result: defined?.result ?? `The job ${quoted} finished.`,
    };
    if (defined === undefined) {
      if (FAILS.test(name)) job.failAtPercent = 60;
    } else if (defined.failAtPercent !== undefined) {
      job.failAtPercent = defined.failAtPercent;
      job.failResult = defined.result ?? `The job ${quoted} failed at ${defined.failAtPercent}%: the mock's definition of the job fails it there (failAtPercent ${defined.failAtPercent}).`;
    }
    return job;
  }

  /** The task at this moment of its run; a job that has ended is stored as ended. */
  #settle(entry: Entry): StoredTask {
    const { job, task } = entry;
    if (!job) return { ...task };
    const elapsed = this.#now() - job.created;
    if (elapsed < job.queuedMs) return { ...task, State: 'New', ProgressPercent: 0, ProgressDescription: 'Queued', StartCount: 0 };
    const started = { ...task, LastStarted: new Date(job.created + job.queuedMs).toISOString() };
    const step = (percent: number) => `Step ${Math.min(5, 1 + Math.floor(percent / 20))} of 5`;
    if (job.hang) return { ...started, State: 'Started', ProgressPercent: 0, ProgressDescription: step(0) };
    const progress = job.runMs <= 0 ? 100 : Math.max(0, Math.min(100, Math.floor((100 * (elapsed - job.queuedMs)) / job.runMs)));
    const end = (ended: StoredTask) => {
      entry.task = ended;
      delete entry.job;
      return { ...ended };
    };
    if (job.failAtPercent !== undefined && progress >= job.failAtPercent) {
      return end({ ...started, State: 'Failed', ProgressPercent: job.failAtPercent, ProgressDescription: step(job.failAtPercent), Result: job.failResult });
    }
    if (progress >= 100) return end({ ...started, State: job.endState, ProgressPercent: 100, ProgressDescription: 'Done', Result: job.result });
    return { ...started, State: 'Started', ProgressPercent: progress, ProgressDescription: step(progress) };
  }
}
