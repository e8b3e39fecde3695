// Jobs started through the mock run, as they would on a real server: New, then Started with rising
// progress, then Succeeded (or Failed, for a job whose name contains "fail"). Prism alone answers
// every start with the same sample id and every read with the same sample task, so a client that
// starts a job and waits for it would wait forever. Only the jobs started here are simulated; the
// pages' sample requests still get the pages' sample responses.

export type TaskState = 'Unknown' | 'New' | 'Aquired' | 'Started' | 'Succeeded' | 'Failed' | 'SucceededManualCleanup' | 'All';
export type SimulatedTask = Record<string, unknown> & { Id: number; State: TaskState };

export interface SimulatedTasksOptions {
  /** How long a job runs, from Started to its end (default 5 s). */
  runMs?: number;
  now?: () => number;
}

const FIRST_ID = 10_001;
/** The oldest jobs are forgotten past this many (generated test cases start hundreds); they then answer as deleted. */
const KEPT = 1000;
/** How many gone ids are remembered as gone. */
const GONE_KEPT = 10_000;
/** The input a job keeps: what its task shows, and nothing else of a body of up to 1 MiB. */
const KEPT_INPUT = ['Name', 'Description', 'ParameterObject', 'Context', 'Request', 'AssociateId', 'DetailsTable', 'DetailsRecord'] as const;
/** A ParameterObject larger than this (as JSON) is not kept: the task shows null. */
const KEPT_PARAMETERS = 16 * 1024;
const FAILS = /fail/i;
/** What an update may change: the rest is kept, as UpdateBatchTask's page says. */
const UPDATABLE = ['State', 'Description', 'Response', 'Request'] as const;
const FINAL: readonly TaskState[] = ['Succeeded', 'Failed', 'SucceededManualCleanup'];

interface Job {
  created: number;
  input: Record<string, unknown>;
  /** Description, Response and Request as last updated: they stick while the job runs on. */
  updated: Record<string, unknown>;
  /** Set once the task stops moving on its own: at its end, a stop, or an update of its State. */
  fixed?: SimulatedTask;
}

export class SimulatedTasks {
  readonly runMs: number;
  readonly #now: () => number;
  readonly #jobs = new Map<number, Job>();
  readonly #deleted = new Set<number>();
  #nextId = FIRST_ID;

  constructor(options: SimulatedTasksOptions = {}) {
    this.runMs = options.runMs ?? 5000;
    this.#now = options.now ?? Date.now;
  }

  /** Starts a job from the BatchTaskInfo a StartBatchJob call sent; returns the new task's id. */
  start(input: Record<string, unknown>): number {
    const id = this.#nextId++;
    const kept: Record<string, unknown> = {};
    for (const name of KEPT_INPUT) if (input[name] !== undefined) kept[name] = input[name];
    if (kept.ParameterObject !== undefined && JSON.stringify(kept.ParameterObject).length > KEPT_PARAMETERS) kept.ParameterObject = null;
    this.#jobs.set(id, { created: this.#now(), input: kept, updated: {} });
    if (this.#jobs.size > KEPT) this.delete(this.#jobs.keys().next().value!);
    return id;
  }

  /** Whether `id` is a task started here (deleted ones included: they answer as gone). */
  knows(id: unknown): id is number {
    return typeof id === 'number' && (this.#jobs.has(id) || this.#deleted.has(id));
  }

  /** The task as it is now; null once deleted. */
  get(id: number): SimulatedTask | null {
    const job = this.#jobs.get(id);
    if (!job) return null;
    return job.fixed ?? { ...this.#settle(id, job), ...job.updated };
  }

  /**
   * Applies State, Description, Response and Request, and nothing else. A job whose State is set
   * stays in it (it no longer moves on its own); the other three leave it running.
   */
  update(id: number, changes: Record<string, unknown>): SimulatedTask | null {
    const job = this.#jobs.get(id);
    if (!job || !this.get(id)) return null;
    for (const name of UPDATABLE) {
      if (changes[name] === undefined) continue;
      if (job.fixed) (job.fixed as Record<string, unknown>)[name] = changes[name];
      else if (name !== 'State') job.updated[name] = changes[name];
    }
    if (!job.fixed && changes.State !== undefined) job.fixed = { ...this.get(id)!, State: changes.State as TaskState };
    return this.get(id);
  }

  /** Stops a running job (it ends Failed); false when it had already ended. */
  stop(id: number): boolean {
    const job = this.#jobs.get(id);
    const task = this.get(id);
    if (!job || !task || FINAL.includes(task.State)) return false;
    job.fixed = { ...task, State: 'Failed', Result: 'Stopped on request.', ProgressDescription: 'Stopped' };
    return true;
  }

  delete(id: number): void {
    if (!this.#jobs.delete(id)) return;
    this.#deleted.add(id);
    if (this.#deleted.size > GONE_KEPT) this.#deleted.delete(this.#deleted.values().next().value!);
  }

  /** The task at this moment of its run; fixed once it has ended. */
  #settle(id: number, job: Job): SimulatedTask {
    const queuedMs = Math.min(500, this.runMs / 10);
    const elapsed = this.#now() - job.created;
    const fails = FAILS.test(String(job.input.Name ?? ''));
    const progress = this.runMs <= 0 ? 100 : Math.max(0, Math.min(100, Math.floor((100 * (elapsed - queuedMs)) / this.runMs)));
    const failsAt = 60;
    const task = this.#task(id, job);
    if (elapsed < queuedMs) return { ...task, State: 'New', ProgressPercent: 0, ProgressDescription: 'Queued', StartCount: 0, LastStarted: null };
    if (fails && progress >= failsAt) {
      job.fixed = { ...task, ...job.updated, State: 'Failed', ProgressPercent: failsAt, ProgressDescription: `Step ${1 + Math.floor(failsAt / 20)} of 5`, Result: `The job "${String(job.input.Name)}" failed: the mock fails every job whose name contains "fail".` };
      return job.fixed;
    }
    if (progress >= 100) {
      job.fixed = { ...task, ...job.updated, State: 'Succeeded', ProgressPercent: 100, ProgressDescription: 'Done', Result: `The job "${String(job.input.Name)}" finished.` };
      return job.fixed;
    }
    return { ...task, State: 'Started', ProgressPercent: progress, ProgressDescription: `Step ${1 + Math.floor(progress / 20)} of 5` };
  }

  #task(id: number, job: Job): SimulatedTask {
    const { input } = job;
    const text = (name: string) => (typeof input[name] === 'string' ? input[name] : null);
    const integer = (name: string) => (Number.isInteger(input[name]) ? input[name] : 0);
    const created = new Date(job.created).toISOString();
    return {
      Id: id,
      Name: text('Name'),
      AssociateId: integer('AssociateId'),
      DetailsTable: integer('DetailsTable'),
      DetailsRecord: integer('DetailsRecord'),
      IsSystemTask: false,
      IsInternalTask: false,
      ParameterObject: input.ParameterObject && typeof input.ParameterObject === 'object' ? input.ParameterObject : null,
      LastStarted: created,
      Created: created,
      StartCount: 1,
      DatabaseSerialNumber: '1158690',
      Context: text('Context'),
      Result: null,
      State: 'Started',
      Description: text('Description'),
      Response: null,
      Request: text('Request'),
      ProgressDescription: null,
      ProgressPercent: 0,
      FileName: null,
      CancellationBehaviour: 'CanCancel',
      TableRight: { Mask: 'FULL', Reason: '' },
      FieldProperties: {},
    };
  }
}
