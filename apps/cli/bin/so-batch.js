#!/usr/bin/env node
// The package's bin. pnpm links a bin only if its file exists at install time, and dist/ is built
// afterwards (and not committed): this committed file stands in for dist/bin.js and runs it.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('so-batch is not built: run `pnpm build --filter=@so-batch/cli...` (or `pnpm build`) in the so-batch workspace.\n');
  process.exit(3); // configuration missing, as --help's exit codes say
}
await import(bundle.href);
