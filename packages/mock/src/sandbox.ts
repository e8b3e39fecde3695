import { createClock, type MockClock } from './clock.ts';
import { JobBook, type JobBehaviour, type MockJobs } from './jobs.ts';
import { ARCHIVE_PAGE_SIZE } from './odata.ts';
import { defaultSeed, loadFixtures, type FixtureOptions } from './seed.ts';
import { resolve, type OpenApiDocument } from './spec.ts';
import { TaskStore } from './store.ts';

// A sandbox is the state behind a mock: its store of tasks (and the ids handed out), its job
// definitions, its clock and its archive page size. A front serves one; another front can serve
// the same one (the dev loop's new front after a spec save, or a test's restarted server), and
// the tasks, running jobs, definitions and time carry over.

/** The state behind a running mock (`mock.sandbox`): pass it to startMock({ sandbox }) to serve the same state again. */
export interface MockSandbox {
  readonly clock: MockClock;
  readonly jobs: MockJobs;
}

export interface SandboxOptions {
  taskRunMs?: number | undefined;
  tasks?: readonly Record<string, unknown>[] | undefined;
  maxTasks?: number | undefined;
  maxStringLength?: number | undefined;
  jobs?: unknown;
  clock?: unknown;
  clockStart?: unknown;
  archivePageSize?: unknown;
  /** The front's nesting cap, which fixtures are held to as requests are. */
  depthLimit?: number | undefined;
}

/** The options a sandbox is made with: startMock refuses them beside an existing sandbox. */
export const SANDBOX_OPTIONS = ['taskRunMs', 'tasks', 'maxTasks', 'maxStringLength', 'jobs', 'clock', 'clockStart', 'archivePageSize'] as const satisfies readonly (keyof SandboxOptions)[];

export interface SandboxState {
  store: TaskStore;
  clock: MockClock;
  jobs: JobBook;
  /** The caller's fixtures, checked again against each spec a front serves; undefined: the spec's seed. */
  fixtures: readonly Record<string, unknown>[] | undefined;
  /** The caps the fixtures are held to (those requests get). */
  fixtureCaps: FixtureOptions;
}

const states = new WeakMap<MockSandbox, SandboxState>();

export const MAX_ARCHIVE_PAGE_SIZE = 10_000;

function checkPageSize(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_ARCHIVE_PAGE_SIZE) {
    throw new TypeError(`startMock: archivePageSize must be a whole number from 1 to ${MAX_ARCHIVE_PAGE_SIZE} (the spec's page is ${ARCHIVE_PAGE_SIZE}), not ${typeof value === 'number' ? value : typeof value}.`);
  }
  return value;
}

/** Every property the spec's BatchTaskInfo declares (its allOf parts first), in the spec's order. */
export function declaredTaskProperties(doc: OpenApiDocument): string[] {
  const seen: string[] = [];
  const visit = (node: unknown) => {
    const schema = resolve(doc, node) as { allOf?: unknown[]; properties?: Record<string, unknown> };
    for (const part of schema.allOf ?? []) visit(part);
    for (const property of Object.keys(schema.properties ?? {})) if (!seen.includes(property)) seen.push(property);
  };
  visit({ $ref: '#/components/schemas/BatchTaskInfo' });
  return seen;
}

/** A new sandbox, its seed from `doc` (or the fixtures, checked against it). Bad options throw before anything starts. */
export function createSandbox(doc: OpenApiDocument, options: SandboxOptions): MockSandbox {
  const clock = createClock(options.clock ?? 'real', options.clockStart);
  const jobs = new JobBook(doc, options.jobs ?? {});
  const archivePageSize = options.archivePageSize === undefined ? undefined : checkPageSize(options.archivePageSize);
  const fixtureCaps: FixtureOptions = {
    ...(options.depthLimit === undefined ? {} : { depthLimit: options.depthLimit }),
    ...(options.maxTasks === undefined ? {} : { maxTasks: options.maxTasks }),
    ...(options.maxStringLength === undefined ? {} : { maxString: options.maxStringLength }),
  };
  const seed = options.tasks === undefined ? defaultSeed(doc) : loadFixtures(doc, options.tasks, fixtureCaps);
  const store = new TaskStore(seed, {
    now: clock.now,
    declaredProperties: declaredTaskProperties(doc),
    behaviourOf: (name) => jobs.find(name),
    ...(options.taskRunMs === undefined ? {} : { runMs: options.taskRunMs }),
    ...(options.maxTasks === undefined ? {} : { maxTasks: options.maxTasks }),
    ...(options.maxStringLength === undefined ? {} : { maxString: options.maxStringLength }),
    ...(archivePageSize === undefined ? {} : { archivePageSize }),
  });
  // Methods that keep working when taken off the object (`const { define } = mock.jobs`).
  const jobControls: MockJobs = Object.freeze({
    define: (name: string, behaviour: JobBehaviour) => jobs.define(name, behaviour),
    remove: (name: string) => jobs.remove(name),
    clear: () => jobs.clear(),
    list: () => jobs.list(),
  });
  const sandbox: MockSandbox = Object.freeze({ clock, jobs: jobControls });
  states.set(sandbox, { store, clock, jobs, fixtures: options.tasks, fixtureCaps });
  return sandbox;
}

/** The state of a sandbox from mock.sandbox; a TypeError for anything else. */
export function sandboxState(sandbox: unknown): SandboxState {
  const state = sandbox && typeof sandbox === 'object' ? states.get(sandbox as MockSandbox) : undefined;
  if (!state) throw new TypeError('startMock: sandbox must be the `sandbox` of a mock startMock returned.');
  return state;
}

/** The seed the sandbox's tasks follow when served with `doc`: the spec's samples, or the fixtures checked against it. */
export function seedFor(state: SandboxState, doc: OpenApiDocument) {
  return state.fixtures === undefined ? defaultSeed(doc) : loadFixtures(doc, state.fixtures, state.fixtureCaps);
}
