import fc from 'fast-check';
import { archiveQuery, archiveQueryText, associateRef, associateRefText, dependsOnMovingTasks, expectArchive, nameRef, nameRefText, resolveArchiveQuery, resolveAssociate, resolveName, type ArchiveQuerySpec, type AssociateRef, type NameRef } from './archive.ts';
import type { CancellationBehaviour, JobBehaviour } from '@so-batch/mock';
import { jobKey, transitions } from './jobs.ts';
import { ContractMismatch, expectThat, STATE_FILTERS, type BatchModel, type ListFilter, type ModelTask, type StateFilter } from './model.ts';
import type { Answer, ModelHttp, RecordedRequest } from './http.ts';
import { loadSpec } from '../openapi.ts';

// One fast-check command per Batch operation (15 Agents, 7 REST), and three that steer the mock's
// sandbox through its control API (its manual clock, its job definitions, and a fault on the
// next call; skipped where there is none, as on a real server). A command carries abstract
// references (the n-th live task, the newest one, the n-th deleted one, an id no task has had,
// the n-th known name or owner, the n-th coming transition of a running job) that it resolves
// against the model when it runs, so that a shrunk sequence still means something. Each sends one request (GetAll: one per page), checks the answer
// against the model, then changes the model as the operation changes the target.

export type IdRef = { kind: 'live' | 'newest' | 'gone' | 'never'; index: number };
const idRef: fc.Arbitrary<IdRef> = fc.record({ kind: fc.constantFrom('live' as const, 'live' as const, 'live' as const, 'newest' as const, 'newest' as const, 'gone' as const, 'never' as const), index: fc.nat(200) });
const newestRef: fc.Arbitrary<IdRef> = fc.constant({ kind: 'newest', index: 0 });
const idRefText = (ref: IdRef) => (ref.kind === 'newest' ? 'newest' : `${ref.kind}#${ref.index}`);

/**
 * The id a reference means now: undefined when there is none to use. Writes on a real server
 * touch only what this sequence started or deleted, never anyone else's task.
 */
function resolveId(model: BatchModel, ref: IdRef, write: boolean): number | undefined {
  const pick = (ids: number[]) => (ids.length === 0 ? undefined : ids[ref.index % ids.length]);
  if (ref.kind === 'live') return pick(model.liveIds(write && !model.exact));
  if (ref.kind === 'newest') return model.liveIds(write && !model.exact).at(-1);
  if (ref.kind === 'gone') return pick(model.goneIds()) ?? (model.exact ? model.neverId : undefined);
  return model.exact ? model.neverId : pick(model.goneIds());
}

const AGENTS = '/api/v1/Agents/Batch';
const REST = '/api/v1/BatchTask';

function expectStatus(answer: Answer, status: number, where: string): void {
  expectThat(answer.status === status, () => `${where}: answered ${answer.status}, expected ${status}: ${JSON.stringify(answer.body)?.slice(0, 300)}`);
}

abstract class BatchCommand implements fc.AsyncCommand<BatchModel, ModelHttp> {
  abstract readonly write: boolean;
  abstract describe(): string;
  protected abstract exec(model: BatchModel, http: ModelHttp): Promise<void>;
  /** The ids this command needs: a command whose ids cannot be resolved does not run. */
  protected ids(): IdRef[] {
    return [];
  }

  check(model: Readonly<BatchModel>): boolean {
    if (this.write && !model.writes) return false;
    return this.ids().every((ref) => resolveId(model as BatchModel, ref, this.write) !== undefined);
  }

  async run(model: BatchModel, http: ModelHttp): Promise<void> {
    http.ran.push(this.describe());
    try {
      await this.exec(model, http);
    } catch (error) {
      if (error instanceof ContractMismatch) http.markFailure(error.message);
      throw error;
    }
  }

  protected id(model: BatchModel, ref: IdRef): number {
    return resolveId(model, ref, this.write)!;
  }

  toString(): string {
    return this.describe();
  }
}

/** The one request a command sends now, and what it means to the model. */
interface Call {
  method: RecordedRequest['method'];
  path: string;
  body?: unknown;
  /** The request, for messages. */
  where: string;
  /** Checks the answer against the model, then changes the model as the operation changed the target. */
  expect(answer: Answer): void;
  /**
   * Changes the model as the operation changed the target when it was served but its answer was
   * lost (a fault with `when: 'after'`): exactly what expect() applies for the answer the model
   * predicts. Runs only where knowsEffect() said the model can know it.
   */
  served(): void;
}

/** A command that sends one request (every operation but GetAll, which follows pages): the ones a fault can hit. */
abstract class CallCommand extends BatchCommand {
  abstract call(model: BatchModel, http: ModelHttp): Call;
  /** Whether the model knows what the call does to the target without seeing its answer. */
  knowsEffect(_model: BatchModel): boolean {
    return true;
  }
  protected async exec(model: BatchModel, http: ModelHttp): Promise<void> {
    const call = this.call(model, http);
    call.expect(await http.send(call.method, call.path, call.body));
  }
}

const unchanged = () => {};

// --- Reads by id ---------------------------------------------------------------------------

/** A read of a task by id: the model's task; or gone (Agents 200 null, REST 404). */
function expectRead(model: BatchModel, id: number, answer: Answer, rest: boolean, where: string): void {
  const task = model.tasks.get(id);
  // A real server's other tasks may go at any time: reading one that went is no broken contract.
  const mayBeGone = !task || (!model.exact && !task.mine);
  if ((rest ? answer.status === 404 : answer.status === 200 && answer.body === null) && mayBeGone) {
    if (task) model.tasks.delete(id);
    return;
  }
  if (!task) {
    expectStatus(answer, rest ? 404 : 200, where);
    expectThat(false, () => `${where}: task ${id} is gone (${model.gone.has(id) ? 'deleted' : 'never existed'}), but was answered: ${JSON.stringify(answer.body)?.slice(0, 300)}`);
  }
  expectStatus(answer, 200, where);
  model.expectTask(task!, answer.body, where);
}

/** A command about one task, over the Agents (`rest` false) or REST. */
abstract class OneTaskCommand extends CallCommand {
  readonly rest: boolean;
  readonly ref: IdRef;
  constructor(rest: boolean, ref: IdRef) {
    super();
    this.rest = rest;
    this.ref = ref;
  }
  protected override ids() {
    return [this.ref];
  }
}

class ReadById extends OneTaskCommand {
  readonly write = false;
  describe() {
    return `${this.rest ? 'REST.GET /BatchTask/{id}' : 'Agents.GetBatchTaskInfo'}(${idRefText(this.ref)})`;
  }
  call(model: BatchModel): Call {
    const id = this.id(model, this.ref);
    const where = this.rest ? `GET /BatchTask/${id}` : `GetBatchTaskInfo ${id}`;
    const request = this.rest ? { method: 'GET' as const, path: `${REST}/${id}` } : { method: 'POST' as const, path: `${AGENTS}/GetBatchTaskInfo`, body: { Id: id } };
    return { ...request, where, expect: (answer) => expectRead(model, id, answer, this.rest, where), served: unchanged };
  }
}

// --- Lists -----------------------------------------------------------------------------------

interface ListArgs {
  associates?: AssociateRef[];
  name?: NameRef;
  state?: StateFilter;
}

/** The nine Agents list calls: the body each sends and the filter its page describes. */
const AGENT_LISTS = {
  GetBatchTaskInfosByAssociates: { needs: ['associates'], body: (a: Resolved) => ({ AssociateIds: a.associates }), filter: (a: Resolved): ListFilter => ({ associateIds: a.associates! }) },
  GetBatchTaskInfosByAssociatesAndState: { needs: ['associates', 'state'], body: (a: Resolved) => ({ AssociateIds: a.associates, State: a.state }), filter: (a: Resolved): ListFilter => ({ associateIds: a.associates!, state: a.state! }) },
  GetBatchTaskInfosByNameAndAssociates: { needs: ['name', 'associates'], body: (a: Resolved) => ({ Name: a.name, AssociateIds: a.associates }), filter: (a: Resolved): ListFilter => ({ name: a.name!, associateIds: a.associates! }) },
  GetBatchTaskInfosByNameAndState: { needs: ['name', 'state'], body: (a: Resolved) => ({ Name: a.name, State: a.state }), filter: (a: Resolved): ListFilter => ({ name: a.name!, state: a.state!, associateIds: 'caller' }) },
  GetBatchTaskInfosByState: { needs: ['state'], body: (a: Resolved) => ({ State: a.state }), filter: (a: Resolved): ListFilter => ({ state: a.state!, associateIds: 'caller' }) },
  GetAllBatchTaskInfosByName: { needs: ['name'], body: (a: Resolved) => ({ TaskName: a.name }), filter: (a: Resolved): ListFilter => ({ name: a.name! }) },
  GetAllBatchTaskInfosByNameAndState: { needs: ['name', 'state'], body: (a: Resolved) => ({ TaskName: a.name, State: a.state }), filter: (a: Resolved): ListFilter => ({ name: a.name!, state: a.state! }) },
  GetSystemBatchTaskInfosByName: { needs: ['name'], body: (a: Resolved) => ({ TaskName: a.name }), filter: (a: Resolved): ListFilter => ({ name: a.name!, system: true }) },
  GetSystemBatchTaskInfosByNameAndState: { needs: ['name', 'state'], body: (a: Resolved) => ({ TaskName: a.name, State: a.state }), filter: (a: Resolved): ListFilter => ({ name: a.name!, state: a.state!, system: true }) },
} as const;
type AgentList = keyof typeof AGENT_LISTS;
interface Resolved {
  associates?: number[];
  name?: string;
  state?: StateFilter;
}

class AgentsList extends CallCommand {
  readonly write = false;
  readonly operation: AgentList;
  readonly args: ListArgs;
  constructor(operation: AgentList, args: ListArgs) {
    super();
    this.operation = operation;
    this.args = args;
  }
  describe() {
    const { associates, name, state } = this.args;
    const parts = [associates && `[${associates.map(associateRefText).join(',')}]`, name && nameRefText(name), state].filter(Boolean);
    return `Agents.${this.operation}(${parts.join(', ')})`;
  }
  call(model: BatchModel): Call {
    const resolved: Resolved = {
      ...(this.args.associates ? { associates: this.args.associates.map((ref) => resolveAssociate(model, ref)) } : {}),
      ...(this.args.name ? { name: resolveName(model, this.args.name) } : {}),
      ...(this.args.state ? { state: this.args.state } : {}),
    };
    const list = AGENT_LISTS[this.operation];
    const body = list.body(resolved);
    const where = `${this.operation} ${JSON.stringify(body)}`;
    return {
      method: 'POST',
      path: `${AGENTS}/${this.operation}`,
      body,
      where,
      expect: (answer) => {
        expectStatus(answer, 200, where);
        model.expectList(list.filter(resolved), answer.body, where);
      },
      served: unchanged,
    };
  }
}

class RestByState extends CallCommand {
  readonly write = false;
  readonly state: StateFilter;
  constructor(state: StateFilter) {
    super();
    this.state = state;
  }
  describe() {
    return `REST.GET /BatchTask/{state}(${this.state})`;
  }
  call(model: BatchModel): Call {
    const where = `GET /BatchTask/${this.state}`;
    return {
      method: 'GET',
      path: `${REST}/${this.state}`,
      where,
      expect: (answer) => {
        expectStatus(answer, 200, where);
        model.expectList({ state: this.state, associateIds: 'caller' }, answer.body, where);
      },
      served: unchanged,
    };
  }
}

/** Pages followed at most: enough for any sequence on the mock (89 tasks at most, pages of 5); a bound on a large real archive. */
const MAX_PAGES = 40;

class GetAll extends BatchCommand {
  readonly write = false;
  readonly query: ArchiveQuerySpec;
  constructor(query: ArchiveQuerySpec) {
    super();
    this.query = query;
  }
  describe() {
    return `REST.${archiveQueryText(this.query)}`;
  }
  async exec(model: BatchModel, http: ModelHttp) {
    const { params, filter, selected } = resolveArchiveQuery(model, this.query);
    const first = `${REST}?${params}`;
    const where = `GET /BatchTask?${decodeURIComponent(params.toString().replaceAll('+', ' '))}`;
    const pages: unknown[][] = [];
    let path: string | undefined = first;
    let complete = false;
    while (path !== undefined && pages.length < MAX_PAGES) {
      const answer = await http.send('GET', path);
      expectStatus(answer, 200, where);
      const body = answer.body as { value?: unknown; 'odata.nextLink'?: unknown };
      expectThat(body && Array.isArray(body.value), () => `${where}: expected { value: [...] }, got ${JSON.stringify(body)?.slice(0, 300)}`);
      pages.push(body.value as unknown[]);
      const next = body['odata.nextLink'];
      if (next === undefined || next === null) {
        complete = true;
        path = undefined;
      } else {
        expectThat(typeof next === 'string', () => `${where}: odata.nextLink is not a URL: ${JSON.stringify(next)}`);
        const url = new URL(next as string, http.target.baseUrl);
        path = `${url.pathname.replace(/^.*(\/api\/v1\/)/i, '$1')}${url.search}`;
      }
    }
    expectThat(complete || !model.exact, () => `${where}: still had an odata.nextLink after ${MAX_PAGES} pages`);
    if (pages.length > 1) model.note('next-link-followed');
    // The first page is full (it has a next one); the second is full when it is as long.
    if (pages.length > 1 && pages[1]!.length === pages[0]!.length) model.note('two-full-pages');
    // Each page is read from the target as it is then: the pages together are one answer only
    // when nothing it depends on moved in between. A job that runs moves on its own (the mock's
    // go from New to Started), and a real server's other users change its tasks at any time.
    const moving = !model.exact || dependsOnMovingTasks(model, this.query);
    if (pages.length > 1 && moving) {
      for (const [index, page] of pages.entries()) expectArchive(model, this.query, filter, selected, page, `${where} (page ${index + 1})`, { strings: model.exact, whole: false });
      return;
    }
    expectArchive(model, this.query, filter, selected, pages.flat(), where, { strings: model.exact, whole: complete });
  }
}

// --- Start -----------------------------------------------------------------------------------

interface StartInput {
  Name: string;
  Description?: string;
  Context?: string;
  Request?: string;
}

class Start extends CallCommand {
  readonly write = true;
  readonly rest: boolean;
  readonly input: StartInput;
  constructor(rest: boolean, input: StartInput) {
    super();
    this.rest = rest;
    this.input = input;
  }
  describe() {
    return `${this.rest ? 'REST.POST /BatchTask' : 'Agents.StartBatchJob'}(${JSON.stringify(this.input)})`;
  }
  /** A start whose answer is lost started a task the model can know only by its id: the next one (model.nextId). */
  override knowsEffect(model: BatchModel): boolean {
    return this.input.Name.trim() === '' || (model.exact && model.nextId !== undefined);
  }
  call(model: BatchModel, http: ModelHttp): Call {
    const { Name: name, ...texts } = this.input;
    const info = { Name: name, ...texts };
    const where = this.rest ? `POST /BatchTask ${JSON.stringify(info)}` : `StartBatchJob ${JSON.stringify(info)}`;
    const request = this.rest ? { method: 'POST' as const, path: REST, body: info } : { method: 'POST' as const, path: `${AGENTS}/StartBatchJob`, body: { BatchTaskInfo: info } };
    const nameless = name.trim() === '';
    return {
      ...request,
      where,
      expect: (answer) => {
        if (nameless) {
          // No job to start: the page's 200 null (Agents), 400 (REST); nothing is started.
          if (this.rest) expectStatus(answer, 400, where);
          else expectThat(answer.status === 200 && answer.body === null, () => `${where}: a start without a name answered ${answer.status} ${JSON.stringify(answer.body)}, expected 200 null`);
          return;
        }
        expectStatus(answer, 200, where);
        const id = answer.body;
        expectThat(typeof id === 'number' && Number.isInteger(id) && id > 0, () => `${where}: expected the new task's id, got ${JSON.stringify(id)}${model.exact ? '' : ' (SO_MODEL_JOB_NAMES names the jobs this installation can start)'}`);
        const newId = id as number;
        http.transcript.at(-1)!.startedId = newId;
        if (model.newestDeleted()) model.note('delete-newest-then-start');
        expectThat(!model.tasks.has(newId) && !model.gone.has(newId) && !model.handedOut.has(newId), () => `${where}: answered id ${newId}, which ${model.tasks.has(newId) ? 'another task has' : 'a task had before'}: ids are never reused`);
        // The mock hands ids out in order, one after another: what the model needs to know the
        // task a start made when its answer is lost. Checked on every start, then.
        const expected = model.nextId;
        expectThat(expected === undefined || newId === expected, () => `${where}: answered id ${newId}, expected ${expected}, the next id after this sequence's last start: the mock hands ids out in order, so another task was started in between`);
        model.handedOut.add(newId);
        this.started(model, newId);
      },
      served: () => {
        if (nameless) return;
        const newId = model.nextId!;
        Object.assign(http.transcript.at(-1)!, { startedId: newId, answerLost: true });
        this.started(model, newId);
      },
    };
  }
  /**
   * The task the start made, with id `newId`, as the model knows it. Only an id the target
   * answered joins the run's handedOut: one the model inferred, were it wrong, would fail later
   * sequences that did nothing wrong; this sequence's reads check it instead.
   */
  private started(model: BatchModel, newId: number): void {
    const { Name: name, ...texts } = this.input;
    if (model.exact) model.nextId = newId + 1;
    const task: ModelTask = {
      Id: newId,
      known: {
        Name: name,
        IsSystemTask: false,
        Description: texts.Description ?? null,
        Context: texts.Context ?? null,
        Request: texts.Request ?? null,
        ...(model.caller === undefined ? {} : { AssociateId: model.caller }),
        ...(model.exact ? { Response: null, CancellationBehaviour: 'CanCancel' } : {}),
      },
      states: model.startedStates,
      cancellable: model.exact ? true : undefined,
      mine: true,
    };
    // On the mock's manual clock the model knows the job's course: its state from now on is exact.
    model.startJob(task, name);
    model.tasks.set(newId, task);
  }
}

// --- Update ----------------------------------------------------------------------------------

interface UpdateChanges {
  State?: StateFilter;
  Description?: string | null;
  Response?: string | null;
  Request?: string | null;
}
/** What an update also sends but must not change. */
interface UpdateNoise {
  Name?: string;
  AssociateId?: number;
  IsSystemTask?: boolean;
  Context?: string;
  CancellationBehaviour?: string;
}

class Update extends OneTaskCommand {
  readonly write = true;
  readonly changes: UpdateChanges;
  readonly noise: UpdateNoise;
  constructor(rest: boolean, ref: IdRef, changes: UpdateChanges, noise: UpdateNoise) {
    super(rest, ref);
    this.changes = changes;
    this.noise = noise;
  }
  describe() {
    return `${this.rest ? 'REST.PUT /BatchTask/{id}' : 'Agents.UpdateBatchTask'}(${idRefText(this.ref)}, ${JSON.stringify({ ...this.changes, ...this.noise })})`;
  }
  call(model: BatchModel): Call {
    const id = this.id(model, this.ref);
    const info = { ...this.noise, ...this.changes };
    const request = this.rest ? { method: 'PUT' as const, path: `${REST}/${id}`, body: info } : { method: 'POST' as const, path: `${AGENTS}/UpdateBatchTask`, body: { BatchTaskInfo: { Id: id, ...info } } };
    const where = this.rest ? `PUT /BatchTask/${id} ${JSON.stringify(info)}` : `UpdateBatchTask ${JSON.stringify({ Id: id, ...info })}`;
    const task = model.tasks.get(id);
    // 'All' is a filter, not a state: refused, and nothing changes (the next reads show it).
    const applies = task !== undefined && this.changes.State !== 'All';
    const apply = (answered?: Answer) => {
      if (!applies) return;
      model.applyUpdate(task, { ...this.changes });
      if (answered) model.expectTask(task, answered.body, where);
      // On a real server the job may go on running and set its own State again.
      if (!model.exact) task.states = model.startedStates;
    };
    return {
      ...request,
      where,
      expect: (answer) => {
        if (!task) {
          if (this.rest) expectStatus(answer, 404, where);
          else expectThat(answer.status === 200 && answer.body === null, () => `${where}: task ${id} is gone, expected 200 null, got ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 300)}`);
          return;
        }
        if (!applies) {
          expectStatus(answer, 400, where);
          return;
        }
        expectStatus(answer, 200, where);
        apply(answer);
      },
      served: () => apply(),
    };
  }
}

// --- Stop ------------------------------------------------------------------------------------

class Stop extends OneTaskCommand {
  readonly write = true;
  describe() {
    return `${this.rest ? 'REST.POST /BatchTask/{id}/Stop' : 'Agents.StopBatchJob'}(${idRefText(this.ref)})`;
  }
  /** A stop whose answer is lost: the model must know whether it stopped the task. */
  override knowsEffect(model: BatchModel): boolean {
    const task = model.tasks.get(this.id(model, this.ref));
    return !task || model.stopAnswer(task) !== undefined;
  }
  call(model: BatchModel): Call {
    const id = this.id(model, this.ref);
    const request = this.rest ? { method: 'POST' as const, path: `${REST}/${id}/Stop` } : { method: 'POST' as const, path: `${AGENTS}/StopBatchJob`, body: { Id: id } };
    const where = this.rest ? `POST /BatchTask/${id}/Stop` : `StopBatchJob ${id}`;
    const task = model.tasks.get(id);
    return {
      ...request,
      where,
      expect: (answer) => {
        if (!task) {
          // No such task: false (Agents); 400, an id the server cannot use (REST).
          if (this.rest) expectStatus(answer, 400, where);
          else expectThat(answer.status === 200 && answer.body === false, () => `${where}: task ${id} is gone, expected 200 false, got ${answer.status} ${JSON.stringify(answer.body)}`);
          return;
        }
        expectStatus(answer, 200, where);
        expectThat(typeof answer.body === 'boolean', () => `${where}: expected true or false, got ${JSON.stringify(answer.body)}`);
        const expected = model.stopAnswer(task);
        expectThat(expected === undefined || answer.body === expected, () => `${where}: answered ${String(answer.body)}, expected ${String(expected)} (task in ${task.states.join('/')}, ${task.cancellable === false ? 'cannot cancel' : 'can cancel'})`);
        model.applyStop(task, answer.body as boolean);
      },
      served: () => {
        if (task) model.applyStop(task, model.stopAnswer(task)!);
      },
    };
  }
}

// --- Delete ----------------------------------------------------------------------------------

class Delete extends OneTaskCommand {
  readonly write = true;
  describe() {
    return `${this.rest ? 'REST.DELETE /BatchTask/{id}' : 'Agents.DeleteBatchTask'}(${idRefText(this.ref)})`;
  }
  call(model: BatchModel): Call {
    const id = this.id(model, this.ref);
    const request = this.rest ? { method: 'DELETE' as const, path: `${REST}/${id}` } : { method: 'POST' as const, path: `${AGENTS}/DeleteBatchTask`, body: { BatchTaskId: id } };
    const where = this.rest ? `DELETE /BatchTask/${id}` : `DeleteBatchTask ${id}`;
    return {
      ...request,
      where,
      expect: (answer) => {
        // Agents: 204 whether or not there was a task; REST: 404 for none.
        expectStatus(answer, this.rest && !model.tasks.has(id) ? 404 : 204, where);
        model.applyDelete(id);
      },
      served: () => model.applyDelete(id),
    };
  }
}

class DeleteMany extends CallCommand {
  readonly write = true;
  readonly refs: IdRef[];
  constructor(refs: IdRef[]) {
    super();
    this.refs = refs;
  }
  protected override ids() {
    return this.refs;
  }
  describe() {
    return `Agents.DeleteBatchTasks([${this.refs.map(idRefText).join(', ')}])`;
  }
  call(model: BatchModel): Call {
    const ids = this.refs.map((ref) => this.id(model, ref));
    const where = `DeleteBatchTasks ${JSON.stringify(ids)}`;
    const apply = () => {
      for (const id of ids) model.applyDelete(id);
    };
    return {
      method: 'POST',
      path: `${AGENTS}/DeleteBatchTasks`,
      body: { BatchTaskIds: ids },
      where,
      expect: (answer) => {
        expectStatus(answer, 204, where);
        apply();
      },
      served: apply,
    };
  }
}

// --- The sandbox: its clock, its job definitions and faults ----------------------------------

/**
 * How far to move the clock: by `ms`; or to a transition of a running job, landing just
 * `before` or just `after` it: the `index`-th coming transition of any job (`next`: a queue's
 * end, a failure, an end), or the last one of the `index`-th running job, newest first (`end`:
 * where it fails or ends; a hung job's is its queue's end). Either way the clock stays out of
 * every transition's guard (jobs.ts): a landing inside one moves on past it, so the state the
 * model expects is exact.
 */
export type Advance = { kind: 'by'; ms: number } | { kind: 'next' | 'end'; index: number; side: 'before' | 'after' };

/** The coming transitions of each running job, newest job first; each job's in time order. */
function comingTransitions(model: BatchModel, after: number): { at: number; guard: number }[][] {
  const jobs: { at: number; guard: number }[][] = [];
  for (const id of model.liveIds(false).reverse()) {
    const job = model.tasks.get(id)!.job;
    if (!job) continue;
    const coming = transitions(job).filter(({ at }) => at > after);
    if (coming.length > 0) jobs.push(coming);
  }
  return jobs;
}

/** The ms an advance moves the clock by now; undefined when it cannot (no clock, or no transition to come). */
function resolveAdvance(model: BatchModel, advance: Advance): number | undefined {
  const now = model.clock;
  if (now === undefined) return undefined;
  const jobs = comingTransitions(model, now);
  let target: number;
  if (advance.kind === 'by') target = now + advance.ms;
  else {
    const candidates = advance.kind === 'end' ? jobs.map((coming) => coming.at(-1)!) : jobs.flat().sort((a, b) => a.at - b.at);
    if (candidates.length === 0) return undefined;
    const { at, guard } = candidates[advance.index % candidates.length]!;
    target = advance.side === 'before' && at - guard - 1 > now ? Math.floor(at - guard - 1) : Math.ceil(at + guard + 1);
  }
  // Out of every guard: each transition moves the target past it at most once, so this ends.
  for (let moved = true; moved; ) {
    moved = false;
    for (const { at, guard } of jobs.flat()) {
      if (Math.abs(target - at) <= guard) {
        target = Math.ceil(at + guard + 1);
        moved = true;
      }
    }
  }
  return target - now;
}

const advanceText = (advance: Advance) => (advance.kind === 'by' ? `${advance.ms} ms` : `just ${advance.side} ${advance.kind === 'end' ? 'the end of job' : 'transition'}#${advance.index}`);

class AdvanceClock extends BatchCommand {
  readonly write = true;
  readonly advance: Advance;
  constructor(advance: Advance) {
    super();
    this.advance = advance;
  }
  override check(model: Readonly<BatchModel>): boolean {
    return model.writes && resolveAdvance(model as BatchModel, this.advance) !== undefined;
  }
  describe() {
    return `Mock.clock.advance(${advanceText(this.advance)})`;
  }
  async exec(model: BatchModel, http: ModelHttp) {
    const ms = resolveAdvance(model, this.advance)!;
    // What it came to, for the shrunk sequence.
    if (this.advance.kind !== 'by' || this.advance.ms !== ms) http.ran[http.ran.length - 1] = `Mock.clock.advance(${advanceText(this.advance)}: ${ms} ms)`;
    await http.control('POST', '/mock/clock/advance', { ms });
    model.advanceTo(model.clock! + ms);
  }
}

class DefineJob extends BatchCommand {
  readonly write = true;
  readonly name: string;
  readonly behaviour: JobBehaviour;
  constructor(name: string, behaviour: JobBehaviour) {
    super();
    this.name = name;
    this.behaviour = behaviour;
  }
  override check(model: Readonly<BatchModel>): boolean {
    return model.writes && model.clock !== undefined;
  }
  describe() {
    return `Mock.jobs.define(${JSON.stringify(this.name)}, ${JSON.stringify(this.behaviour)})`;
  }
  async exec(model: BatchModel, http: ModelHttp) {
    await http.control('PUT', `/mock/jobs/${encodeURIComponent(this.name)}`, this.behaviour);
    // Jobs started before keep their course; the next start under this name takes it.
    model.definitions.set(jobKey(this.name), { ...this.behaviour });
  }
}

/**
 * A fault on the next call (the control API's FaultRule, `times: 1`, on that call's operation):
 * an error answer (`status`, with `retryAfter` for 429 and 503) or a dropped connection
 * (`reset`); `before` the store acts (nothing changes) or `after` (the call is served, only its
 * answer is lost).
 */
export type FaultSpec = { when: 'before' | 'after' } & ({ status: number; retryAfter?: number } | { reset: true });

/** The operationId the spec gives a request's method and path (the path item's own; a fault names the operation so). */
let routes: { method: string; pattern: RegExp; operationId: string }[] | undefined;
export function operationIdOf(method: string, path: string): string {
  routes ??= Object.entries(loadSpec().paths).flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([, operation]) => typeof (operation as { operationId?: unknown })?.operationId === 'string')
      .map(([verb, operation]) => ({
        method: verb.toUpperCase(),
        // Regex characters escaped (braces kept), then each {parameter} one path segment.
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        operationId: (operation as { operationId: string }).operationId,
      })),
  );
  const pathname = path.split('?')[0]!;
  const route = routes.find((candidate) => candidate.method === method && candidate.pattern.test(pathname));
  if (!route) throw new Error(`operationIdOf: the spec has no operation for ${method} ${pathname}`);
  return route.operationId;
}

const faultText = (fault: FaultSpec) => JSON.stringify(fault);

class Faulted extends BatchCommand {
  readonly write = true;
  readonly fault: FaultSpec;
  readonly inner: CallCommand;
  constructor(fault: FaultSpec, inner: CallCommand) {
    super();
    this.fault = fault;
    this.inner = inner;
  }
  override check(model: Readonly<BatchModel>): boolean {
    // The mock's sandbox only; an `after` fault only where the model knows what the call did unseen.
    return model.writes && model.clock !== undefined && this.inner.check(model) && (this.fault.when === 'before' || this.inner.knowsEffect(model as BatchModel));
  }
  describe() {
    return `Mock.faults.add(${faultText(this.fault)}) then ${this.inner.describe()}`;
  }
  async exec(model: BatchModel, http: ModelHttp) {
    const call = this.inner.call(model, http);
    const rule = { operation: operationIdOf(call.method, call.path), ...this.fault, times: 1 };
    await http.control('POST', '/mock/faults', rule);
    const answer = await http.attempt(call.method, call.path, call.body);
    const where = `${call.where} under the fault ${JSON.stringify(rule)}`;
    if ('reset' in this.fault) {
      expectThat('dropped' in answer, () => `${where}: expected the connection dropped without an answer, got ${'status' in answer ? answer.status : ''} ${JSON.stringify((answer as Answer).body)?.slice(0, 300)}`);
    } else {
      const { status, retryAfter } = this.fault;
      expectThat(!('dropped' in answer), () => `${where}: expected ${status}, but the connection was dropped (${(answer as { dropped: string }).dropped})`);
      const answered = answer as Answer;
      expectStatus(answered, status, where);
      // The SuperOffice error body (the spec's ErrorBody), and Retry-After exactly when the rule gives it.
      const body = answered.body as Record<string, unknown> | undefined;
      expectThat(body?.Error === true && typeof body.ErrorType === 'string' && body.ErrorType !== '' && typeof body.ErrorMessage === 'string' && body.ErrorMessage !== '', () => `${where}: expected the SuperOffice error body (Error, ErrorType, ErrorMessage), got ${JSON.stringify(body)?.slice(0, 300)}`);
      expectThat(answered.retryAfter === (retryAfter === undefined ? undefined : String(retryAfter)), () => `${where}: Retry-After is ${answered.retryAfter === undefined ? 'missing' : JSON.stringify(answered.retryAfter)}, expected ${retryAfter === undefined ? 'none' : JSON.stringify(String(retryAfter))}`);
    }
    // Before: the store was untouched, and so is the model. After: it changed as the call would have.
    if (this.fault.when === 'after') call.served();
    this.noteSituations(model);
  }
  private noteSituations(model: BatchModel): void {
    model.note('fault-command');
    const start = this.inner instanceof Start && this.inner.input.Name.trim() !== '';
    if (this.fault.when === 'before' && this.inner.write) model.note('fault-before-write');
    if (this.fault.when === 'before' && start) model.note('fault-before-start');
    if (this.fault.when === 'after' && this.inner.write) model.note('fault-after-write');
    if (this.fault.when === 'after' && start) model.note('fault-after-start');
    if (!this.inner.write) model.note('fault-on-read');
    if ('reset' in this.fault) model.note('fault-dropped-connection');
    if ('retryAfter' in this.fault && this.fault.retryAfter !== undefined) model.note('fault-retry-after');
  }
}

/** Names a definition is made under: the start names in other casings and spacings (matched trimmed, in any case). */
const DEFINED_NAMES = ['ModelJob', 'MODELJOB', ' ExportJob ', 'FailingJob', 'Model Job'];
const RUN_MS = [0, 1_000, 60_000, 3_600_000];

/** A definition that can be true (the mock's own tests refuse the rest): every documented field, in the combinations it allows. */
const jobBehaviour: fc.Arbitrary<JobBehaviour> = fc.oneof(
  // Runs, and perhaps fails at a percent.
  fc.record(
    {
      runMs: fc.constantFrom(...RUN_MS),
      queuedMs: fc.constantFrom(0, 5_000, 120_000),
      failAtPercent: fc.constantFrom(0, 40, 99, 100),
      result: fc.constantFrom('Exported 12 rows.', ''),
      cancellation: fc.constantFrom<CancellationBehaviour>('CanCancel', 'CancelWithWarning', 'CannotCancel'),
    },
    { requiredKeys: ['cancellation'] },
  ),
  // Ends SucceededManualCleanup.
  fc.record(
    {
      runMs: fc.constantFrom(...RUN_MS),
      queuedMs: fc.constantFrom(0, 5_000),
      result: fc.constant('Left files to clean up.'),
      cancellation: fc.constantFrom<CancellationBehaviour>('CanCancel', 'CancelWithWarning', 'CannotCancel'),
      manualCleanup: fc.constant(true),
    },
    { requiredKeys: ['manualCleanup', 'cancellation'] },
  ),
  // Hangs in Started.
  fc.record(
    { queuedMs: fc.constantFrom(0, 5_000), cancellation: fc.constantFrom<CancellationBehaviour>('CanCancel', 'CancelWithWarning', 'CannotCancel'), hang: fc.constant(true) },
    { requiredKeys: ['hang', 'cancellation'] },
  ),
);

/** The faults a call may meet: errors a client retries or gives up on, and a dropped connection. */
const faultSpec: fc.Arbitrary<FaultSpec> = fc
  .record({
    when: fc.constantFrom('before' as const, 'after' as const),
    effect: fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(500, 502, 401, 404).map((status) => ({ status })) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(503, 429), fc.integer({ min: 0, max: 120 })).map(([status, retryAfter]) => ({ status, retryAfter })) },
      { weight: 1, arbitrary: fc.constant({ status: 503 }) },
      { weight: 2, arbitrary: fc.constant({ reset: true as const }) },
    ),
  })
  .map(({ when, effect }): FaultSpec => ({ when, ...effect }));

const advance: fc.Arbitrary<Advance> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('end' as const), index: fc.nat(2), side: fc.constant('after' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('end' as const), index: fc.nat(2), side: fc.constant('before' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('next' as const), index: fc.nat(3), side: fc.constantFrom('before' as const, 'after' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('by' as const), ms: fc.integer({ min: 1, max: 5_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('by' as const), ms: fc.integer({ min: 1, max: 900_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('by' as const), ms: fc.constantFrom(3_600_000, 7_200_000) }) },
);

// --- The arbitraries -------------------------------------------------------------------------

const stateFilter = fc.constantFrom(...STATE_FILTERS);
const text = fc.constantFrom('Model check', 'ünïcødé ✓', '', "It's done");
const associates = fc.array(associateRef, { minLength: 1, maxLength: 3 });

function listCommand(operation: AgentList): fc.Arbitrary<AgentsList> {
  const needs: readonly string[] = AGENT_LISTS[operation].needs;
  return fc
    .record({
      associates: needs.includes('associates') ? associates : fc.constant(undefined),
      name: needs.includes('name') ? nameRef : fc.constant(undefined),
      state: needs.includes('state') ? stateFilter : fc.constant(undefined),
    })
    .map(({ associates: a, name, state }) => new AgentsList(operation, { ...(a ? { associates: a } : {}), ...(name ? { name } : {}), ...(state ? { state } : {}) }));
}

/** What a start may send: a job name (the given ones, or none at all) and some text. */
function startInput(jobNames: readonly string[]): fc.Arbitrary<StartInput> {
  return fc.record(
    {
      Name: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...jobNames) }, { weight: 1, arbitrary: fc.constant('') }),
      Description: text,
      Context: text,
      Request: text,
    },
    { requiredKeys: ['Name'] },
  );
}

const updateChanges: fc.Arbitrary<UpdateChanges> = fc.record(
  { State: stateFilter, Description: fc.option(text), Response: fc.option(text), Request: fc.option(text) },
  { requiredKeys: [] },
);
const updateNoise: fc.Arbitrary<UpdateNoise> = fc.record(
  {
    Name: fc.constantFrom('Renamed', 'ImportJob'),
    AssociateId: fc.constantFrom(0, 497, 840),
    IsSystemTask: fc.boolean(),
    Context: fc.constant('changed context'),
    CancellationBehaviour: fc.constant('CannotCancel'),
  },
  { requiredKeys: [] },
);

export const OPERATION_COUNT = 22;
/** The sandbox's controls the run uses: the clock's advance, jobs.define and faults.add. */
export const SANDBOX_CONTROL_COUNT = 3;

/**
 * One arbitrary per operation (22) and sandbox control (3); the writes only when `writes` (they
 * never run otherwise: check() refuses them too). `jobNames`: the jobs a start may name. The
 * sequences that matter are weighted up (fc.commands picks its arbitraries alike, so these come
 * twice or more): starts, clock advances (most of them just past a running job's end), job
 * definitions, GetAll (which crosses the small archive pages), reads, stops and deletes of
 * the newest task, and faults (one command in ten: half of them on a start, the rest on the
 * other writes and the reads); the nine Agents lists share the weight of four.
 */
export function batchCommands(options: { writes: boolean; jobNames: readonly string[] }): fc.Arbitrary<fc.AsyncCommand<BatchModel, ModelHttp>>[] {
  const lists = (Object.keys(AGENT_LISTS) as AgentList[]).map(listCommand);
  const readsWith = (listArbitraries: fc.Arbitrary<BatchCommand>[]): fc.Arbitrary<BatchCommand>[] => [
    idRef.map((ref) => new ReadById(false, ref)),
    ...listArbitraries,
    archiveQuery.map((query) => new GetAll(query)),
    idRef.map((ref) => new ReadById(true, ref)),
    stateFilter.map((state) => new RestByState(state)),
  ];
  if (!options.writes) return readsWith(lists);
  // With writes, the nine Agents lists share the weight of four: room for the sequences of
  // start, advance and read that show a job's course.
  const anyList = fc.oneof(...lists);
  const reads = readsWith(Array.from({ length: 4 }, () => anyList));
  const writes: fc.Arbitrary<BatchCommand>[] = [];
  for (const rest of [false, true]) {
    writes.push(
      startInput(options.jobNames).map((input) => new Start(rest, input)),
      fc.tuple(idRef, updateChanges, updateNoise).map(([ref, changes, noise]) => new Update(rest, ref, changes, noise)),
      idRef.map((ref) => new Stop(rest, ref)),
      idRef.map((ref) => new Delete(rest, ref)),
    );
  }
  writes.push(fc.array(idRef, { minLength: 1, maxLength: 3 }).map((refs) => new DeleteMany(refs)));
  const start = (rest: boolean) => startInput(options.jobNames).map((input) => new Start(rest, input));
  const clockAdvance = advance.map((by) => new AdvanceClock(by));
  const define = fc.tuple(fc.constantFrom(...DEFINED_NAMES), jobBehaviour).map(([name, behaviour]) => new DefineJob(name, behaviour));
  const faulted = (call: fc.Arbitrary<CallCommand>) => fc.tuple(faultSpec, call).map(([fault, inner]) => new Faulted(fault, inner));
  const sandbox: fc.Arbitrary<BatchCommand>[] = [
    ...Array.from({ length: 8 }, () => clockAdvance),
    ...Array.from({ length: 2 }, () => define),
    start(false),
    start(true),
    archiveQuery.map((query) => new GetAll(query)),
    // The newest task: read (has its job moved on?), and deleted (a start after must not reuse its id).
    ...Array.from({ length: 2 }, () => newestRef.map((ref) => new ReadById(false, ref))),
    ...Array.from({ length: 2 }, () => newestRef.map((ref) => new ReadById(true, ref))),
    fc.boolean().map((rest) => new Delete(rest, { kind: 'newest', index: 0 })),
    // Stopped: does it honour the cancellation its definition gave it?
    fc.boolean().map((rest) => new Stop(rest, { kind: 'newest', index: 0 })),
    // A fault on the next call: starts most (a lost answer to a start is the classic double
    // start), then the other writes and the reads.
    ...Array.from({ length: 2 }, () => faulted(fc.tuple(fc.boolean(), startInput(options.jobNames)).map(([rest, input]) => new Start(rest, input)))),
    faulted(
      fc.oneof(
        fc.tuple(fc.boolean(), idRef, updateChanges, updateNoise).map(([rest, ref, changes, noise]) => new Update(rest, ref, changes, noise)),
        fc.tuple(fc.boolean(), idRef).map(([rest, ref]) => new Stop(rest, ref)),
        fc.tuple(fc.boolean(), idRef).map(([rest, ref]) => new Delete(rest, ref)),
        fc.array(idRef, { minLength: 1, maxLength: 3 }).map((refs) => new DeleteMany(refs)),
        fc.boolean().map((rest) => new Stop(rest, { kind: 'newest', index: 0 })),
        fc.boolean().map((rest) => new Delete(rest, { kind: 'newest', index: 0 })),
      ),
    ),
    faulted(fc.oneof(fc.tuple(fc.boolean(), idRef).map(([rest, ref]) => new ReadById(rest, ref)), anyList, stateFilter.map((state) => new RestByState(state)))),
  ];
  return [...reads, ...writes, ...sandbox];
}
