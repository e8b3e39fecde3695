// A Prism waiting to be told what to serve (the dev loop's warm spare). Loading Prism's modules
// is most of the 1.3 s `prism mock` takes to start; this process loads them ahead of time, then
// runs Prism's own CLI (the same `mock <spec> --host --port --errors=false` startPrism runs) once
// its parent writes that command line, as JSON, to its stdin. It serves one spec, once.
//
// Its stdin is also how it ends with its parent: the pipe closes however the parent ends
// (Ctrl-C, SIGTERM, SIGKILL, a crash), so it never outlives it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cliEntry = require.resolve('@stoplight/prism-cli/dist/index.js');
// The command's module pulls in Prism's HTTP mocking, validation and server. Not yargs: it reads
// process.argv when it loads, so it must load after the command line is set.
require(cliEntry.replace(/index\.js$/, 'commands/mock.js'));

// Loading is not all: Prism loads more on its first spec, and the JIT warms up on it. So serve the
// spec given as the argument once, on a throw-away port, with the options `prism mock` passes.
const warmupSpec = process.argv[2];
if (warmupSpec) {
  const { createSingleProcessPrism } = require(cliEntry.replace(/index\.js$/, 'util/createServer.js')) as {
    createSingleProcessPrism(options: Record<string, unknown>): Promise<{ close(): Promise<void> } | undefined>;
  };
  const server = await createSingleProcessPrism({
    document: warmupSpec,
    port: 0,
    host: '127.0.0.1',
    cors: true,
    dynamic: false,
    errors: false,
    multiprocess: false,
    verboseLevel: 'info',
    ignoreExamples: false,
    seed: null,
    jsonSchemaFakerFillProperties: undefined,
  }).catch(() => undefined);
  await server?.close();
}

let input = '';
let started = false;
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  input += chunk;
  const end = input.indexOf('\n');
  if (started || end < 0) return;
  started = true;
  const args = JSON.parse(input.slice(0, end)) as string[];
  process.argv = [process.execPath, cliEntry, ...args];
  require(cliEntry);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdout.write('so-batch prism host ready\n');
