import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PipelineFigures {
  step: string;
  seconds: number;
}

export const ROOT = join(import.meta.dirname, '..', '..');

function timed(command: string[], env: Record<string, string> = {}): number {
  const started = performance.now();
  execFileSync(command[0]!, command.slice(1), { cwd: ROOT, stdio: 'ignore', env: { ...process.env, ...env } });
  return (performance.now() - started) / 1000;
}

/**
 * Wall-clock seconds of: a spec edit until the client is regenerated, built and type-checked;
 * `pnpm test` with turbo's cache ignored (--force: every lint, build, type check and test runs);
 * and `pnpm test` again with nothing changed (every task a cache hit).
 */
export function measurePipeline(): PipelineFigures[] {
  const specFile = join(ROOT, 'spec', 'components', 'schemas.yaml');
  const original = readFileSync(specFile, 'utf8');
  const figures: PipelineFigures[] = [];
  const clientCheck = ['pnpm', 'exec', 'turbo', 'run', 'typecheck', '--filter=@so-batch/client'];
  try {
    writeFileSync(specFile, original.replace('      description: Id of the task.', '      description: Id of the task (edited by pnpm bench).'));
    figures.push({ step: 'spec edit → bundled spec, regenerated types, built and type-checked client', seconds: timed(clientCheck) });
  } finally {
    writeFileSync(specFile, original);
    timed(clientCheck); // regenerate from the restored spec
  }
  figures.push({ step: 'pnpm test, cold (turbo --force: nothing from the cache)', seconds: timed(['pnpm', 'exec', 'turbo', 'run', 'lint', 'typecheck', 'test', '--force']) });
  figures.push({ step: 'pnpm test, nothing changed (turbo cache)', seconds: timed(['pnpm', 'test']) });
  return figures;
}
