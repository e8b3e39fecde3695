import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { DEFAULT_LIMITS } from './front.ts';
import { resolve as resolveRef, type OpenApiDocument } from './spec.ts';
import { DEFAULT_MAX_PARAMETER_BYTES, DEFAULT_MAX_STRING, DEFAULT_MAX_TASKS, REAL_STATES, sealTask, type StoredTask, type TaskState } from './store.ts';

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

/** A fixture the mock cannot load; the message names the task and the property, never the file's content. */
export class FixtureError extends Error {}

/** The largest fixture file read (64 MiB): a bigger one, or one that never ends (/dev/zero), is refused. */
export const DEFAULT_MAX_FIXTURE_BYTES = 64 * 1024 * 1024;

/** The caps a fixture is held to: the ones a request gets, so that a task from a file is one a client could have made. */
export interface FixtureLimits {
  /** Tasks at most: the store's maxTasks (1000 by default). More is refused, never dropped. */
  maxTasks: number;
  /** Characters at most in any string of a task: the store's maxStringLength (8192). */
  maxString: number;
  /** Bytes of JSON a ParameterObject may take: the store's 16 KiB. */
  maxParameterBytes: number;
  /** Levels a task may nest (its own object is level 1): the front's depthLimit (64). */
  depthLimit: number;
}

export interface FixtureOptions extends Partial<FixtureLimits> {
  /** What the messages call the list (`tasks`, or the file's path). */
  source?: string;
}

export interface FixtureFileOptions extends Partial<FixtureLimits> {
  /** Bytes at most in the file (DEFAULT_MAX_FIXTURE_BYTES). */
  maxFileBytes?: number;
}

/** Every property name the spec's schemas declare: the names a message may print (any other is the file's own text). */
function declaredNames(doc: OpenApiDocument): Set<string> {
  const names = new Set<string>();
  const stack: unknown[] = [(doc as { components?: unknown }).components];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    const properties = (node as { properties?: unknown }).properties;
    if (properties && typeof properties === 'object' && !Array.isArray(properties)) for (const name of Object.keys(properties)) names.add(name);
    for (const child of Object.values(node)) if (child && typeof child === 'object') stack.push(child);
  }
  return names;
}

const describeKind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

/** What loadFixtures answered, with the spec and caps it checked them against: frozen, so still true. */
const loaded = new WeakMap<readonly unknown[], { doc: OpenApiDocument } & FixtureLimits>();

/**
 * Checks fixtures against the spec's BatchTaskInfo (a real State, an Id, a Name) and the caps
 * requests get, and completes each into a task as a server fills it in. Linear in the tasks:
 * one validator for them all, and each task walked once without recursion before the validator
 * (which recurses) sees it. The answer is frozen (tasks and array): given back to loadFixtures
 * (the bin's tasks, passed on to startMock) it is not checked again unless the caps are tighter,
 * and a TaskStore takes its tasks without copying them.
 */
export function loadFixtures(doc: OpenApiDocument, fixtures: unknown, options: FixtureOptions = {}): StoredTask[] {
  const source = options.source ?? 'tasks';
  const maxTasks = options.maxTasks ?? DEFAULT_MAX_TASKS;
  const maxString = options.maxString ?? DEFAULT_MAX_STRING;
  const maxParameterBytes = options.maxParameterBytes ?? DEFAULT_MAX_PARAMETER_BYTES;
  const depthLimit = options.depthLimit ?? DEFAULT_LIMITS.depthLimit;
  if (!Array.isArray(fixtures)) throw new FixtureError(`${source}: expected an array of BatchTaskInfo objects, got ${describeKind(fixtures)}.`);
  const before = loaded.get(fixtures);
  if (before && before.doc === doc && fixtures.length <= maxTasks && before.maxString <= maxString && before.maxParameterBytes <= maxParameterBytes && before.depthLimit <= depthLimit) {
    return fixtures as StoredTask[];
  }
  if (fixtures.length > maxTasks) {
    throw new FixtureError(
      `${source}: ${fixtures.length} tasks, more than the ${maxTasks} the store keeps (maxTasks). Raise maxTasks to at least ${fixtures.length}: startMock({ maxTasks }), or MOCK_MAX_TASKS for so-batch-mock and pnpm dev.`,
    );
  }
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats.default(ajv);
  ajv.addSchema({ ...(doc as object), $id: 'so-batch:spec' } as object);
  const check = ajv.compile({
    allOf: [{ $ref: 'so-batch:spec#/components/schemas/BatchTaskInfoFields' }],
    properties: { Id: { type: 'integer', minimum: 1, maximum: 2147483647 }, Name: { type: 'string', minLength: 1 }, State: { enum: [...REAL_STATES] } },
    required: ['Id', 'Name', 'State'],
  });
  const declared = declaredNames(doc);
  // A path into the task that prints only what the spec names (and array indexes); a name of the
  // file's own (a ParameterObject key) is `*`, so that no message echoes the file.
  const safePath = (segments: readonly (string | number)[]) =>
    segments.map((segment, i) => (typeof segment === 'number' || /^\d+$/.test(segment) ? `[${segment}]` : `${i ? '.' : ''}${declared.has(segment) ? segment : '*'}`)).join('');
  const seen = new Set<number>();
  const tasks: StoredTask[] = new Array(fixtures.length);
  for (let index = 0; index < fixtures.length; index++) {
    const fixture: unknown = fixtures[index];
    const id = (fixture as { Id?: unknown } | null)?.Id;
    const label = `${source}[${index}]${Number.isInteger(id) ? ` (Id ${String(id)})` : ''}`;
    if (!fixture || typeof fixture !== 'object' || Array.isArray(fixture)) throw new FixtureError(`${label}: expected a BatchTaskInfo object, got ${describeKind(fixture)}.`);
    checkCaps(fixture, { maxString, depthLimit }, (property, problem) => new FixtureError(`${label}: ${property === undefined ? 'a property' : safePath([property])} ${problem}.`));
    const parameters = (fixture as { ParameterObject?: unknown }).ParameterObject;
    if (parameters !== undefined && parameters !== null) {
      const size = Buffer.byteLength(JSON.stringify(parameters));
      if (size > maxParameterBytes) throw new FixtureError(`${label}: ParameterObject is ${size} bytes of JSON; the mock stores at most ${maxParameterBytes}, as for a request.`);
    }
    if (!check(fixture)) {
      const error = check.errors![0]!;
      const property = error.instancePath ? safePath(error.instancePath.slice(1).split('/')) : error.params && 'missingProperty' in error.params ? String(error.params.missingProperty) : '';
      const allowed = error.params && 'allowedValues' in error.params ? ` (${(error.params.allowedValues as unknown[]).join(', ')})` : '';
      throw new FixtureError(`${label}: ${property ? `${property} ` : ''}${error.message ?? 'is invalid'}${allowed}.`);
    }
    const task = fixture as unknown as Record<string, unknown> & { Id: number };
    if (seen.has(task.Id)) throw new FixtureError(`${label}: Id ${task.Id} is used by an earlier task.`);
    seen.add(task.Id);
    tasks[index] = sealTask(completeTask(task));
  }
  Object.freeze(tasks);
  loaded.set(tasks, { doc, maxTasks, maxString, maxParameterBytes, depthLimit });
  return tasks;
}

/**
 * Walks a task without recursion: more than `depthLimit` levels of arrays and objects, or a
 * string (or property name) over `maxString` characters, throws what `fail` makes of the task's
 * property it is in. Nothing is allocated per value but the stack's entries.
 */
function checkCaps(task: object, caps: { maxString: number; depthLimit: number }, fail: (property: string | undefined, problem: string) => Error): void {
  const tooLong = (length: number) => `${length} characters long; the mock stores at most ${caps.maxString} (maxStringLength), as for a request`;
  const stack: { node: unknown; depth: number; property: string }[] = [];
  for (const key of Object.keys(task)) {
    if (key.length > caps.maxString) throw fail(undefined, `has a property name ${tooLong(key.length)}`);
    const value = (task as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.length > caps.maxString) throw fail(key, `is ${tooLong(value.length)}`);
    if (value && typeof value === 'object') stack.push({ node: value, depth: 2, property: key });
  }
  while (stack.length) {
    const { node, depth, property } = stack.pop()!;
    if (depth > caps.depthLimit) throw fail(property, `nests more than ${caps.depthLimit} levels deep, the limit a request gets (depthLimit)`);
    const children = Array.isArray(node) ? node : Object.values(node as object);
    if (!Array.isArray(node)) {
      for (const key of Object.keys(node as object)) if (key.length > caps.maxString) throw fail(property, `holds a property name ${tooLong(key.length)}`);
    }
    for (const child of children) {
      if (typeof child === 'string') {
        if (child.length > caps.maxString) throw fail(property, `holds a string ${tooLong(child.length)}`);
      } else if (child && typeof child === 'object') stack.push({ node: child, depth: depth + 1, property });
    }
  }
}

/**
 * Where a relative MOCK_TASKS path is read from: the directory the user ran the command in.
 * pnpm sets INIT_CWD to it for a script; under turbo (root `pnpm dev`) the inner pnpm sets
 * INIT_CWD to the package instead, and TURBO_INVOCATION_DIR holds the directory turbo was run from.
 */
export function fixturePath(path: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return resolvePath(env.TURBO_INVOCATION_DIR || env.INIT_CWD || cwd, path);
}

function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a fixture file: a regular file (a FIFO, a device or a directory is refused before it is
 * opened for reading, so nothing hangs), at most `maxFileBytes`, strict UTF-8 (a byte-order mark
 * is skipped), JSON, then loadFixtures. Errors name the file and where, never its content.
 */
export function readFixtureFile(doc: OpenApiDocument, path: string, options: FixtureFileOptions = {}): StoredTask[] {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FIXTURE_BYTES;
  const cannotRead = (error: unknown) => new FixtureError(`${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw cannotRead(error);
  }
  const notRegular = (kind: Stats) => new FixtureError(`${path}: ${fileKind(kind)}; MOCK_TASKS names a regular file of JSON.`);
  const tooLarge = (size: string) => new FixtureError(`${path}: ${size}; the mock reads at most ${maxBytes} bytes of fixtures (maxFileBytes).`);
  if (!stats.isFile()) throw notRegular(stats);
  if (stats.size > maxBytes) throw tooLarge(`${stats.size} bytes`);
  let buffer: Buffer;
  let fd: number;
  try {
    // Non-blocking, in case the path became a FIFO since the stat: opening one for reading would wait for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw cannotRead(error);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw notRegular(opened);
    // One byte past the cap tells a file that grew past it since the stat.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw tooLarge('larger than that');
    }
    buffer = Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof FixtureError) throw error;
    throw cannotRead(error);
  } finally {
    closeSync(fd);
  }
  const bom = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  if (!isUtf8(buffer)) throw new FixtureError(`${path}: not UTF-8: the bytes at offset ${firstInvalidUtf8(buffer)} are not a UTF-8 character.`);
  const text = buffer.toString('utf8', bom);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text: say only where it stops being JSON.
    const { offset, problem } = jsonSyntaxError(text);
    const { line, column } = lineAndColumn(text, offset);
    throw new FixtureError(`${path}: not JSON: ${problem} at line ${line}, column ${column}.`);
  }
  return loadFixtures(doc, parsed, { ...options, source: path });
}

/** The offset where the first ill-formed UTF-8 sequence starts (RFC 3629: no overlongs, no surrogates, none cut short); -1 for none. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Where a text that JSON.parse refused stops being JSON, and what was expected there: one pass
 * without recursion (the nesting is a stack of `[` and `{`).
 */
export function jsonSyntaxError(text: string): { offset: number; problem: string } {
  const containers: number[] = []; // char codes of [ and {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const error = (problem: string) => ({ offset: i, problem: i >= text.length ? 'unexpected end of the file' : problem });
  // Reads one string at i; returns a problem, or undefined when it is well-formed.
  const readString = (): string | undefined => {
    i++;
    for (;;) {
      if (i >= text.length) return 'unterminated string';
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return undefined;
      }
      if (code < 0x20) return 'a control character inside a string (escape it)';
      if (code === 0x5c) {
        const next = text[i + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else return 'an invalid escape in a string';
      } else i++;
    }
  };
  const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  for (;;) {
    // A value is expected at i.
    skipSpace();
    if (i >= text.length) return error('');
    const char = text[i];
    if (char === '[' || char === '{') {
      containers.push(text.charCodeAt(i));
      i++;
      skipSpace();
      if (char === '[' && text[i] === ']') {
        containers.pop();
        i++;
      } else if (char === '{' && text[i] === '}') {
        containers.pop();
        i++;
      } else if (char === '{') {
        if (text[i] !== '"') return error('expected a property name in double quotes');
        const problem = readString();
        if (problem) return error(problem);
        skipSpace();
        if (text[i] !== ':') return error("expected ':' after a property name");
        i++;
        continue;
      } else continue;
    } else if (char === '"') {
      const problem = readString();
      if (problem) return error(problem);
    } else {
      LITERAL.lastIndex = i;
      const match = LITERAL.exec(text);
      if (!match) return error('expected a value (an object, array, string, number, true, false or null)');
      i += match[0].length;
    }
    // After a value: close containers, or a comma and the next value.
    for (;;) {
      skipSpace();
      if (containers.length === 0) return i < text.length ? error('unexpected text after the JSON value') : { offset: i, problem: 'a JSON value JSON.parse refused' };
      const open = containers[containers.length - 1]!;
      const close = open === 0x5b ? ']' : '}';
      if (text[i] === close) {
        containers.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return error(`expected ',' or '${close}'`);
      i++;
      if (open === 0x7b) {
        skipSpace();
        if (text[i] !== '"') return error('expected a property name in double quotes');
        const problem = readString();
        if (problem) return error(problem);
        skipSpace();
        if (text[i] !== ':') return error("expected ':' after a property name");
        i++;
      }
      break;
    }
  }
}
