import type { JobBehaviour } from '@so-batch/mock';
import { isDeepStrictEqual } from 'node:util';
import { jobAt, jobKey, planJob, type ModelJob } from './jobs.ts';

// The model of the Batch area the sequences are checked against: the tasks (what a read must
// answer for each), the states each may be in, who owns them, which are system tasks, and which
// ids this sequence deleted. Against the mock it is exact: it starts from the mock's store and
// knows every task. Against a real server it knows only what it can: the tasks this sequence
// started (their text, owner, that they are not system tasks) and the ids it deleted; the rest
// of the server's tasks are there to be read, and the checks on them are relative (each row a
// list answers fits the list's filter, a deleted task never comes back).

export const REAL_STATES = ['Unknown', 'New', 'Aquired', 'Started', 'Succeeded', 'Failed', 'SucceededManualCleanup'] as const;
export type TaskState = (typeof REAL_STATES)[number];
export type StateFilter = TaskState | 'All';
export const STATE_FILTERS: readonly StateFilter[] = [...REAL_STATES, 'All'];
/** States a running job moves through on its own. */
export const RUNNING_STATES: readonly TaskState[] = ['New', 'Aquired', 'Started'];
/** States a job ends in. */
export const FINAL_STATES: readonly TaskState[] = ['Succeeded', 'Failed', 'SucceededManualCleanup'];
/** What UpdateBatchTask may change; everything else stays as it was. */
export const UPDATABLE = ['State', 'Description', 'Response', 'Request'] as const;

/** A broken contract: what was asked, what the model expected, what came back. */
export class ContractMismatch extends Error {
  readonly kind = 'contract-mismatch' as const;
}

export function expectThat(condition: unknown, message: () => string): asserts condition {
  if (!condition) throw new ContractMismatch(message());
}

export interface ModelTask {
  Id: number;
  /** Properties (wire names) a read must answer exactly as here; State is in `states`. */
  known: Record<string, unknown>;
  /** The states it may be in now: one when the model knows it; several for a job that runs on its own. */
  states: readonly TaskState[];
  /** Whether a Stop may cancel it; undefined when the model cannot know. */
  cancellable: boolean | undefined;
  /** Started by this sequence. */
  mine: boolean;
  /** Its job ended on its own (not stopped, not set by an update): a read that sees it so saw time pass. */
  endedByRun?: boolean;
  /** The course of its job while it runs on the model's clock (jobs.ts); dropped once it ends, is stopped or has its State set. */
  job?: ModelJob;
  /** What a read must answer where the model knows a range, not a value (jobs.ts says why). */
  loose?: {
    ProgressPercent?: readonly [number, number];
    Result?: { contains: string } | 'text';
    /** ms since the epoch: LastStarted is at or after the first, at or before the second. */
    LastStarted?: readonly [number, number];
  };
}

/**
 * The situations the run counts, per sequence, to show what the sequences reach (issue 19):
 * a started job that ends on its own (by the model's clock), and one a read sees so; a GetAll that follows odata.nextLink, and one
 * that reads two full pages; a start right after the newest task was deleted (ids are never
 * reused: a max+1 allocator would hand that id out again); and fault commands, by kind: a
 * `before` fault on a write (on a start), an `after` fault on a write (on a start that started
 * a task), one on a read, a dropped connection, an answer with Retry-After.
 */
export const SITUATIONS = [
  'job-ended',
  'job-end-observed',
  'next-link-followed',
  'two-full-pages',
  'delete-newest-then-start',
  'fault-command',
  'fault-before-write',
  'fault-before-start',
  'fault-after-write',
  'fault-after-start',
  'fault-on-read',
  'fault-dropped-connection',
  'fault-retry-after',
] as const;
export type Situation = (typeof SITUATIONS)[number];

/** A list's filter, as the reference pages describe it; `associateIds: 'caller'` for the caller's own tasks. */
export interface ListFilter {
  associateIds?: readonly number[] | 'caller';
  name?: string;
  state?: StateFilter;
  system?: boolean;
}

export type Fit = 'yes' | 'no' | 'maybe';

const snippet = (value: unknown) => {
  const text = JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 300 ? `${text.slice(0, 300)}...` : text;
};

export class BatchModel {
  /** Whether the model knows every task of the target (the mock) or only its own (a real server). */
  readonly exact: boolean;
  /** Whether commands that change data may run. */
  readonly writes: boolean;
  /** The associate the credentials name; undefined until the model knows it. */
  caller: number | undefined;
  readonly tasks = new Map<number, ModelTask>();
  /** Ids this sequence deleted: they must never answer again. */
  readonly gone = new Set<number>();
  /** Every id handed out by a start in any sequence of this run: a start must never repeat one. */
  readonly handedOut: Set<number>;
  /** An id no task has ever had (mock only: on a real server, no id can be known to be free). */
  readonly neverId: number | undefined;
  /** What a job this sequence starts may be in while it runs (and after, on a real server). */
  readonly startedStates: readonly TaskState[];
  /** Names and owners seen on the target, for the queries to ask about. */
  readonly names: string[];
  readonly associates: number[];
  /** How often each situation occurred in this sequence. */
  readonly situations = new Map<Situation, number>();
  /**
   * The target's clock (ms since the epoch) when the model knows it: the mock's manual clock,
   * which moves only by AdvanceClock. undefined: the model cannot know the time (a real server).
   */
  clock: number | undefined;
  /** How long a job without a definition runs (the mock's taskRunMs). */
  readonly taskRunMs: number;
  /** The job definitions in force (mock.jobs.define), by jobKey. */
  readonly definitions = new Map<string, JobBehaviour>();
  /**
   * The id the next start hands out (exact model only), once a start of this sequence told it:
   * the mock hands ids out in order, one after another. The model checks every start against it,
   * and knows by it the task a start made whose answer a fault took.
   */
  nextId: number | undefined;

  constructor(options: {
    exact: boolean;
    writes: boolean;
    caller: number | undefined;
    tasks: readonly ModelTask[];
    handedOut: Set<number>;
    neverId: number | undefined;
    startedStates: readonly TaskState[];
    names: readonly string[];
    associates: readonly number[];
    clock?: number | undefined;
    taskRunMs?: number;
  }) {
    this.clock = options.clock;
    this.taskRunMs = options.taskRunMs ?? 0;
    this.exact = options.exact;
    this.writes = options.writes;
    this.caller = options.caller;
    for (const task of options.tasks) this.tasks.set(task.Id, task);
    this.handedOut = options.handedOut;
    this.neverId = options.neverId;
    this.startedStates = options.startedStates;
    this.names = [...new Set(options.names)].sort();
    this.associates = [...new Set(options.associates)].sort((a, b) => a - b);
  }

  /** The model of the mock's store as it is now: every task, known exactly. */
  static ofStore(tasks: readonly Record<string, unknown>[], options: { caller: number; handedOut: Set<number>; writes: boolean; clock: number; taskRunMs: number; jobNames: readonly string[] }): BatchModel {
    const modelTasks = tasks.map((stored): ModelTask => {
      const known = JSON.parse(JSON.stringify(stored)) as Record<string, unknown>;
      const state = known.State as TaskState;
      delete known.State;
      return { Id: stored.Id as number, known, states: [state], cancellable: known.CancellationBehaviour !== 'CannotCancel', mine: false };
    });
    return new BatchModel({
      exact: true,
      writes: options.writes,
      caller: options.caller,
      tasks: modelTasks,
      handedOut: options.handedOut,
      neverId: 2_000_000_000,
      startedStates: RUNNING_STATES,
      // The names a start may use, too: the lists by name then find the jobs the sequence started.
      names: [...modelTasks.map((task) => task.known.Name).filter((name): name is string => typeof name === 'string'), ...options.jobNames],
      associates: modelTasks.map((task) => task.known.AssociateId as number),
      clock: options.clock,
      taskRunMs: options.taskRunMs,
    });
  }

  /** A job this sequence started now, under `name`: its course from the definition in force (or the defaults). */
  startJob(task: ModelTask, name: string): void {
    if (this.clock === undefined) return;
    const definition = this.definitions.get(jobKey(name));
    task.job = planJob(name, definition, this.taskRunMs, this.clock);
    task.known.CancellationBehaviour = definition?.cancellation ?? 'CanCancel';
    task.cancellable = task.known.CancellationBehaviour !== 'CannotCancel';
    task.known.Created = new Date(this.clock).toISOString();
    task.loose = { LastStarted: [this.clock, this.clock + task.job.queuedMs] };
    this.settle(task);
  }

  /** Moves the model's clock to `now`, and every running job with it. */
  advanceTo(now: number): void {
    this.clock = now;
    for (const task of this.tasks.values()) this.settle(task);
  }

  /** Sets what a running job's task must answer at the model's clock; an ended job becomes a task like any other. */
  settle(task: ModelTask): void {
    if (!task.job || this.clock === undefined) return;
    const moment = jobAt(task.job, this.clock);
    task.states = [moment.state];
    const seen = task.loose?.ProgressPercent;
    // Progress never goes back: not below what the last range allowed at least.
    const low = Math.max(moment.progress[0], Math.min(seen?.[0] ?? 0, moment.progress[1]));
    task.loose = { ...task.loose, ProgressPercent: [low, moment.progress[1]] };
    if (!moment.ended) return;
    delete task.job;
    task.endedByRun = true;
    this.note('job-ended');
    task.known.ProgressPercent = moment.progress[0];
    delete task.loose.ProgressPercent;
    if (moment.ended.result !== 'text' && 'exact' in moment.ended.result) task.known.Result = moment.ended.result.exact;
    else task.loose.Result = moment.ended.result;
  }

  note(situation: Situation): void {
    this.situations.set(situation, (this.situations.get(situation) ?? 0) + 1);
  }

  /** Notes a read that answered `state` for `task`: a started job seen ended on its own. */
  noteState(task: ModelTask, state: unknown): void {
    if (task.mine && task.endedByRun && FINAL_STATES.includes(state as TaskState)) this.note('job-end-observed');
  }

  /** Whether the newest task this sequence has seen (live or deleted) is deleted: a start now must not hand its id out again. */
  newestDeleted(): boolean {
    const newestLive = Math.max(-Infinity, ...this.tasks.keys());
    const newestGone = Math.max(-Infinity, ...this.gone);
    return newestGone > newestLive;
  }

  /** Live ids, ascending; only this sequence's own when `mineOnly`. */
  liveIds(mineOnly: boolean): number[] {
    return [...this.tasks.values()].filter((task) => !mineOnly || task.mine).map((task) => task.Id).sort((a, b) => a - b);
  }

  goneIds(): number[] {
    return [...this.gone].sort((a, b) => a - b);
  }

  /** The caller filter's associates: undefined when the model does not know who the caller is. */
  associatesOf(filter: ListFilter): readonly number[] | undefined | 'unknown' {
    if (filter.associateIds === 'caller') return this.caller === undefined ? 'unknown' : [this.caller];
    return filter.associateIds;
  }

  /** Whether `task` belongs in a list with `filter`: 'maybe' when that depends on what the model does not know. */
  fits(task: ModelTask, filter: ListFilter): Fit {
    const fits: Fit[] = [];
    const associates = this.associatesOf(filter);
    if (associates === 'unknown') fits.push('maybe');
    else if (associates !== undefined) fits.push('AssociateId' in task.known ? (associates.includes(task.known.AssociateId as number) ? 'yes' : 'no') : 'maybe');
    if (filter.name !== undefined) {
      fits.push('Name' in task.known ? (String(task.known.Name ?? '').toLowerCase() === filter.name.toLowerCase() ? 'yes' : 'no') : 'maybe');
    }
    if (filter.system !== undefined) fits.push('IsSystemTask' in task.known ? (task.known.IsSystemTask === filter.system ? 'yes' : 'no') : 'maybe');
    if (filter.state !== undefined && filter.state !== 'All') {
      const state = filter.state;
      fits.push(task.states.every((s) => s === state) ? 'yes' : task.states.includes(state) ? 'maybe' : 'no');
    }
    return fits.includes('no') ? 'no' : fits.includes('maybe') ? 'maybe' : 'yes';
  }

  /** Checks a task a read answered against the model's; `where` names the read. */
  expectTask(task: ModelTask, actual: unknown, where: string): void {
    expectThat(actual && typeof actual === 'object' && !Array.isArray(actual), () => `${where}: expected task ${task.Id}, got ${snippet(actual)}`);
    const row = actual as Record<string, unknown>;
    expectThat(row.Id === task.Id, () => `${where}: expected task ${task.Id}, got Id ${snippet(row.Id)}`);
    const wrong: string[] = [];
    for (const [property, value] of Object.entries(task.known)) {
      if (!isDeepStrictEqual(row[property], value)) wrong.push(`${property} ${snippet(row[property])}, expected ${snippet(value)}`);
    }
    if (!task.states.includes(row.State as TaskState)) wrong.push(`State ${snippet(row.State)}, expected ${task.states.length === 1 ? task.states[0] : `one of ${task.states.join(', ')}`}`);
    const loose = task.loose ?? {};
    const progress = loose.ProgressPercent;
    if (progress && !(typeof row.ProgressPercent === 'number' && row.ProgressPercent >= progress[0] && row.ProgressPercent <= progress[1])) {
      wrong.push(`ProgressPercent ${snippet(row.ProgressPercent)}, expected ${progress[0] === progress[1] ? progress[0] : `${progress[0]} to ${progress[1]}`}`);
    }
    if (loose.Result !== undefined && !(typeof row.Result === 'string' && row.Result.trim() !== '' && (loose.Result === 'text' || row.Result.includes(loose.Result.contains)))) {
      wrong.push(`Result ${snippet(row.Result)}, expected ${loose.Result === 'text' ? 'a text' : `a text that says ${snippet(loose.Result.contains)}`}`);
    }
    const lastStarted = loose.LastStarted;
    if (lastStarted) {
      const at = typeof row.LastStarted === 'string' ? Date.parse(row.LastStarted) : Number.NaN;
      if (!(at >= lastStarted[0] && at <= lastStarted[1])) wrong.push(`LastStarted ${snippet(row.LastStarted)}, expected from ${new Date(lastStarted[0]).toISOString()} to ${new Date(lastStarted[1]).toISOString()}`);
    }
    expectThat(wrong.length === 0, () => `${where}: task ${task.Id} has ${wrong.join('; ')}`);
    // A read's progress is the least the next read may answer.
    if (progress && task.job) task.loose = { ...loose, ProgressPercent: [row.ProgressPercent as number, progress[1]] };
    this.noteState(task, row.State);
    // What the model did not know it learns from the first read: who the caller is.
    if (task.mine && this.caller === undefined && typeof row.AssociateId === 'number') {
      this.caller = row.AssociateId;
      task.known.AssociateId = row.AssociateId;
    }
  }

  /** Checks a list an Agents call (or GET /BatchTask/{state}) answered: exactly the tasks `filter` selects. */
  expectList(filter: ListFilter, actual: unknown, where: string): void {
    expectThat(Array.isArray(actual), () => `${where}: expected a list of tasks, got ${snippet(actual)}`);
    const rows = actual as unknown[];
    const seen = new Set<number>();
    const associates = this.associatesOf(filter);
    for (const item of rows) {
      expectThat(item && typeof item === 'object' && typeof (item as { Id?: unknown }).Id === 'number', () => `${where}: a row is not a task: ${snippet(item)}`);
      const row = item as Record<string, unknown> & { Id: number };
      expectThat(!seen.has(row.Id), () => `${where}: task ${row.Id} is listed twice`);
      seen.add(row.Id);
      expectThat(!this.gone.has(row.Id), () => `${where}: task ${row.Id} was deleted, but is still listed`);
      expectThat((REAL_STATES as readonly unknown[]).includes(row.State), () => `${where}: task ${row.Id} has State ${snippet(row.State)}, which is no state a task can be in`);
      // Each row fits the filter by its own properties, whatever the model knows about it.
      const misfits: string[] = [];
      if (Array.isArray(associates) && !associates.includes(row.AssociateId as number)) misfits.push(`AssociateId ${snippet(row.AssociateId)} is not one of ${associates.join(', ')}`);
      if (filter.name !== undefined && String(row.Name ?? '').toLowerCase() !== filter.name.toLowerCase()) misfits.push(`Name ${snippet(row.Name)} is not ${snippet(filter.name)}`);
      if (filter.state !== undefined && filter.state !== 'All' && row.State !== filter.state) misfits.push(`State ${snippet(row.State)} is not ${filter.state}`);
      if (filter.system !== undefined && row.IsSystemTask !== filter.system) misfits.push(`IsSystemTask is ${snippet(row.IsSystemTask)}`);
      expectThat(misfits.length === 0, () => `${where}: task ${row.Id} does not belong in this list: ${misfits.join('; ')}`);
      const task = this.tasks.get(row.Id);
      if (task) this.expectTask(task, row, where);
      else expectThat(!this.exact, () => `${where}: lists task ${row.Id}, which the model does not have`);
    }
    for (const task of this.tasks.values()) {
      if (this.fits(task, filter) === 'yes') expectThat(seen.has(task.Id), () => `${where}: task ${task.Id} (${snippet(task.known.Name)}, associate ${snippet(task.known.AssociateId)}, ${task.states.join('/')}${task.known.IsSystemTask ? ', system' : ''}) belongs in this list, but is missing`);
    }
  }

  /** Applies an accepted update: State (a real one) and the three texts, nothing else. */
  applyUpdate(task: ModelTask, changes: Record<string, unknown>): void {
    if (typeof changes.State === 'string') {
      task.states = [changes.State as TaskState];
      // Its State set, the job no longer runs on its own: its progress stays where it was.
      delete task.job;
    }
    for (const property of ['Description', 'Response', 'Request'] as const) {
      if (changes[property] !== undefined) task.known[property] = changes[property];
    }
  }

  /** What a Stop must answer: true, false, or undefined when the model cannot know. */
  stopAnswer(task: ModelTask): boolean | undefined {
    if (task.cancellable === false) return false;
    const running = task.states.map((state) => RUNNING_STATES.includes(state));
    if (running.every((r) => !r)) return false;
    if (running.every(Boolean) && task.cancellable === true) return true;
    return undefined;
  }

  /** A stopped task: it ended Failed (exact); on a real server it may take its time. */
  applyStop(task: ModelTask, stopped: boolean): void {
    if (!stopped) return;
    task.states = this.exact ? ['Failed'] : REAL_STATES;
    for (const property of ['Result', 'ProgressDescription', 'ProgressPercent', 'StartCount']) delete task.known[property];
    delete task.job;
    if (task.loose) delete task.loose.ProgressPercent;
  }

  applyDelete(id: number): void {
    if (this.tasks.delete(id)) this.gone.add(id);
  }

  toString(): string {
    return `BatchModel(${this.tasks.size} tasks, ${this.gone.size} deleted)`;
  }
}
