import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

// What "off the hot path" means, checked on the built package in Node: a call that succeeds
// loads no failure code; the first failure loads it. (BENCHMARKS.md has what each part weighs.)
it('a call that succeeds loads no error, redaction, retry or redirect code; a failure loads it then', async () => {
  const script = fileURLToPath(new URL('fixtures/what-a-call-loads.mjs', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [script], { timeout: 30_000 });
  const result = JSON.parse(stdout) as { succeeded: unknown; afterSuccess: string[]; failed: string; afterFailure: string[] };
  expect(result.succeeded).toEqual({ Id: 189, Name: 'ExportJob' });
  expect(result.afterSuccess).toEqual(['checks.js', 'core.js', 'entry-core.js', 'generated/agents.gen.js', 'generated/facts.gen.js', 'options.js', 'transport.js', 'types.js']);
  expect(result.failed).toBe('http');
  expect(result.afterFailure).toEqual([...result.afterSuccess, 'errors.js', 'failures.js', 'secrets.js', 'token.js'].sort());
});
