// `pnpm docs`: serves the built reference page on http://127.0.0.1:4020 (DOCS_PORT for another) until Ctrl-C.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, serveDocs } from './server.ts';

const port = Number(process.env.DOCS_PORT ?? 4020);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`DOCS_PORT must be a port number (0-65535), not "${process.env.DOCS_PORT}".`);
  process.exit(2);
}
if (!existsSync(join(DIST, 'index.html'))) {
  console.error('dist/index.html is missing: build it with "pnpm --filter @so-batch/docs build" (pnpm docs does).');
  process.exit(1);
}
const docs = await serveDocs(port);
console.log(`SuperOffice Batch API reference: ${docs.url} (Ctrl-C stops it)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void docs.stop().then(() => process.exit(0)));
}
