// Renders BENCHMARKS.md from what `pnpm bench` measured. A measurement that failed is
// undefined here (a pipeline step carries its own error): its section names the failure, and
// the failures are listed at the end with their errors (for a command: the tail of its output).
import { cpus, freemem, release, totalmem } from 'node:os';
import type { BundleFigures } from './bundle-size.ts';
import type { ClientFigures } from './client-overhead.ts';
import type { DevLoopFigures } from './dev-loop.ts';
import type { MockFigures } from './mock-throughput.ts';
import type { PipelineFigures } from './pipeline.ts';
import { fmt } from './stats.ts';

export interface Failure {
  what: string;
  error: string;
}

export interface Results {
  clients: ClientFigures[] | undefined;
  bundles: BundleFigures[] | undefined;
  mock: MockFigures[] | undefined;
  pipeline: PipelineFigures[] | undefined;
  devLoop: DevLoopFigures | undefined;
  failures: Failure[];
  totalSeconds: number;
}

const pct = (ratio: number) => `${ratio >= 1 ? '+' : ''}${fmt((ratio - 1) * 100, 1)}%`;
const ms = (value: number) => (value < 1 ? fmt(value, 3) : fmt(value, 1));
const headline = (error: string) => error.split('\n')[0]!;

function notMeasured(what: string, failures: Failure[]): string {
  const error = failures.find((failure) => failure.what === what)?.error ?? 'unknown error';
  return `**Not measured:** ${what} failed: ${headline(error)} (see Failures below).`;
}

function clientTable(clients: ClientFigures[]): string {
  const fetchRps = clients.find((c) => c.name === 'plain fetch')!.rps;
  return `| client | calls/s | p50 ms | p99 ms | calls/s vs plain fetch |
| --- | ---: | ---: | ---: | ---: |
${clients.map((c) => `| ${c.name} | ${fmt(c.rps)} | ${ms(c.p50Ms)} | ${ms(c.p99Ms)} | ${pct(c.rps / fetchRps)} |`).join('\n')}`;
}

function bundleTable(bundles: BundleFigures[]): string {
  const floorBundle = bundles[0]!.gzipBytes;
  return `| bundle | minified bytes | min+gzip bytes | vs openapi-fetch alone |
| --- | ---: | ---: | ---: |
${bundles.map((b) => `| ${b.name} | ${fmt(b.minifiedBytes)} | ${fmt(b.gzipBytes)} | ${b === bundles[0] ? 'the floor' : `${fmt(b.gzipBytes / floorBundle, 1)}×`} |`).join('\n')}`;
}

function mockTable(mock: MockFigures[]): string {
  const floorRps = (request: string) => mock.find((m) => m.request === request && m.server.startsWith('plain'))!.rps;
  return `| server | request | requests/s | p50 ms | p99 ms | requests/s vs the floor |
| --- | --- | ---: | ---: | ---: | ---: |
${mock.map((m) => `| ${m.server} | ${m.request} | ${fmt(m.rps)} | ${m.p50Ms < 1 ? '<1' : fmt(m.p50Ms)} | ${m.p99Ms < 1 ? '<1' : fmt(m.p99Ms)} | ${m.server.startsWith('plain') ? 'the floor' : `${fmt(m.rps / floorRps(m.request), 3)}× (1/${fmt(floorRps(m.request) / m.rps, 0)})`} |`).join('\n')}`;
}

function pipelineTable(pipeline: PipelineFigures[]): string {
  return `| step | seconds |
| --- | ---: |
${pipeline.map((p) => `| ${p.step} | ${p.seconds === undefined ? `**failed**: ${headline(p.error ?? 'unknown error').replace(/\|/g, '\\|')}` : fmt(p.seconds, 1)} |`).join('\n')}`;
}

function readingClients(clients: ClientFigures[]): string {
  const fetchRps = clients.find((c) => c.name === 'plain fetch')!.rps;
  const ours = clients.find((c) => c.name === '@so-batch/client')!;
  const bare = clients.find((c) => c.name === 'openapi-fetch alone')!;
  const within = ours.rps / fetchRps >= 0.9;
  return `- **Client vs plain fetch (target: within 10%).** On loopback, where a call takes about
  ${ms(1000 / fetchRps)} ms, @so-batch/client makes ${pct(ours.rps / fetchRps)} calls/s against plain fetch (${within ? 'within' : 'outside'} the
  target), and openapi-fetch alone ${pct(bare.rps / fetchRps)}. openapi-fetch builds an undici \`Request\` for
  every call, which \`fetch(request)\` then copies into another; the client hands openapi-fetch a
  light stand-in instead and calls \`fetch(url, init)\` itself (packages/client/src/lite-request.ts),
  ${ours.rps >= bare.rps ? 'which is why it beats openapi-fetch alone' : `which saves that copy; it is still ${pct(ours.rps / bare.rps)} against openapi-fetch alone, for its own work per call (the redirect and size checks among it)`}. What is left is its timeout timer, the typed result
  and the failure mapping: ${fmt((1000 / ours.rps - 1000 / fetchRps) * 1000, 0)} µs a call, below 1% of a call to a real SuperOffice server
  (tens of milliseconds). With an injected \`fetch\`, the client passes real Requests and pays
  what openapi-fetch alone pays.
`;
}

function readingBundles(bundles: BundleFigures[]): string {
  const floor = bundles[0]!.gzipBytes;
  const ours = bundles.find((b) => b.name === '@so-batch/client');
  const theirs = bundles.find((b) => b.name === '@superoffice/webapi');
  if (!ours || !theirs) return '';
  return `- **Bundle.** @so-batch/client ships ${fmt(ours.gzipBytes - floor)} bytes (min+gzip) on top of openapi-fetch, for the
  options checks, the typed failures, retries, timeouts and the redaction of credentials from
  errors; @superoffice/webapi ships ${fmt(theirs.gzipBytes / ours.gzipBytes, 1)}× what ours does (axios and every Agent class).
`;
}

function readingMock(mock: MockFigures[]): string {
  const rps = (server: string, request: string) => mock.find((m) => m.server.startsWith(server) && m.request === request)?.rps;
  const ratios = [...new Set(mock.map((m) => m.request))]
    .map((request) => [request, rps('so-batch mock', request), rps('Prism alone', request)] as const)
    .filter(([, ours, prism]) => ours && prism)
    .map(([request, ours, prism]) => `${fmt((ours! / prism!) * 100, 0)}% of Prism's rate on ${request}`);
  return `- **The mock** makes ${ratios.join(', ')}: the front costs one more local hop and
  its own work per request (credentials, case-insensitive names, \$select, XML, and the store's
  answer, which replaces Prism's sample). Before the store (commit 04b5711, answering the pages'
  samples) it made 73% of Prism's rate on GET /BatchTask/All and 82% on POST GetBatchTaskInfo.
  Both are far below a plain server, since Prism validates every request and negotiates every
  response; a test suite or a developer needs a few hundred requests a second from it.
`;
}

function reading(r: Results): string {
  const bullets = `${r.clients ? readingClients(r.clients) : ''}${r.bundles ? readingBundles(r.bundles) : ''}${r.mock ? readingMock(r.mock) : ''}`;
  return bullets ? `\n## Reading the figures\n\n${bullets}` : '';
}

function failuresSection(failures: Failure[]): string {
  if (failures.length === 0) return '';
  const fence = '```';
  return `
## Failures

${failures.map((f) => `- **${f.what}**\n\n  ${fence}text\n${f.error.split('\n').map((line) => `  ${line}`.trimEnd()).join('\n')}\n  ${fence}`).join('\n\n')}
`;
}

export const DEV_LOOP_HEADING = '## The dev loop: spec save to mock answer';

/** The dev loop's section; `pnpm --filter @so-batch/bench bench dev-loop` rewrites it alone. */
export function renderDevLoopSection(devLoop: DevLoopFigures | undefined, failures: Failure[]): string {
  const figures = devLoop
    ? `| edits | median ms | max ms | each edit, ms |
| ---: | ---: | ---: | --- |
| ${devLoop.editsMs.length} | ${fmt(devLoop.medianMs)} | ${fmt(devLoop.maxMs)} | ${devLoop.editsMs.map((value) => fmt(value)).join(', ')} |

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, with a 1-minute load average of ${fmt(devLoop.loadBefore, 1)} before and ${fmt(devLoop.loadAfter, 1)} after
(on ${cpus().length} cores); \`pnpm dev\`'s loop itself started and first answered in ${fmt(devLoop.startMs)} ms.`
    : notMeasured('dev loop', failures);
  return `${DEV_LOOP_HEADING}

${figures}

Method: \`node packages/mock/src/dev.ts\` (what \`pnpm dev\` runs) follows a copy of the spec in the temp
dir; the bench saves an edit of a response example (components/examples.yaml), then asks the mock
(POST GetBatchTaskInfo, every 5 ms) until its answer carries the edit: save to answer, which takes
in the lint (Redocly's openapi-core, in-process), the bundle, a warm Prism loading it and the
front restarting on the same port. ${devLoop ? `${fmt(devLoop.pauseMs / 1000)} s` : 'A few seconds'} pass between an answer and the next save, as
between a developer's saves; regenerating the client's types and rebuilding it come after the
answer, and are left out here (the copy is outside the workspace).
`;
}

/** Puts the dev loop's section into an existing BENCHMARKS.md, in place of the old one. */
export function spliceDevLoopSection(markdown: string, section: string): string {
  const start = markdown.indexOf(DEV_LOOP_HEADING);
  if (start >= 0) {
    const next = markdown.indexOf('\n## ', start + DEV_LOOP_HEADING.length);
    return `${markdown.slice(0, start)}${section}${next >= 0 ? markdown.slice(next) : ''}`;
  }
  const before = ['\n## Reading the figures', '\n## Failures'].map((heading) => markdown.indexOf(heading)).find((index) => index >= 0);
  return before === undefined ? `${markdown.trimEnd()}\n\n${section}` : `${markdown.slice(0, before)}\n${section}${markdown.slice(before)}`;
}

export function renderReport(r: Results): string {
  return `# Benchmarks

Written by \`pnpm bench\` (bench/) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, in ${fmt(r.totalSeconds, 0)} s.
Figures are results on one machine, not tests: nothing asserts a timing. Run \`pnpm bench\` to
reproduce them on yours.

**Machine:** ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 0)} GiB memory (${fmt(freemem() / 2 ** 30, 0)} GiB free at the start), Linux ${release()}, Node ${process.version}.

## Client overhead: one GetBatchTaskInfo call

${r.clients ? clientTable(r.clients) : notMeasured('client overhead', r.failures)}

Method: each client makes one call, awaits it and parses the JSON answer, sequentially, against
one local node:http server that answers the GetBatchTaskInfo page's sample body (so the server
costs the same for all). The server runs in a process of its own, so that its work does not
share the clients' event loop. tinybench runs each client for 1.5 s (after 0.2 s of warm-up) per
round; 5 rounds, the clients in a new random order each round; the table shows the medians of
the rounds. @superoffice/webapi is loaded as CommonJS (its ESM build does not load in Node).

## Bundle: what a browser app ships to make one call

${r.bundles ? bundleTable(r.bundles) : notMeasured('bundle sizes', r.failures)}

Method: one entry per client, of the same shape (create the client, make one GetBatchTaskInfo
call, log the answer), bundled by esbuild for the browser (ESM, tree-shaken, minified,
NODE_ENV=production), then gzip level 9.

## The mock: throughput

${r.mock ? mockTable(r.mock) : notMeasured('mock throughput', r.failures)}

Method: autocannon, 10 connections for 5 s per run, in the bench's process, and every server in
a process of its own (the mock's front starts its Prism in another); every answer was checked
to be 2xx. The floor is a plain node:http server that answers the same bytes. Prism alone
serves the same bundled spec without our front (it answers each operation's sample); our mock is
the front (credentials, case-insensitive names, \\$select, XML, error bodies, the store that
answers every operation) in front of Prism, which still validates every request. autocannon reports
latency in whole milliseconds.

## The pipeline

${r.pipeline?.length ? pipelineTable(r.pipeline) : notMeasured('pipeline', r.failures)}

${renderDevLoopSection(r.devLoop, r.failures)}${reading(r)}${failuresSection(r.failures)}`;
}
