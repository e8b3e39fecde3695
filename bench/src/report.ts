// Renders BENCHMARKS.md from what `pnpm bench` measured. A measurement that failed is
// undefined here (a pipeline step carries its own error): its section names the failure, and
// the failures are listed at the end with their errors (for a command: the tail of its output).
import { cpus, freemem, release, totalmem } from 'node:os';
import type { BundleFigures } from './bundle-size.ts';
import type { ClientFigures } from './client-overhead.ts';
import type { DevLoopFigures } from './dev-loop.ts';
import type { MockFigures } from './mock-throughput.ts';
import type { PipelineFigures } from './pipeline.ts';
import { fmt, median } from './stats.ts';

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

/** Per round, a contender's calls/s against another's in the same round: the median, and the range over the rounds. */
function versus(c: ClientFigures, other: ClientFigures): string {
  const ratios = c.roundsRps.map((rps, round) => rps / other.roundsRps[round]!);
  return `${pct(median(ratios))} (${pct(Math.min(...ratios))} to ${pct(Math.max(...ratios))})`;
}

function clientTable(clients: ClientFigures[]): string {
  const fetch = clients.find((c) => c.name === 'plain fetch')!;
  const bare = clients.find((c) => c.name === 'openapi-fetch alone')!;
  return `| client | calls/s | p50 ms | p99 ms | vs plain fetch: median (range over rounds) | vs openapi-fetch alone |
| --- | ---: | ---: | ---: | ---: | ---: |
${clients.map((c) => `| ${c.name} | ${fmt(c.rps)} | ${ms(c.p50Ms)} | ${ms(c.p99Ms)} | ${c === fetch ? 'the floor' : versus(c, fetch)} | ${c === bare ? '' : versus(c, bare)} |`).join('\n')}

Run-to-run spread: plain fetch itself made ${fmt(Math.min(...fetch.roundsRps))} to ${fmt(Math.max(...fetch.roundsRps))} calls/s over the rounds
(${pct(Math.max(...fetch.roundsRps) / Math.min(...fetch.roundsRps))}): a difference smaller than that between two rounds is noise.`;
}

function bundleTable(bundles: BundleFigures[]): string {
  const floorBundle = bundles[0]!.gzipBytes;
  return `| bundle | loaded for the call: minified bytes | min+gzip bytes | vs openapi-fetch alone | split off, loaded on failure (min+gzip) |
| --- | ---: | ---: | ---: | ---: |
${bundles.map((b) => `| ${b.name} | ${fmt(b.minifiedBytes)} | ${fmt(b.gzipBytes)} | ${b === bundles[0] ? 'the floor' : `${fmt(b.gzipBytes / floorBundle, 2)}×`} | ${b.lazyGzipBytes ? fmt(b.lazyGzipBytes) : '-'} |`).join('\n')}`;
}

/** What each module of the one-function bundle weighs (minified, before gzip), from esbuild's metafile. */
function bundleWeights(bundles: BundleFigures[]): string {
  const one = bundles.find((b) => b.name.includes('one function'));
  if (!one) return '';
  const rows = (modules: BundleFigures['modules']) => modules.map((m) => `| ${m.module.replace(/^.*\/entry\d+\.js$/, 'the app (the entry above)')} | ${fmt(m.bytes)} |`).join('\n');
  return `

What each part of "${one.name}" weighs (minified bytes in the output, esbuild's metafile):

| loaded for the call | bytes |
| --- | ---: |
${rows(one.modules)}

| split off: loaded when a call fails, is redirected, brings its own headers or a token function | bytes |
| --- | ---: |
${rows(one.lazyModules)}
`;
}

const RAW_GET_ALL = 'one getAll call';
const TYPED_QUERY = 'one typed archive query';

/** The typed archive query against the same query as a raw getAll call: each file the typed one loads, what is in it. */
function typedQueryWeights(bundles: BundleFigures[]): string {
  const raw = bundles.find((b) => b.name.includes(RAW_GET_ALL));
  const typed = bundles.find((b) => b.name.includes(TYPED_QUERY));
  if (!raw || !typed) return '';
  const label = (module: string) => module.replace(/^.*\/entry\d+\.js$/, 'the app (the entry)');
  const shared = new Set(raw.modules.map((m) => label(m.module)));
  const modules = (file: BundleFigures['loadedFiles'][number]) =>
    file.modules.map((m) => `${label(m.module)} ${fmt(m.bytes)}${shared.has(label(m.module)) ? '' : ' (new)'}`).join(', ');
  return `
What "${typed.name}" loads, file by file, against "${raw.name}" (modules with their minified bytes; "new": not loaded by the raw getAll call):

| loaded for the typed query | min+gzip bytes | modules (minified bytes) |
| --- | ---: | --- |
${typed.loadedFiles.map((file, index) => `| file ${index + 1}${file.bareImport ? ', imported bare (none of its exports used)' : ''} | ${fmt(file.gzipBytes)} | ${modules(file)} |`).join('\n')}
`;
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
  const fetch = clients.find((c) => c.name === 'plain fetch')!;
  const bare = clients.find((c) => c.name === 'openapi-fetch alone')!;
  const one = clients.find((c) => c.name === '@so-batch/client, one function')!;
  const all = clients.find((c) => c.name === '@so-batch/client, createBatchClient()')!;
  const ratio = (c: ClientFigures, other: ClientFigures) => median(c.roundsRps.map((rps, round) => rps / other.roundsRps[round]!));
  const verdict = (c: ClientFigures) =>
    `${pct(ratio(c, fetch))} against plain fetch (target: within 10%: ${ratio(c, fetch) >= 0.9 ? 'met' : 'missed'}) and ${pct(ratio(c, bare))} against openapi-fetch alone (target: within 5%: ${ratio(c, bare) >= 0.95 ? 'met' : 'missed'})`;
  return `- **Client speed.** On loopback, where a call takes about ${ms(1000 / fetch.rps)} ms, one generated function
  makes ${verdict(one)}, in the median of the rounds; createBatchClient's method,
  the same function behind a method, ${verdict(all)}. Both send \`fetch(url, init)\` themselves
  (packages/client/src/core.ts), where openapi-fetch builds an undici \`Request\` that fetch then
  copies into another. What a call costs beyond plain fetch is its timeout timer and the
  redirect and size guards: ${fmt((1000 / one.rps - 1000 / fetch.rps) * 1000, 0)} µs, below 1% of a call to a real SuperOffice
  server (tens of milliseconds).
`;
}

function readingBundles(bundles: BundleFigures[]): string {
  const floor = bundles[0]!.gzipBytes;
  const one = bundles.find((b) => b.name.includes('one function'));
  const all = bundles.find((b) => b.name.includes('createBatchClient'));
  const theirs = bundles.find((b) => b.name === '@superoffice/webapi');
  if (!one || !all || !theirs) return '';
  return `- **Bundle.** One call through one generated function loads ${fmt(one.gzipBytes)} bytes (min+gzip; target: 4,096 or
  less: ${one.gzipBytes <= 4096 ? 'met' : 'missed'}), ${fmt(one.gzipBytes / floor, 2)}× openapi-fetch alone, which it does not load: the functions send
  requests themselves. Building errors, redaction, retries, the redirect follower, per-call
  header checks and token functions are split off (${fmt(one.lazyGzipBytes)} bytes) and load when a call first needs
  them. createBatchClient() loads every method and openapi-fetch (for \`client.raw\`): ${fmt(all.gzipBytes)} bytes.
  @superoffice/webapi loads ${fmt(theirs.gzipBytes / one.gzipBytes, 1)}× what one function does (axios and every Agent class).
`;
}

function readingTypedQuery(bundles: BundleFigures[]): string {
  const raw = bundles.find((b) => b.name.includes(RAW_GET_ALL));
  const typed = bundles.find((b) => b.name.includes(TYPED_QUERY));
  if (!raw || !typed) return '';
  const over = typed.gzipBytes - raw.gzipBytes;
  const bare = typed.loadedFiles.filter((file) => file.bareImport);
  const bareBytes = bare.reduce((sum, file) => sum + file.gzipBytes, 0);
  const lazyInRaw = new Set(raw.lazyModules.map((m) => m.module));
  const bareNote = bare.length
    ? `
  Of that, ${fmt(bareBytes)} bytes are ${bare.map((file) => file.modules.map((m) => m.module).join(' + ')).join(', ')}, which esbuild's code splitting loads through
  a bare \`import"./chunk.js"\` although the typed query uses none of it${bare.every((file) => file.modules.every((m) => lazyInRaw.has(m.module))) ? ' (the raw call loads it only when something fails)' : ''};
  the other ${fmt(over - bareBytes)} bytes are the query builder and the column kinds it checks (see the table above).`
    : '';
  return `- **Typed archive query.** The README's "failed exports of last week" through the per-function
  entries, typed (archiveQuery + queryArchive from \`@so-batch/client/archive\`), loads ${fmt(typed.gzipBytes)} bytes;
  the same query as one \`getAll\` call with a raw \$filter (\`@so-batch/client/rest\`) loads ${fmt(raw.gzipBytes)}:
  ${over >= 0 ? `${fmt(over)} more` : `${fmt(-over)} less`} (target: within 1,024: ${over <= 1024 ? 'met' : 'missed'}).${bareNote}
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
  const bullets = `${r.clients ? readingClients(r.clients) : ''}${r.bundles ? readingBundles(r.bundles) + readingTypedQuery(r.bundles) : ''}${r.mock ? readingMock(r.mock) : ''}`;
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

export const BUNDLE_HEADING = '## Bundle: what a browser app ships to make one call';

/** The bundle section; `pnpm --filter @so-batch/bench bench bundles` rewrites it alone (and says so). */
export function renderBundleSection(bundles: BundleFigures[] | undefined, failures: Failure[], measuredAlone = false): string {
  const alone = measuredAlone
    ? `\nMeasured alone (\`pnpm --filter @so-batch/bench bench bundles\`: the bundle step only) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC;
the other sections are from the run named at the top.\n`
    : '';
  return `${BUNDLE_HEADING}
${alone}
${bundles ? bundleTable(bundles) + bundleWeights(bundles) + typedQueryWeights(bundles) : notMeasured('bundle sizes', failures)}

Method: one entry per client, of the same shape (create the client, make one call, log the
answer: GetBatchTaskInfo, or for the two archive entries the same GetAll query, raw and typed),
bundled by esbuild for the browser (ESM, tree-shaken, minified, NODE_ENV=production) with code
splitting, as an app's bundler does, so that what a client
imports only when needed becomes chunks of its own. "Loaded for the call" is the entry and the
chunks it imports statically: the files a browser loads before the call is made, each gzipped
(level 9) on its own, as a server sends them, and summed.
`;
}

/** The bundle bullets of "Reading the figures". */
export function renderBundleReading(bundles: BundleFigures[]): string {
  return readingBundles(bundles) + readingTypedQuery(bundles);
}

/** Replaces the section under `heading` (up to the next `## `) of an existing BENCHMARKS.md. */
export function spliceSection(markdown: string, heading: string, section: string): string {
  const start = markdown.indexOf(heading);
  if (start < 0) throw new Error(`BENCHMARKS.md has no "${heading}" section: run the whole bench`);
  const next = markdown.indexOf('\n## ', start + heading.length);
  return `${markdown.slice(0, start)}${section}${next >= 0 ? markdown.slice(next) : ''}`;
}

/** Replaces the bundle bullets of "Reading the figures" (from "- **Bundle.**" to the next bullet that is not a bundle's). */
export function spliceBundleReading(markdown: string, bullets: string): string {
  const start = markdown.indexOf('- **Bundle.**');
  if (start < 0) throw new Error('BENCHMARKS.md has no "- **Bundle.**" reading: run the whole bench');
  let end = start;
  for (;;) {
    const next = markdown.slice(end + 1).search(/\n(?:- \*\*|## )/);
    if (next < 0) {
      end = markdown.length;
      break;
    }
    end = end + 1 + next + 1;
    if (!/^- \*\*(?:Bundle|Typed archive query)\.\*\*/.test(markdown.slice(end))) break;
  }
  return `${markdown.slice(0, start)}${bullets}${markdown.slice(end)}`;
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
round; 7 rounds (7 runs of every client), the clients in a new random order each round. The
table shows the medians of the rounds; the comparisons take each round's ratio between two
clients (measured within a few seconds of each other) and show the median and the range. @superoffice/webapi is loaded as CommonJS (its ESM build does not load in Node).

${renderBundleSection(r.bundles, r.failures)}
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
