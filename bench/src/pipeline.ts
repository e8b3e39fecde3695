import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join, relative } from 'node:path';
import { fmt } from './stats.ts';

export interface PipelineFigures {
  step: string;
  /** Wall-clock seconds; missing when the step failed. */
  seconds?: number;
  /** Why the step failed: the command, how it ended, the tail of its output. */
  error?: string;
}

export const ROOT = join(import.meta.dirname, '..', '..');

/** What the pipeline edits and runs: the workspace's, or (to try the bench itself) a stand-in's. */
export interface PipelineSetup {
  /** The commands run from here. */
  root: string;
  /** The spec file edited: one description line gets the marker. */
  spec: string;
  /** That line, exactly as it is in the spec. */
  target: string;
  /** The generated file that carries the description once the client is regenerated. */
  generated: string;
  /** Regenerates, builds and type-checks the client. */
  clientCheck: string[];
  /** `pnpm test` with nothing from turbo's cache, and as usual. */
  testCold: string[];
  testCached: string[];
}

export const WORKSPACE: PipelineSetup = {
  root: ROOT,
  spec: join(ROOT, 'spec', 'components', 'schemas.yaml'),
  target: '      description: Id of the task.',
  generated: join(ROOT, 'packages', 'client', 'src', 'generated', 'schema.gen.ts'),
  // `pnpm test` no longer regenerates (it checks the committed file), so the step regenerates first.
  clientCheck: ['sh', '-c', 'pnpm generate && pnpm exec turbo run typecheck --filter=@so-batch/client'],
  testCold: ['pnpm', 'exec', 'turbo', 'run', 'lint', 'typecheck', 'test', '--force'],
  testCached: ['pnpm', 'test'],
};

/**
 * The edit puts this in the target line, before its final period; the regenerated client's doc
 * comment then carries it. Taking it out again is the exact inverse of the edit and touches
 * nothing else in the file, so what a developer changes meanwhile (anywhere, that line
 * included) survives the restore.
 */
export const MARKER = ' (edited by pnpm bench)';

const TAIL_LINES = 40;
const TAIL_BYTES = 64 * 1024;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Takes the bench's marker out of a file, and nothing else; true when there was one. */
function unmark(file: string): boolean {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(MARKER)) return false;
  writeFileSync(file, text.split(MARKER).join(''));
  return true;
}

/**
 * Wall-clock seconds of: a spec edit until the client is regenerated, built and type-checked;
 * `pnpm test` with turbo's cache ignored (--force: every lint, build, type check and test runs);
 * and `pnpm test` again with nothing changed (every task a cache hit). A step that fails is
 * reported with its error (and the tail of the command's output), and the others still run.
 *
 * SIGINT, SIGTERM or SIGHUP stops the running step, restores the spec (and the generated file)
 * and ends the bench by that signal. A marker left by a run that could not clean up (SIGKILL)
 * is taken out when the next run starts.
 */
export async function measurePipeline(setup: PipelineSetup = WORKSPACE): Promise<PipelineFigures[]> {
  const shown = (file: string) => relative(setup.root, file);
  const edited = setup.target.replace(/\.?$/, (end) => `${MARKER}${end}`);
  let running: ChildProcess | undefined;
  let interrupted: NodeJS.Signals | undefined;

  /** Ends this process by `signal`, as it would have ended without our handlers, the files restored. */
  function die(signal: NodeJS.Signals): never {
    for (const name of SIGNALS) process.off(name, onSignal);
    unmark(setup.spec);
    if (unmark(setup.generated)) console.error(`pipeline: took the marker out of ${shown(setup.generated)} too; the next build regenerates it.`);
    process.kill(process.pid, signal);
    // The default action ends the process; should it not have yet, exit as a shell reports it.
    return process.exit(128 + (constants.signals[signal] ?? 0));
  }

  function onSignal(signal: NodeJS.Signals): void {
    // The spec first: whatever happens next, it is not left edited.
    const restored = unmark(setup.spec);
    const child = running;
    if (interrupted || !child) die(signal);
    interrupted = signal;
    console.error(`\npipeline: ${signal}${restored ? `, ${shown(setup.spec)} restored` : ''}; stopping the running step…`);
    signalGroup(child, signal);
    setTimeout(() => running && signalGroup(running, 'SIGKILL'), 10_000).unref();
  }

  /**
   * pnpm does not pass a signal on to turbo, nor turbo always to its tasks: each step runs in a
   * process group of its own, and the whole group gets the signal.
   */
  function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      child.kill(signal); // the group is gone already; the child, if anything, is what is left
    }
  }

  /**
   * Runs a command and resolves with its wall-clock seconds, spawn to exit. Not execFileSync:
   * with the event loop blocked, no signal handler would run until the command ended. Its
   * output goes to a pipe rather than /dev/null (neither is a terminal, so the tools behave the
   * same), and the last lines of it go into the error when the command fails.
   */
  const timed = (command: string[]): Promise<number> => new Promise((resolveRun, reject) => {
    const started = performance.now();
    const child = spawn(command[0]!, command.slice(1), { cwd: setup.root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running = child;
    let tail = '';
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-TAIL_BYTES);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.once('error', (error) => {
      running = undefined;
      reject(new Error(`\`${command.join(' ')}\` did not start: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      running = undefined;
      const settle = () => {
        if (code === 0) {
          resolveRun(seconds);
          return;
        }
        const lines = tail.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').trimEnd().split('\n').slice(-TAIL_LINES);
        const failed = lines.filter((line) => /Failed:|ERROR|error TS|FAIL/.test(line)).slice(0, 5).map((line) => line.trim().replace(/\s+/g, ' '));
        reject(new Error(
          `\`${command.join(' ')}\` ${signal ? `was ended by ${signal}` : `exited with code ${code}`} after ${fmt(seconds, 1)} s${failed.length ? ` (${failed.join('; ')})` : ''}.\n`
          + `The last ${lines.length} lines of its output:\n${lines.join('\n')}`,
        ));
      };
      // The output may still be arriving; a grandchild that holds the pipe open must not hold us.
      const timer = setTimeout(() => {
        child.stdout!.destroy();
        child.stderr!.destroy();
      }, 2_000);
      child.once('close', () => {
        clearTimeout(timer);
        settle();
      });
    });
  });

  /** The spec with the marker in the target line; throws if the line is not there exactly once. */
  const editedSpec = (): string => {
    const text = readFileSync(setup.spec, 'utf8');
    const lines = text.split('\n');
    const found = lines.filter((line) => line.trimEnd() === setup.target).length;
    if (found !== 1) {
      throw new Error(`${shown(setup.spec)} has the line "${setup.target.trim()}" ${found} times, not once: the bench edits it to time a regeneration. Point WORKSPACE.target in bench/src/pipeline.ts at another description line.`);
    }
    const result = lines.map((line) => (line.trimEnd() === setup.target ? edited : line)).join('\n');
    if (result === text || !result.includes(MARKER)) throw new Error(`the edit of ${shown(setup.spec)} changed nothing: the step would time a cache hit.`);
    return result;
  };

  /** Regenerates the client from the restored spec. */
  const regenerate = async (): Promise<void> => {
    try {
      await timed(setup.clientCheck);
    } catch (error) {
      if (!interrupted) console.error(`pipeline: regenerating the client from the restored spec failed: ${(error as Error).message}`);
    }
    if (unmark(setup.generated)) console.error(`pipeline: ${shown(setup.generated)} still carried the marker after regenerating; took it out.`);
  };

  /** Spec edit → bundled spec, regenerated types, built and type-checked client; the spec restored after. */
  const timeSpecEdit = async (): Promise<number> => {
    const text = editedSpec();
    // Should this process end by process.exit (no signal), the spec is still restored.
    const restoreOnExit = () => unmark(setup.spec);
    process.once('exit', restoreOnExit);
    let seconds: number;
    try {
      writeFileSync(setup.spec, text);
      seconds = await timed(setup.clientCheck);
      if (!readFileSync(setup.generated, 'utf8').includes(MARKER)) {
        throw new Error(`${shown(setup.generated)} does not carry the edit ("${MARKER.trim()}") after the run: the client was not regenerated from the edited spec (a cache hit?), so the time is not the figure.`);
      }
    } finally {
      unmark(setup.spec);
      process.off('exit', restoreOnExit);
      if (!interrupted) await regenerate();
    }
    return seconds;
  };

  const figures: PipelineFigures[] = [];
  const step = async (name: string, run: () => Promise<number>): Promise<void> => {
    try {
      figures.push({ step: name, seconds: await run() });
    } catch (error) {
      if (interrupted) die(interrupted);
      figures.push({ step: name, error: (error as Error).message });
      console.error(`pipeline: "${name}" failed: ${(error as Error).message}`);
    }
    if (interrupted) die(interrupted);
  };

  // A run that could not clean up (SIGKILL, a power cut) may have left its marker behind.
  for (const file of [setup.spec, setup.generated]) {
    if (unmark(file)) console.error(`pipeline: took a leftover "${MARKER.trim()}" out of ${shown(file)} (from an interrupted run).`);
  }
  for (const name of SIGNALS) process.on(name, onSignal);
  try {
    await step('spec edit → bundled spec, regenerated types, built and type-checked client', timeSpecEdit);
    await step('pnpm test, cold (turbo --force: nothing from the cache)', () => timed(setup.testCold));
    await step('pnpm test, nothing changed (turbo cache)', () => timed(setup.testCached));
  } finally {
    for (const name of SIGNALS) process.off(name, onSignal);
  }
  return figures;
}
