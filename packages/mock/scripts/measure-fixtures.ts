// How long fixtures take to load: `node scripts/measure-fixtures.ts [count...]` (1000 10000 100000
// by default). For each count it writes a file of that many tasks and times what the bin does
// with MOCK_TASKS before Prism starts: read and check the file, check the tasks again (startMock),
// and fill the store. A measurement to run by hand, not a test: the figures depend on the machine.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFixtures, readFixtureFile } from '../src/seed.ts';
import { loadSpec } from '../src/spec.ts';
import { TaskStore } from '../src/store.ts';

const counts = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [1000, 10_000, 100_000];
const doc = loadSpec();
const dir = mkdtempSync(join(tmpdir(), 'so-batch-measure-fixtures-'));
try {
  for (const count of counts) {
    const tasks = Array.from({ length: count }, (_, i) => ({
      Id: i + 1,
      Name: i % 2 ? 'ExportJob' : 'ImportJob',
      State: ['Succeeded', 'Started', 'Failed', 'New'][i % 4],
      AssociateId: [195, 497, 840][i % 3],
      Description: `Task ${i + 1} of the measurement`,
      ParameterObject: { Folder: 'exports', Run: String(i) },
      Created: '2026-11-02T08:59:58Z',
    }));
    const path = join(dir, `tasks-${count}.json`);
    writeFileSync(path, JSON.stringify(tasks));
    const started = performance.now();
    const read = readFixtureFile(doc, path, { maxTasks: count });
    const readMs = performance.now() - started;
    const checked = loadFixtures(doc, read, { maxTasks: count });
    const checkMs = performance.now() - started - readMs;
    const store = new TaskStore(checked, { maxTasks: count });
    const totalMs = performance.now() - started;
    console.log(
      `${String(count).padStart(7)} tasks: ${Math.round(totalMs)} ms (read and check the file ${Math.round(readMs)}, check again ${Math.round(checkMs)}, store ${Math.round(totalMs - readMs - checkMs)}), ${store.size} in the store`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
