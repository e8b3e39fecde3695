// `pnpm bench`: measures the client, the bundles, the mock and the pipeline on this machine, and
// writes BENCHMARKS.md at the root. Figures are results, not tests: nothing here asserts a time.
// A measurement that fails is named in BENCHMARKS.md (and the bench exits non-zero), and the
// others are still written.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureBundles } from './bundle-size.ts';
import { measureClients } from './client-overhead.ts';
import { measureDevLoop } from './dev-loop.ts';
import { measureMock } from './mock-throughput.ts';
import { measurePipeline, ROOT } from './pipeline.ts';
import { BUNDLE_HEADING, renderBundleReading, renderBundleSection, renderDevLoopSection, renderReport, spliceBundleReading, spliceDevLoopSection, spliceSection, type Failure } from './report.ts';
import { fmt } from './stats.ts';

const started = performance.now();
const step = (text: string) => console.log(`[${fmt((performance.now() - started) / 1000, 0).padStart(4)} s] ${text}`);

const failures: Failure[] = [];
const failed = (what: string, error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  failures.push({ what, error: message });
  console.error(`${what} failed: ${message}`);
};
/** Runs one measurement; a failure is recorded (and reported in BENCHMARKS.md) instead of ending the bench. */
async function attempt<T>(what: string, measure: () => Promise<T>): Promise<T | undefined> {
  try {
    return await measure();
  } catch (error) {
    failed(what, error);
    return undefined;
  }
}

// `bench dev-loop` measures the dev loop alone and rewrites only its section of BENCHMARKS.md;
// `bench bundles` does the same for the bundle sizes (its section and its reading).
const only = process.argv.slice(2);
if (only.join(' ') === 'bundles') {
  step('bundle sizes (esbuild, minified, tree-shaken, gzip -9)…');
  const bundles = await attempt('bundle sizes', measureBundles);
  const path = join(ROOT, 'BENCHMARKS.md');
  let markdown = spliceSection(readFileSync(path, 'utf8'), BUNDLE_HEADING, renderBundleSection(bundles, failures, true));
  if (bundles) markdown = spliceBundleReading(markdown, renderBundleReading(bundles));
  writeFileSync(path, markdown);
  step(bundles ? 'wrote the bundle section of BENCHMARKS.md' : 'wrote the bundle step\'s failure into BENCHMARKS.md');
  process.exit(bundles ? 0 : 1);
}
if (only.length > 0) {
  if (only.join(' ') !== 'dev-loop') {
    console.error(`Unknown step: ${only.join(' ')}. Run all the steps, or \`dev-loop\` or \`bundles\` alone.`);
    process.exit(2);
  }
  step('dev loop (8 spec edits, save to the mock answering with each)…');
  const devLoop = await attempt('dev loop', measureDevLoop);
  const path = join(ROOT, 'BENCHMARKS.md');
  writeFileSync(path, spliceDevLoopSection(readFileSync(path, 'utf8'), renderDevLoopSection(devLoop, failures)));
  step(devLoop ? `wrote the dev loop's section of BENCHMARKS.md (median ${fmt(devLoop.medianMs)} ms, max ${fmt(devLoop.maxMs)} ms)` : 'wrote the dev loop\'s failure into BENCHMARKS.md');
  process.exit(devLoop ? 0 : 1);
}

step('client overhead (tinybench, 7 interleaved rounds of 1.5 s per client)…');
const clients = await attempt('client overhead', measureClients);
step('bundle sizes (esbuild, minified, tree-shaken, gzip -9)…');
const bundles = await attempt('bundle sizes', measureBundles);
step('mock throughput (autocannon, 10 connections, 5 s per run)…');
const mock = await attempt('mock throughput', measureMock);
step('pipeline (spec edit to type-checked client; cold and cached pnpm test)…');
const pipeline = await attempt('pipeline', measurePipeline);
step('dev loop (8 spec edits, save to the mock answering with each)…');
const devLoop = await attempt('dev loop', measureDevLoop);
// A failed pipeline step is reported by pipeline.ts as it happens; here it is only recorded.
for (const p of pipeline ?? []) if (p.error) failures.push({ what: `pipeline: ${p.step}`, error: p.error });
const totalSeconds = (performance.now() - started) / 1000;

const markdown = renderReport({ clients, bundles, mock, pipeline, devLoop, failures, totalSeconds });
writeFileSync(join(ROOT, 'BENCHMARKS.md'), markdown);
if (failures.length > 0) {
  step(`wrote BENCHMARKS.md (${fmt(totalSeconds, 0)} s in all), without: ${failures.map((f) => f.what).join('; ')}`);
  process.exitCode = 1;
} else {
  step(`wrote BENCHMARKS.md (${fmt(totalSeconds, 0)} s in all)`);
}
