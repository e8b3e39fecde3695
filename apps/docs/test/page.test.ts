import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { serveDocs, type RunningDocs } from '../src/server.ts';

// The browser shares a two-core machine with other work: Redoc may take seconds to draw what a
// click asks for. Every wait for the page is for what it should show, bounded by UI_WAIT (and
// the test's own budget), never by a time tuned to an idle machine; expect.poll's 1 s default
// is one such time, so this file's polls get UI_WAIT too.
const UI_WAIT = 30_000;
vi.setConfig({ expect: { poll: { timeout: UI_WAIT } } });

const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@so-batch/spec/openapi.json'), 'utf8'));
/** The mock's control API (spec/control/openapi.yaml): a page of its own, control.html. */
const controlSpec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@so-batch/spec/control.json'), 'utf8'));

/** apps/docs/test-results/, wherever vitest was started from. */
const RESULTS = fileURLToPath(new URL('../test-results/', import.meta.url));
const screenshot = (page: Page, name: string) => page.screenshot({ path: `${RESULTS}${name}.png` });

/** Debian's chromium, found on the PATH (no browser download). */
function chromiumPath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('No chromium on the PATH: install Debian\'s package (apt-get install chromium); .ci/run does.');
  }
}

// ---- the spec, as the page should show it --------------------------------------------------

/** Follows local $refs (#/components/...) of the bundled spec. */
function deref<T = any>(value: any): T {
  while (value && typeof value === 'object' && typeof value.$ref === 'string') {
    value = value.$ref.slice(2).split('/').reduce((node: any, key: string) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return value;
}

interface Operation {
  operationId: string;
  summary: string;
  tags?: string[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  'x-so-batch-meanings'?: { operationId: string }[];
  'x-so-batch-archive'?: Archive;
}

/** GetAll's x-so-batch-archive, as far as the page shows it. */
interface Archive {
  kinds: Record<string, { title: string }>;
  columns: { name: string; kind: string; property: string; default: boolean }[];
  operators: { name: string; aliases?: string[]; arity: string; kinds: string[]; description: string }[];
}
const operations: Operation[] = Object.values(spec.paths).flatMap((item) => Object.values(item as Record<string, Operation>).filter((op) => op?.operationId));

interface Example { key: string; summary: string; description?: string | undefined; value: unknown }
/** One sample panel's named examples: the request's (Payload) or one status code's (Response). */
interface Samples { panel: 'Payload' | 'Response'; status?: string | undefined; mediaType: string; examples: Example[] }

/**
 * The named examples (`examples:`, not a lone `example:`) an operation's request body and
 * responses carry. A set of examples that several media types share (application/json and
 * text/json) is checked once, under the first of them.
 */
function namedExamples(operation: Operation): Samples[] {
  const found: Samples[] = [];
  const collect = (panel: Samples['panel'], status: string | undefined, carrier: unknown) => {
    const seen = new Set<string>();
    for (const [mediaType, media] of Object.entries(deref(carrier)?.content ?? {}) as [string, { examples?: Record<string, unknown> }][]) {
      const examples = Object.entries(media.examples ?? {}).map(([key, example]) => {
        const { summary, description, value } = deref<{ summary?: string; description?: string; value: unknown }>(example);
        return { key, summary: summary ?? key, description, value };
      });
      const identity = JSON.stringify(examples);
      if (examples.length === 0 || seen.has(identity)) continue;
      seen.add(identity);
      found.push({ panel, status, mediaType, examples });
    }
  };
  if (operation.requestBody) collect('Payload', undefined, operation.requestBody);
  for (const [status, response] of Object.entries(operation.responses ?? {})) collect('Response', status, response);
  return found;
}

const enums = Object.entries(spec.components.schemas as Record<string, { enum?: string[]; 'x-enumDescriptions'?: Record<string, string> }>).filter(([, schema]) => schema.enum);

// ---- the browser -------------------------------------------------------------------------------

let docs: RunningDocs;
let browser: Browser;
beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  docs = await serveDocs();
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  await docs?.stop();
});

interface Watched {
  page: Page;
  /** Requests to anything but the docs server. */
  offHost: string[];
  /** Console errors, uncaught exceptions, HTTP errors and Content-Security-Policy violations. */
  errors: string[];
}

/**
 * A new page on the docs, watched. Chromium reports a blocked image, font or connection as a
 * console error, but a blocked eval only as a `securitypolicyviolation` event, so the page
 * reports those events too. One is expected and not an error: Redoc's search index (FlexSearch)
 * probes `Function(...)` to decide whether it can index in a Worker; without 'unsafe-eval' it
 * indexes on the main thread instead (the overview test searches, to show that it works).
 */
async function openDocs(path = '', title: string = spec.info.title): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(UI_WAIT);
  const watched: Watched = { page, offHost: [], errors: [] };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.hostname !== '127.0.0.1') watched.offHost.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) watched.errors.push(`${response.status()} ${response.url()}`);
  });
  await page.exposeFunction('reportCspViolation', (directive: string, blocked: string, source: string) => {
    if (!(directive === 'script-src' && blocked === 'eval')) watched.errors.push(`CSP ${directive} blocked ${blocked} (${source})`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(...args: string[]): void }).reportCspViolation(event.effectiveDirective, event.blockedURI, `${event.sourceFile}:${event.lineNumber}`);
    });
  });
  await page.goto(`${docs.url}${path}`, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: title }).first().waitFor();
  return watched;
}

async function assertQuiet({ page, offHost, errors }: Watched): Promise<void> {
  await page.close();
  expect(offHost, 'requests off localhost').toEqual([]);
  expect(errors, 'console errors and CSP violations').toEqual([]);
}

/** The page's text without its scripts: the inline bundle carries the whole spec, so textContent would find anything. */
function textOf(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const copy = element.cloneNode(true) as Element;
    for (const code of copy.querySelectorAll('script, style, template, noscript')) code.remove();
    return copy.textContent ?? '';
  });
}

/** Opens a group of the sidebar (a tag, or Schemas) and returns its entries: label by href. */
async function openMenuGroup(page: Page, group: string): Promise<Map<string, string>> {
  const menu = page.locator('[data-component-name="Menu/Menu"]').first();
  await menu.getByTestId('menu-item-label').getByText(group, { exact: true }).first().click();
  const slug = group.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const links = menu.locator(`a[href^="#/${slug}/"]`).filter({ visible: true });
  await links.first().waitFor({ timeout: UI_WAIT });
  // The label without the badge beside it (POST, schema).
  const entries = await links.evaluateAll((anchors) => anchors.map((a) => [a.getAttribute('href')!, a.querySelector('[data-text]')?.getAttribute('data-text') ?? ''] as const));
  return new Map(entries);
}

/** Shows a section of the page (an operation, a schema) by its anchor, as a click in the menu does. */
async function show(page: Page, anchor: string): Promise<Locator> {
  await page.evaluate((hash) => { location.hash = hash; }, `#/${anchor}`);
  const section = page.locator(`[id="${anchor}"]`);
  await section.waitFor({ timeout: UI_WAIT });
  return section;
}

// ---- the tests -------------------------------------------------------------------------------

it('shows the overview, lists every operation and schema, searches, asks nothing of other hosts, logs no error', async () => {
  const watched = await openDocs();
  const { page } = watched;

  const text = await textOf(page.locator('body'));
  for (const line of ['Authorization: Basic', 'Authorization: SOTicket 7T:abc123==', 'Authorization: Bearer 8A:abc123==', 'X-XSRF-TOKEN:', 'https://online.superoffice.com/Cust12345', 'https://crm.example.com/SuperOffice', 'http://127.0.0.1:4010']) {
    expect(text.includes(line), `"${line}" near the top`).toBe(true);
  }
  await screenshot(page, 'docs');

  // Every operation is in the menu, under its tag, by its summary, linking to its own section.
  expect(operations.length).toBe(21);
  const menu = new Map<string, string>();
  for (const tag of spec.tags as { name: string }[]) for (const [href, label] of await openMenuGroup(page, tag.name)) menu.set(href, label);
  for (const operation of operations) {
    const entry = [...menu].find(([href]) => href.endsWith(`/${operation.operationId.toLowerCase()}`));
    expect(entry, `operation ${operation.operationId} in the menu`).toBeDefined();
    expect(entry![1], `menu entry of ${operation.operationId}`).toBe(operation.summary);
  }

  // Every schema is in the menu; BatchTaskInfo is browsable: Schemas → BatchTaskInfo shows its properties.
  const schemas = [...(await openMenuGroup(page, 'Schemas')).values()];
  for (const name of ['BatchTaskInfo', 'BatchTaskState', 'ETableRight', 'EFieldRight', 'BatchTaskCancellationBehaviour']) {
    expect(schemas, `${name} in the Schemas menu`).toContain(name);
  }
  await page.getByText('BatchTaskInfo', { exact: true }).filter({ visible: true }).first().click();
  const batchTaskInfo = page.locator('[id="schemas/batchtaskinfo"]');
  await batchTaskInfo.getByText('Serial number of the database the task is to run on.').filter({ visible: true }).first().waitFor({ timeout: UI_WAIT });
  const schemaText = await textOf(batchTaskInfo);
  for (const property of Object.keys(spec.components.schemas.BatchTaskInfoFields.properties)) expect(schemaText.includes(property), `BatchTaskInfo.${property}`).toBe(true);
  await screenshot(page, 'docs-batchtaskinfo');

  // Search works without 'unsafe-eval' (FlexSearch indexes on the main thread).
  await page.getByTestId('search-trigger').click();
  await page.keyboard.type('Stop a batch job');
  const results = page.getByTestId('search-dialog');
  await expect.poll(async () => plain(await textOf(results)), { message: 'search results' })
    .toMatch(/\/api\/v1\/Agents\/Batch\/StopBatchJob.*\/api\/v1\/BatchTask\/\{id\}\/Stop/);
  await page.keyboard.press('Escape');

  // Redoc batches what it would report and sends it 5 s later: stay past that, so that a page
  // that would phone home does it while we are still listening.
  await page.waitForTimeout(6_000);
  await assertQuiet(watched);
}, 180_000);

it('every operation has its section, and shows each of its named request and response examples (and GetAll the archive\'s tables)', async () => {
  const watched = await openDocs();
  const { page } = watched;
  const anchors: string[] = [];
  for (const tag of spec.tags as { name: string }[]) anchors.push(...(await openMenuGroup(page, tag.name)).keys());
  let checked = 0;
  for (const operation of operations) {
    const anchor = anchors.find((href) => href.endsWith(`/${operation.operationId.toLowerCase()}`));
    expect(anchor, `${operation.operationId} in the menu`).toBeDefined();
    const section = await show(page, anchor!.replace(/^#\//, ''));
    await expect.poll(() => textOf(section), { message: `${operation.operationId}: its section` }).toContain(operation.summary);
    const sectionText = await textOf(section);
    for (const meaning of operation['x-so-batch-meanings'] ?? []) expect(sectionText, `${operation.operationId} names ${meaning.operationId}`).toContain(meaning.operationId);

    if (operation['x-so-batch-archive']) await checkArchiveTables(section, operation['x-so-batch-archive']);

    for (const samples of namedExamples(operation)) checked += await checkSamples(page, section, `${operation.operationId} ${samples.panel}${samples.status ? ` ${samples.status}` : ''} ${samples.mediaType}`, samples);
    if (operation.operationId === 'v1BatchAgent_GetBatchTaskInfo') {
      // For the eye: the first operation's response samples, the first chosen, the picker open.
      const panel = section.getByTestId('right-panel').filter({ has: page.getByRole('button', { name: 'Response media type', exact: true }) });
      const picker = panel.getByRole('button', { name: 'Example', exact: true });
      await picker.click();
      await page.getByRole('menuitem').filter({ visible: true }).first().click();
      await panel.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await picker.click();
      await page.getByRole('menuitem').filter({ visible: true }).first().waitFor();
      await screenshot(page, 'docs-examples');
      await page.keyboard.press('Escape');
    }
  }
  expect(checked, 'named examples checked').toBe(operations.flatMap(namedExamples).reduce((sum, samples) => sum + samples.examples.length, 0));
  expect(checked).toBeGreaterThan(0);
  expect(operations.filter((operation) => operation['x-so-batch-archive']).map((operation) => operation.operationId), 'the operations with archive tables').toEqual(['v1Batch_GetAll']);
  await assertQuiet(watched);
}, 480_000);

/**
 * The archive's tables (spec/plugins/so-batch.js renders them into GetAll's description when the
 * spec is bundled) are on the page as tables: a row per column, a row per operator.
 */
async function checkArchiveTables(section: Locator, archive: Archive): Promise<void> {
  const tables = await section.locator('table').evaluateAll((elements) =>
    (elements as HTMLTableElement[]).map((table) => [...table.rows].map((row) => [...row.cells].map((cell) => (cell.textContent ?? '').trim()))));
  const table = (header: string[]) => {
    const found = tables.find((rows) => isDeepStrictEqual(rows[0], header));
    expect(found, `a table headed ${header.join(' | ')}`).toBeDefined();
    return found!.slice(1);
  };
  const kind = (name: string) => archive.kinds[name]!.title;
  const columns = table(['Column', 'Kind', 'BatchTaskInfo property', 'Without $select']);
  expect(columns).toEqual(archive.columns.map((column) => [column.name, kind(column.kind), column.property, column.default ? 'yes' : 'no']));
  expect(columns).toContainEqual(['cancellationBehaviour', 'list', 'CancellationBehaviour', 'no']);
  const operators = table(['Operator', 'Also written', 'Form', 'Kinds', 'Means']);
  expect(operators.map(([name]) => name)).toEqual(archive.operators.map((operator) => operator.name));
  expect(operators).toContainEqual(['currentAssociate', '', 'column op', 'associate', "the caller's associate id"]);
}

/**
 * One sample panel (Payload, or Response for one status code) shows each named example: with
 * several, a picker offers them by summary, and choosing one shows its description and value;
 * a lone example gets no picker (nor its summary), only its description and value.
 */
async function checkSamples(page: Page, section: Locator, where: string, samples: Samples): Promise<number> {
  const panel = section.getByTestId('right-panel').filter({ has: page.getByRole('button', { name: `${samples.panel} media type`, exact: true }) });
  await expect.poll(() => panel.count(), { message: `${where}: the sample panel` }).toBe(1);
  if (samples.status) await panel.getByRole('button', { name: samples.status, exact: true }).click();
  const mediaType = panel.getByRole('button', { name: `${samples.panel} media type`, exact: true });
  if ((await trimmed(mediaType)) !== samples.mediaType) {
    await mediaType.click();
    await page.getByRole('menuitem', { name: samples.mediaType, exact: true }).filter({ visible: true }).click();
    await expect.poll(() => trimmed(mediaType), { message: `${where}: media type` }).toBe(samples.mediaType);
  }
  const picker = panel.getByRole('button', { name: 'Example', exact: true });
  const offered = page.getByRole('menuitem').filter({ visible: true });
  if (samples.examples.length === 1) {
    expect(await picker.count(), `${where}: no picker for a lone example`).toBe(0);
  } else {
    await picker.click();
    await expect.poll(async () => (await offered.allTextContents()).map((label) => label.trim()), { message: `${where}: the examples offered` })
      .toEqual(samples.examples.map((example) => example.summary));
  }
  for (const [index, example] of samples.examples.entries()) {
    const what = `${where}: example ${example.key} (${example.summary})`;
    if (samples.examples.length > 1) {
      if ((await offered.count()) === 0) await picker.click();
      // By position: example summaries need not be unique.
      await offered.nth(index).click();
      await expect.poll(() => trimmed(picker), { message: `${what} chosen` }).toBe(example.summary);
    }
    if (example.description) {
      await expect.poll(async () => plain(await textOf(panel)), { message: `${what} shows its description` }).toContain(plain(example.description));
    }
    if (example.value === null) {
      // Redoc 3.0.1 shows no example whose value is null: it shows the first example's body
      // instead (the "nothing found" answers show a whole task). Accept that, and nothing
      // else; `null` is what it should show.
      const accepted = 'null, or the first example';
      await expect.poll(async () => {
        const shown = await shownJson(panel);
        return [null, samples.examples[0]!.value].some((allowed) => isDeepStrictEqual(allowed, shown)) ? accepted : shown;
      }, { message: `${what} shows null (or, Redoc's defect, the first example)` }).toBe(accepted);
    } else {
      await expect.poll(() => shownJson(panel), { message: `${what} shows its value` }).toEqual(example.value);
    }
  }
  return samples.examples.length;
}

const plain = (text: string) => text.replace(/`/g, '').replace(/\s+/g, ' ').trim();
const trimmed = async (locator: Locator) => (await locator.textContent())?.trim();

/** The JSON a sample panel shows, its collapsed parts expanded; the text itself if it is not JSON. */
async function shownJson(panel: Locator): Promise<unknown> {
  const source = panel.getByTestId('source-code');
  const text = (await source.textContent()) ?? '';
  try {
    return JSON.parse(text);
  } catch {
    const expand = panel.getByTestId('expand-all');
    if (text.includes('…') && (await expand.count()) > 0) await expand.click();
    return text;
  }
}

it('the enums are browsable: Schemas → each enum lists its values with their descriptions', async () => {
  const watched = await openDocs();
  const { page } = watched;
  expect(enums.map(([name]) => name)).toContain('BatchTaskState');
  const schemas = await openMenuGroup(page, 'Schemas');
  for (const [name, schema] of enums) {
    const href = [...schemas].find(([, label]) => label === name)?.[0];
    expect(href, `${name} in the Schemas menu`).toBeDefined();
    await page.locator('[data-component-name="Menu/Menu"]').first().locator(`a[href="${href}"]`).click();
    const section = page.locator(`[id="schemas/${name.toLowerCase()}"]`);
    await section.waitFor({ timeout: UI_WAIT });
    const rows = await section.locator('table').first().evaluate((table: HTMLTableElement) =>
      [...table.rows].slice(1).map((row) => [...row.cells].map((cell) => (cell.textContent ?? '').trim())));
    expect(rows.map(([value]) => value), `${name}: its values`).toEqual(schema.enum);
    for (const [value, description] of rows) {
      expect(description, `${name}.${value}: its description`).toBe(schema['x-enumDescriptions']?.[value!] ?? '');
    }
    if (name === 'BatchTaskState') {
      await section.locator('table').first().scrollIntoViewIfNeeded();
      await screenshot(page, 'docs-batchtaskstate');
    }
  }
  await assertQuiet(watched);
}, 180_000);

it('holds a Content-Security-Policy that blocks Redocly\'s CDN icons', async () => {
  const html = readFileSync(fileURLToPath(new URL('../dist/index.html', import.meta.url)), 'utf8');
  const policy = /<head><meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  expect(policy, 'the policy, first in <head>').toBeDefined();
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toMatch(/https?:|\*/);

  const page = await browser.newPage();
  const leaked: string[] = [];
  // Nothing leaves the machine, even should the policy fail: the test then fails on `leaked`.
  await page.route((url) => url.hostname !== '127.0.0.1', (route) => {
    leaked.push(route.request().url());
    return route.abort();
  });
  await page.goto(docs.url, { waitUntil: 'networkidle' });
  // What Redoc's icons/CDNIcon renders for a code-sample tab: a CSS mask image on Redocly's CDN.
  const violation = await page.evaluate(() => new Promise<string>((resolve) => {
    document.addEventListener('securitypolicyviolation', (event) => resolve(`${event.effectiveDirective} ${event.blockedURI}`));
    const icon = document.createElement('span');
    icon.style.cssText = 'display:inline-block;width:16px;height:16px;background:currentColor;mask-image:url(https://cdn.redocly.com/icons/code/5.24.0/javascript.svg);background-image:url(https://cdn.redocly.com/icons/fa/7.0.0/regular/copy.svg)';
    document.body.append(icon);
    setTimeout(() => resolve('no violation'), 20_000); // the violation comes at once; this only ends a wait for one that never does
  }));
  expect(violation).toMatch(/^img-src https:\/\/cdn\.redocly\.com\//);
  expect(leaked, 'requests that got past the policy').toEqual([]);
  await page.close();
}, 90_000);

it('the control API has a page of its own, linked from the reference: every control by its summary, its schemas, nothing off-host, no error', async () => {
  // The reference's overview links to it.
  const reference = await openDocs();
  const link = reference.page.getByRole('link', { name: 'control API', exact: true }).first();
  expect(await link.getAttribute('href')).toBe('/control.html');
  await assertQuiet(reference);

  const watched = await openDocs('control.html', controlSpec.info.title);
  const { page } = watched;
  const text = await textOf(page.locator('body'));
  for (const line of ['loopback', "control: 'open'", 'curl -X POST http://127.0.0.1:4010/mock/faults']) expect(text.includes(line), `"${line}" in the overview`).toBe(true);

  const controls: Operation[] = Object.values(controlSpec.paths).flatMap((item) => Object.values(item as Record<string, Operation>).filter((op) => op?.operationId));
  expect(controls.length).toBe(13);
  const menu = new Map<string, string>();
  for (const tag of controlSpec.tags as { name: string }[]) for (const [href, label] of await openMenuGroup(page, tag.name)) menu.set(href, label);
  for (const operation of controls) {
    const entry = [...menu].find(([href]) => href.endsWith(`/${operation.operationId.toLowerCase()}`));
    expect(entry, `control ${operation.operationId} in the menu`).toBeDefined();
    expect(entry![1], `menu entry of ${operation.operationId}`).toBe(operation.summary);
  }
  const schemas = [...(await openMenuGroup(page, 'Schemas')).values()];
  for (const name of ['FaultRule', 'Fault', 'JobBehaviour', 'Clock', 'Error']) expect(schemas, `${name} in the Schemas menu`).toContain(name);

  // FaultRule shows each of its fields with its description.
  const faultRule = await show(page, 'schemas/faultrule');
  await faultRule.getByText('Destroy the connection without an answer.').filter({ visible: true }).first().waitFor({ timeout: UI_WAIT });
  const ruleText = await textOf(faultRule);
  for (const field of Object.keys(controlSpec.components.schemas.FaultRule.properties)) expect(ruleText.includes(field), `FaultRule.${field}`).toBe(true);
  await screenshot(page, 'docs-control');
  await assertQuiet(watched);
}, 180_000);
