// The dev loop on a copy of the spec in a temp dir: a saved edit reaches the mock's answers, and
// an edit that does not lint leaves the mock serving what it served. The sandbox outlives every
// save: jobs started before one read back after it.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDevLoop, workspaceSpecDir, type DevLoop, type ReloadOutcome } from '../src/dev.ts';

const ORIGINAL_NAME = "Name: 'Kreiger, Veum and Wehner'";
let specDir: string;
let loop: DevLoop;
const printed: string[] = [];
const outcomes: ReloadOutcome[] = [];
let onOutcome: (() => void) | undefined;

beforeAll(async () => {
  specDir = mkdtempSync(join(tmpdir(), 'so-batch-dev-test-'));
  const source = workspaceSpecDir();
  for (const part of ['openapi.yaml', 'paths', 'components', 'redocly.yaml', 'plugins']) cpSync(join(source, part), join(specDir, part), { recursive: true });
  loop = await startDevLoop({
    specDir,
    port: 0,
    rebuildWorkspace: false,
    print: (line) => printed.push(line),
    onReload: (outcome) => {
      outcomes.push(outcome);
      onOutcome?.();
    },
  });
});

afterAll(async () => {
  await loop?.stop();
  if (specDir) rmSync(specDir, { recursive: true, force: true });
});

/** Saves an edit of components/examples.yaml and resolves with the reload it caused. */
async function save(edit: (text: string) => string): Promise<ReloadOutcome> {
  const file = join(specDir, 'components', 'examples.yaml');
  const before = outcomes.length;
  const reloaded = new Promise<void>((resolveReload) => {
    onOutcome = () => {
      if (outcomes.length > before) resolveReload();
    };
  });
  const text = readFileSync(file, 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  // As editors (and sed -i) save: a new file renamed over the old one.
  writeFileSync(`${file}.saving`, edited);
  renameSync(`${file}.saving`, file);
  let timer: NodeJS.Timeout | undefined;
  const noReload = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no reload within 45 s of saving components/examples.yaml; the loop printed:\n${printed.join('\n')}`)), 45_000);
  });
  await Promise.race([reloaded, noReload]).finally(() => clearTimeout(timer));
  return outcomes.at(-1)!;
}

async function agents(operation: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${loop.url}/api/v1/Agents/Batch/${operation}`, {
    method: 'POST',
    headers: { Authorization: 'Basic dGplMDpUamUw', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  expect(response.status).toBe(200);
  return response.json();
}

async function taskName(): Promise<string> {
  // The GetBatchTaskInfo page's sample task, seeded from the spec being edited.
  return ((await agents('GetBatchTaskInfo', { Id: 248 })) as { Name: string }).Name;
}

it('serves the edited spec once the edit is saved, on the same URL', { timeout: 60_000 }, async () => {
  const url = loop.url;
  expect(await taskName()).toBe('Kreiger, Veum and Wehner');
  // State made before the save: a job that runs until stopped, its definition, a changed seed task.
  const before = loop.mock();
  before.jobs.define('DevLoopJob', { hang: true, cancellation: 'CannotCancel' });
  const id = (await agents('StartBatchJob', { BatchTaskInfo: { Name: 'DevLoopJob', Description: 'started before the save' } })) as number;
  const started = (await agents('GetBatchTaskInfo', { Id: id })) as Record<string, unknown>;
  await agents('UpdateBatchTask', { BatchTaskInfo: { Id: 189, Description: 'changed before the save' } });

  const outcome = await save((text) => text.replace(ORIGINAL_NAME, "Name: 'Edited by the dev-loop test'"));
  expect(outcome.kind).toBe('served');
  expect(loop.url).toBe(url);
  expect(loop.mock()).not.toBe(before); // a new front...
  expect(await taskName()).toBe('Edited by the dev-loop test'); // ...serving the new spec's seed...
  // ...over the same sandbox: the job, its definition, the change and the ids carry over.
  expect(await agents('GetBatchTaskInfo', { Id: id })).toMatchObject({ Id: id, Name: 'DevLoopJob', Description: 'started before the save', Created: started.Created, CancellationBehaviour: 'CannotCancel' });
  expect(['New', 'Started']).toContain(((await agents('GetBatchTaskInfo', { Id: id })) as { State: string }).State);
  expect(await agents('GetBatchTaskInfo', { Id: 189 })).toMatchObject({ Description: 'changed before the save' });
  expect(loop.mock().jobs.list()).toEqual([{ name: 'DevLoopJob', behaviour: { hang: true, cancellation: 'CannotCancel' } }]);
  expect(await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob' } })).toBe(id + 1);
  // Reset only on request.
  loop.mock().reset();
  expect(await agents('GetBatchTaskInfo', { Id: id })).toBeNull();
  expect(await taskName()).toBe('Edited by the dev-loop test');
  expect(printed.at(-1)).toMatch(/^components\/examples\.yaml changed: the mock at http:\/\/127\.0\.0\.1:\d+ answers with it \(\d+ ms\)\.$/);
  // The bundle the other tools read is the served one.
  expect(readFileSync(join(specDir, 'dist', 'openapi.json'), 'utf8')).toContain('Edited by the dev-loop test');
});

it('keeps serving the previous spec when the edit does not lint, and says why', { timeout: 60_000 }, async () => {
  // A property the example's schema does not declare: it bundles, but does not lint.
  const outcome = await save((text) => text.replace("Name: 'Edited by the dev-loop test'", "Name: 'Broken edit'\n    NoSuchProperty: 1"));
  expect(outcome.kind).toBe('lint-failed');
  expect(await taskName()).toBe('Edited by the dev-loop test');
  expect(printed.join('\n')).toMatch(/components\/examples\.yaml:\d+:\d+ error [\w/-]+: .*NoSuchProperty/);
  expect(printed.at(-1)).toMatch(/lint problem\(s\) above; the mock at .* keeps serving the previous spec\.$/);
  expect(readFileSync(join(specDir, 'dist', 'openapi.json'), 'utf8')).not.toContain('Broken edit');

  // YAML that does not parse: the same.
  const unparsable = await save((text) => text.replace("Name: 'Broken edit'", "Name: 'Broken: [edit'"));
  expect(unparsable.kind).toBe('lint-failed');
  expect(await taskName()).toBe('Edited by the dev-loop test');
  expect(printed.at(-1)).toMatch(/lint problem\(s\) above; the mock at .* keeps serving the previous spec\.$/);

  // Fixed again: served again.
  const fixed = await save((text) => text.replace("Name: 'Broken: [edit'\n    NoSuchProperty: 1", "Name: 'Fixed again'"));
  expect(fixed.kind).toBe('served');
  expect(await taskName()).toBe('Fixed again');
});
