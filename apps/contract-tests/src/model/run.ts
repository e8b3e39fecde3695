import fc from 'fast-check';
import { batchCommands } from './commands.ts';
import { curlScript } from './curl.ts';
import { ModelHttp, type ModelTarget, type RecordedRequest } from './http.ts';
import { SITUATIONS, type BatchModel, type Situation } from './model.ts';

// Runs the model: fast-check generates sequences of up to `maxCommands` commands, runs each from
// a fresh model of the target, and on a failure shrinks it to a minimal sequence, which this
// prints as the curl lines that replay it.

export const DEFAULT_SEED = 20261129;
export const DEFAULT_RUNS = 200;
export const MAX_COMMANDS = 25;

/**
 * The seed and the number of sequences, from SO_MODEL_SEED and SO_MODEL_RUNS when set; and
 * SO_MODEL_PATH, the path a failure printed, to replay just that shrunk sequence. A failure
 * prints it as `<path>@<replayPath>`: fast-check's shrink path, and which commands of it ran
 * (fc.commands shrinks by what ran, so a path alone cannot be walked again).
 */
export function modelSettings(env: NodeJS.ProcessEnv = process.env): { seed: number; numRuns: number; path?: string; replayPath?: string } {
  const read = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, not ${JSON.stringify(raw.slice(0, 40))}`);
    return value;
  };
  const settings = { seed: read('SO_MODEL_SEED', DEFAULT_SEED, -2_147_483_648), numRuns: read('SO_MODEL_RUNS', DEFAULT_RUNS, 1) };
  const path = env.SO_MODEL_PATH?.trim();
  if (!path) return settings;
  const match = /^(\d+(?::\d+)*)(?:@([A-Za-z0-9+/]*:[A-Za-z0-9+/]*))?$/.exec(path);
  if (!match) throw new Error(`SO_MODEL_PATH must be the path a failure printed, such as 1:0:3@CD:AAB, not ${JSON.stringify(path.slice(0, 40))}`);
  return { ...settings, path: match[1]!, ...(match[2] === undefined ? {} : { replayPath: match[2] }) };
}

export interface ModelRunOptions {
  target: ModelTarget;
  /** The model of the target at the start of a sequence (for the mock: after reset()). */
  prepare: (http: ModelHttp, handedOut: Set<number>) => Promise<BatchModel>;
  /** After each sequence: for a real server, delete what it started. */
  cleanUp?: (model: BatchModel, http: ModelHttp) => Promise<void>;
  writes: boolean;
  jobNames: readonly string[];
  seed: number;
  numRuns: number;
  /** A failure's path: replays only that sequence (with `seed`). */
  path?: string | undefined;
  /** With `path`: which commands of the sequence ran, as the failure printed it. */
  replayPath?: string | undefined;
  maxCommands?: number;
  fetch?: typeof fetch;
}

export interface ModelRunReport {
  failed: boolean;
  seed: number;
  /** Sequences run (on a failure: the number of the first failing one). */
  numRuns: number;
  /** Commands the sequences ran, in all (not counting shrinking). */
  commandsRun: number;
  /** How often each operation ran (not counting shrinking), by the name commands print. */
  operations: Record<string, number>;
  /** Per situation the sequences reach (model.ts SITUATIONS): in how many sequences it occurred, and how often in all (not counting shrinking). */
  situations: Record<Situation, { sequences: number; times: number }>;
  /** On a failure: the shrunk sequence, the curl lines that replay it, and what broke. */
  failure?: { commands: string[]; shrinks: number; curl: string; error: string; path: string | undefined };
  /** A summary to print: the seed, the runs, and on a failure the sequence as curl lines. */
  message: string;
}

export async function runModel(options: ModelRunOptions): Promise<ModelRunReport> {
  const http = new ModelHttp(options.target, options.fetch);
  const handedOut = new Set<number>();
  const commands = batchCommands({ writes: options.writes, jobNames: options.jobNames });
  let lastFailure: { transcript: RecordedRequest[]; commands: string[]; error: string } | undefined;
  let commandsRun = 0;
  const operations: Record<string, number> = {};
  const situations = emptySituations();
  let shrinking = false;

  const sequences = fc.commands(commands, { maxCommands: options.maxCommands ?? MAX_COMMANDS, size: 'max', ...(options.replayPath ? { replayPath: options.replayPath } : {}) });
  const property = fc.asyncProperty(sequences, async (sequence) => {
    http.begin();
    const model = await options.prepare(http, handedOut);
    try {
      await fc.asyncModelRun(() => ({ model, real: http }), sequence);
      if (!shrinking) {
        commandsRun += http.ran.length;
        for (const command of http.ran) {
          const operation = command.slice(0, command.indexOf('('));
          operations[operation] = (operations[operation] ?? 0) + 1;
        }
        addSituations(situations, model);
      }
    } catch (error) {
      // The last failure is the one fast-check reports: after shrinking, the minimal one.
      shrinking = true;
      lastFailure = { transcript: [...http.transcript], commands: [...http.ran], error: (error as Error).message };
      throw error;
    } finally {
      await options.cleanUp?.(model, http);
    }
  });

  const details = await fc.check(property, { seed: options.seed, numRuns: options.numRuns, ...(options.path ? { path: options.path } : {}) });
  const head = `model-based run: seed ${options.seed} (SO_MODEL_SEED), ${options.numRuns} sequences of up to ${options.maxCommands ?? MAX_COMMANDS} commands (SO_MODEL_RUNS), ${options.writes ? 'reads and writes' : 'reads only'}`;
  if (!details.failed) {
    const counts = Object.entries(operations)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([operation, count]) => `  ${operation}: ${count}`);
    const message = [`${head}: ${details.numRuns} sequences, ${commandsRun} commands, all as the model says; ${counts.length} operations ran:`, ...counts, ...situationLines(situations, details.numRuns)].join('\n');
    return { failed: false, seed: options.seed, numRuns: details.numRuns, commandsRun, operations, situations, message };
  }
  const failure = lastFailure;
  const curl = failure ? curlScript(failure.transcript, options.target) : '(no transcript)';
  const commandsText = failure?.commands ?? [];
  const replayPath = /replayPath="([^"]*)"/.exec(String(details.counterexample?.[0] ?? ''))?.[1];
  const replay = details.counterexamplePath ? `${details.counterexamplePath}${replayPath ? `@${replayPath}` : ''}` : '';
  const message = [
    `${head}: sequence ${details.numRuns} of ${options.numRuns} broke the contract; shrunk (${details.numShrinks} shrinks) to ${commandsText.length} command${commandsText.length === 1 ? '' : 's'}:`,
    ...commandsText.map((command, index) => `  ${index + 1}. ${command}`),
    `What broke: ${failure?.error ?? String(details.errorInstance)}`,
    `Replay it with fast-check: SO_MODEL_SEED=${options.seed} SO_MODEL_PATH='${replay}'; or with curl:`,
    curl,
  ].join('\n');
  return {
    failed: true,
    seed: options.seed,
    numRuns: details.numRuns,
    commandsRun,
    operations,
    situations,
    failure: { commands: commandsText, shrinks: details.numShrinks, curl, error: failure?.error ?? String(details.errorInstance), path: replay || undefined },
    message,
  };
}

function emptySituations(): Record<Situation, { sequences: number; times: number }> {
  return Object.fromEntries(SITUATIONS.map((situation) => [situation, { sequences: 0, times: 0 }])) as Record<Situation, { sequences: number; times: number }>;
}

function addSituations(into: Record<Situation, { sequences: number; times: number }>, model: BatchModel): void {
  for (const [situation, times] of model.situations) {
    into[situation].sequences++;
    into[situation].times += times;
  }
}

const SITUATION_TEXT: Record<Situation, string> = {
  'job-ended': 'a started job that ended on its own (the model says)',
  'job-end-observed': 'a started job seen ended on its own by a read',
  'next-link-followed': 'a GetAll that followed odata.nextLink',
  'two-full-pages': 'a GetAll that read two full archive pages',
  'delete-newest-then-start': 'a start after the newest task was deleted',
  'fault-command': 'a fault command (mock.faults.add, then the call it hits)',
  'fault-before-write': 'a `before` fault on a write (the model unchanged)',
  'fault-before-start': 'a `before` fault on a start with a name (no task started)',
  'fault-after-write': 'an `after` fault on a write (the model changed, the answer lost)',
  'fault-after-start': 'an `after` fault on a start with a name (a task started, its id learned)',
  'fault-on-read': 'a fault on a read',
  'fault-dropped-connection': 'a fault that dropped the connection',
  'fault-retry-after': 'a fault answering 429 or 503 with Retry-After',
};

/** The situations as summary lines: in how many of the sequences each occurred. */
function situationLines(situations: Record<Situation, { sequences: number; times: number }>, sequences: number): string[] {
  return [
    `situations reached: in how many of the ${sequences} sequences (how often in all):`,
    ...SITUATIONS.map((situation) => `  ${SITUATION_TEXT[situation]}: ${situations[situation].sequences} (${situations[situation].times})`),
  ];
}

/** How many of the sequences fail, each run once without shrinking: for measuring what the model catches. */
export async function countFailures(options: ModelRunOptions): Promise<{ failed: number; of: number }> {
  const http = new ModelHttp(options.target, options.fetch);
  const handedOut = new Set<number>();
  const commands = batchCommands({ writes: options.writes, jobNames: options.jobNames });
  const sequences = fc.sample(fc.commands(commands, { maxCommands: options.maxCommands ?? MAX_COMMANDS, size: 'max' }), { seed: options.seed, numRuns: options.numRuns });
  let failed = 0;
  for (const sequence of sequences) {
    http.begin();
    const model = await options.prepare(http, handedOut);
    try {
      await fc.asyncModelRun(() => ({ model, real: http }), sequence);
    } catch {
      failed++;
    } finally {
      await options.cleanUp?.(model, http);
    }
  }
  return { failed, of: sequences.length };
}

