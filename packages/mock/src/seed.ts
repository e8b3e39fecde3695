import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolve as resolveRef, type OpenApiDocument } from './spec.ts';
import { REAL_STATES, type StoredTask, type TaskState } from './store.ts';

// What the store holds when the mock starts: the tasks of the reference pages' samples, each
// under its own Id, the tasks the pages' sample requests ask for, and a few more so that every
// state, several associates, system tasks and parameters are there to be found.
//
// Decision (the pages' sample values): the samples are generated filler, and some of their
// values are ones no server could hold. The seed keeps each sample task's Id, Name, owner, texts,
// dates, parameters and rights, and changes only these, so that the tasks read back as a server's:
// - State "All" is a filter of the list calls, not a state: each such task gets a real state,
//   taken in turn from Succeeded, Started, Failed, New, SucceededManualCleanup, Aquired, Unknown.
// - ProgressPercent above 100 (757, 681, ...): 100 for a finished task, 0 for one not yet
//   started, and the sample's value modulo 100 for a started or failed one.
// - A system task ("not initiated by an associate") is owned by associate 0, as the
//   AssociateId description says, whatever owner the sample printed.

/** Who a caller is: the associate a Basic login names; every other credential is DEFAULT_CALLER. */
export const ASSOCIATES: Readonly<Record<string, number>> = { tje0: 195, ada: 497, bo: 840 };
export const DEFAULT_CALLER = ASSOCIATES.tje0!;

const STATE_TURNS: readonly TaskState[] = ['Succeeded', 'Started', 'Failed', 'New', 'SucceededManualCleanup', 'Aquired', 'Unknown'];

function progressFor(state: TaskState, printed: unknown): number {
  if (state === 'Succeeded' || state === 'SucceededManualCleanup') return 100;
  if (state === 'Started' || state === 'Failed') return Number.isInteger(printed) ? Math.abs(printed as number) % 100 : 50;
  return 0;
}

/** A complete task from some of its properties: the rest as a server fills them in. */
export function completeTask(partial: Record<string, unknown> & { Id: number }): StoredTask {
  const state = (partial.State ?? 'Succeeded') as TaskState;
  const system = partial.IsSystemTask === true;
  // The properties in the spec's order, as the server writes them (XML readers care).
  const defaults: Record<string, unknown> = {
    Id: partial.Id,
    Name: null,
    AssociateId: system ? 0 : DEFAULT_CALLER,
    DetailsTable: 0,
    DetailsRecord: 0,
    IsSystemTask: system,
    IsInternalTask: false,
    ParameterObject: null,
    LastStarted: '2026-11-02T09:00:00Z',
    Created: '2026-11-02T08:59:58Z',
    StartCount: state === 'New' || state === 'Unknown' ? 0 : 1,
    DatabaseSerialNumber: '1158690',
    Context: null,
    Result: state === 'Failed' ? 'The job failed.' : state === 'Succeeded' || state === 'SucceededManualCleanup' ? 'Done.' : null,
    State: state,
    Description: null,
    Response: null,
    Request: null,
    ProgressDescription: null,
    ProgressPercent: progressFor(state, undefined),
    FileName: null,
    CancellationBehaviour: 'CanCancel',
    TableRight: { Mask: 'FULL', Reason: '' },
    FieldProperties: {},
  };
  return { ...defaults, ...partial, State: state, ProgressPercent: partial.ProgressPercent ?? defaults.ProgressPercent } as unknown as StoredTask;
}

const isTask = (value: unknown): value is Record<string, unknown> & { Id: number } =>
  !!value && typeof value === 'object' && !Array.isArray(value) && Number.isInteger((value as { Id?: unknown }).Id) && 'State' in value && 'Name' in value;

/** The sample tasks of the pages' responses, and the ids their requests name, from the spec. */
function fromSamples(doc: OpenApiDocument): StoredTask[] {
  const tasks = new Map<number, StoredTask>();
  const wanted = new Set<number>();
  let turn = 0;
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isTask(value) || tasks.has(value.Id)) return;
    const printed = value.State as string;
    const state = (REAL_STATES as readonly string[]).includes(printed) ? (printed as TaskState) : STATE_TURNS[turn++ % STATE_TURNS.length]!;
    const system = value.IsSystemTask === true;
    tasks.set(value.Id, completeTask({ ...value, Id: value.Id, State: state, ProgressPercent: progressFor(state, value.ProgressPercent), ...(system ? { AssociateId: 0 } : {}) }));
  };
  const want = (value: unknown) => {
    if (Number.isInteger(value) && (value as number) > 0) wanted.add(value as number);
  };
  for (const pathItem of Object.values(doc.paths)) {
    for (const raw of Object.values(resolveRef<Record<string, unknown>>(doc, pathItem))) {
      if (!raw || typeof raw !== 'object' || !('responses' in raw)) continue;
      const operation = raw as { operationId?: string; parameters?: unknown[]; requestBody?: unknown; responses: Record<string, unknown> };
      for (const response of Object.values(operation.responses)) {
        for (const media of Object.values(resolveRef<{ content?: Record<string, { examples?: Record<string, unknown> }> }>(doc, response)?.content ?? {})) {
          for (const example of Object.values(media.examples ?? {})) visit(resolveRef<{ value?: unknown }>(doc, example)?.value);
        }
      }
      // A start's sample body names a job to start, not a task that exists.
      if (/StartBatchJob$/.test(operation.operationId ?? '')) continue;
      for (const parameter of operation.parameters ?? []) {
        const p = resolveRef<{ in?: string; example?: unknown; examples?: Record<string, unknown> }>(doc, parameter);
        if (p?.in !== 'path') continue;
        want(p.example);
        for (const example of Object.values(p.examples ?? {})) want(resolveRef<{ value?: unknown }>(doc, example)?.value);
      }
      const body = resolveRef<{ content?: Record<string, { examples?: Record<string, unknown> }> }>(doc, operation.requestBody);
      for (const example of Object.values(body?.content?.['application/json']?.examples ?? {})) {
        const value = resolveRef<{ value?: Record<string, unknown> }>(doc, example)?.value;
        if (!value || typeof value !== 'object') continue;
        // An update's sample carries the task it updates (wrapped for the Agents, bare over REST):
        // that task exists, as printed (but for the fixes above).
        visit(value.BatchTaskInfo);
        visit(value);
        want(value.Id);
        want(value.BatchTaskId);
        want((value.BatchTaskInfo as Record<string, unknown> | null | undefined)?.Id);
        for (const id of Array.isArray(value.BatchTaskIds) ? value.BatchTaskIds : []) want(id);
      }
    }
  }
  for (const id of wanted) {
    if (!tasks.has(id)) tasks.set(id, completeTask({ Id: id, Name: `Sample task ${id}`, State: 'Succeeded', Description: 'A task a reference page\'s sample request names.' }));
  }
  return [...tasks.values()];
}

/** Jobs of the three associates and the system, in every state: what a small installation holds. */
const EXTRAS: (Record<string, unknown> & { Id: number })[] = [
  { Id: 189, Name: 'ExportJob', AssociateId: 195, State: 'Succeeded', Description: 'The task the GetBatchTaskInfo page asks for', ParameterObject: { Folder: 'exports' }, FileName: 'export.csv' },
  { Id: 9001, Name: 'ExportJob', AssociateId: 195, State: 'Started', ProgressPercent: 40, ProgressDescription: 'Step 3 of 5', ParameterObject: { Folder: 'exports' }, Description: 'Nightly export' },
  { Id: 9002, Name: 'ExportJob', AssociateId: 195, State: 'Succeeded', FileName: 'export-2026-11-01.csv' },
  { Id: 9003, Name: 'ImportJob', AssociateId: 195, State: 'Failed', Result: 'The file could not be read.' },
  { Id: 9004, Name: 'ImportJob', AssociateId: 195, State: 'New', ProgressDescription: 'Queued' },
  { Id: 9005, Name: 'ExportJob', AssociateId: 497, State: 'Started', ProgressPercent: 75, CancellationBehaviour: 'CannotCancel', ParameterObject: { Folder: 'reports', Format: 'xlsx' } },
  { Id: 9006, Name: 'ExportJob', AssociateId: 497, State: 'SucceededManualCleanup', FileName: 'reports.xlsx' },
  { Id: 9007, Name: 'MailMergeJob', AssociateId: 840, State: 'Aquired', TableRight: { Mask: 'Select, Update', Reason: '' } },
  { Id: 9008, Name: 'MailMergeJob', AssociateId: 840, State: 'Unknown' },
  { Id: 9009, Name: 'ReindexJob', IsSystemTask: true, AssociateId: 0, State: 'Started', ProgressPercent: 10, IsInternalTask: true },
  { Id: 9010, Name: 'ReindexJob', IsSystemTask: true, AssociateId: 0, State: 'Succeeded' },
  { Id: 9011, Name: 'ExportJob', IsSystemTask: true, AssociateId: 0, State: 'Failed', Result: 'Timed out.' },
  { Id: 9012, Name: 'ExportJob', AssociateId: 840, State: 'Started', ProgressPercent: 5, TableRight: { Mask: 'Select', Reason: 'Read-only licence' } },
];

export function defaultSeed(doc: OpenApiDocument): StoredTask[] {
  const seed = new Map<number, StoredTask>();
  for (const task of fromSamples(doc)) seed.set(task.Id, task);
  for (const extra of EXTRAS) seed.set(extra.Id, completeTask(extra));
  return [...seed.values()].sort((a, b) => a.Id - b.Id);
}

/** A fixture the mock cannot load; the message names the task and the property. */
export class FixtureError extends Error {}

/**
 * Checks fixtures against the spec's BatchTaskInfo (a real State, an Id, a Name) and completes
 * each into a task as a server fills it in.
 */
export function loadFixtures(doc: OpenApiDocument, fixtures: unknown, source = 'tasks'): StoredTask[] {
  if (!Array.isArray(fixtures)) throw new FixtureError(`${source}: expected an array of BatchTaskInfo objects, got ${fixtures === null ? 'null' : typeof fixtures}.`);
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats.default(ajv);
  ajv.addSchema({ ...(doc as object), $id: 'so-batch:spec' } as object);
  const check = ajv.compile({
    allOf: [{ $ref: 'so-batch:spec#/components/schemas/BatchTaskInfoFields' }],
    properties: { Id: { type: 'integer', minimum: 1, maximum: 2147483647 }, Name: { type: 'string', minLength: 1 }, State: { enum: [...REAL_STATES] } },
    required: ['Id', 'Name', 'State'],
  });
  const seen = new Set<number>();
  return fixtures.map((fixture, index) => {
    const id = (fixture as { Id?: unknown } | null)?.Id;
    const label = `${source}[${index}]${Number.isInteger(id) ? ` (Id ${String(id)})` : ''}`;
    if (!check(fixture)) {
      const error = check.errors![0]!;
      const property = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : error.params && 'missingProperty' in error.params ? String(error.params.missingProperty) : '';
      const allowed = error.params && 'allowedValues' in error.params ? ` (${(error.params.allowedValues as unknown[]).join(', ')})` : '';
      throw new FixtureError(`${label}: ${property ? `${property} ` : ''}${error.message ?? 'is invalid'}${allowed}.`);
    }
    const task = fixture as unknown as Record<string, unknown> & { Id: number };
    if (seen.has(task.Id)) throw new FixtureError(`${label}: Id ${task.Id} is used by an earlier task.`);
    seen.add(task.Id);
    return completeTask(task);
  });
}

export function readFixtureFile(doc: OpenApiDocument, path: string): StoredTask[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new FixtureError(`${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new FixtureError(`${path}: not JSON (${(error as Error).message}).`);
  }
  return loadFixtures(doc, parsed, path);
}
