import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveDocs, type RunningDocs } from '../src/server.ts';

const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@so-batch/spec/openapi.json'), 'utf8'));

/** Debian's chromium, found on the PATH (no browser download). */
function chromiumPath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('No chromium on the PATH: install Debian\'s package (apt-get install chromium); .ci/run does.');
  }
}

let docs: RunningDocs;
let browser: Browser;
beforeAll(async () => {
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

it('shows every operation and the BatchTaskInfo schema, asks nothing of other hosts, logs no error', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const offHost: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.hostname !== '127.0.0.1') offHost.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`);
  });

  await page.goto(docs.url, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: spec.info.title }).first().waitFor();

  // textContent, not innerText: the menu's collapsed groups are on the page but hidden.
  const text = await page.evaluate(() => document.body.textContent ?? '');
  for (const line of ['Authorization: Basic', 'Authorization: SOTicket 7T:abc123==', 'Authorization: Bearer 8A:abc123==', 'X-XSRF-TOKEN:', 'https://online.superoffice.com/Cust12345', 'https://crm.example.com/SuperOffice', 'http://127.0.0.1:4010']) {
    expect(text.includes(line), `"${line}" near the top`).toBe(true);
  }

  const operations = Object.values(spec.paths).flatMap((item) =>
    Object.values(item as Record<string, { operationId?: string; summary?: string; 'x-so-batch-meanings'?: { operationId: string }[] }>).filter((op) => op.operationId),
  );
  expect(operations.length).toBe(21);
  for (const operation of operations) {
    expect(text.includes(operation.operationId!), `operation ${operation.operationId} on the page`).toBe(true);
    expect(text.includes(operation.summary!), `summary of ${operation.operationId} on the page`).toBe(true);
    for (const meaning of operation['x-so-batch-meanings'] ?? []) expect(text.includes(meaning.operationId), meaning.operationId).toBe(true);
  }
  for (const name of ['BatchTaskInfo', 'BatchTaskState', 'ETableRight', 'EFieldRight', 'BatchTaskCancellationBehaviour', 'SucceededManualCleanup']) {
    expect(text.includes(name), `${name} on the page`).toBe(true);
  }
  for (const property of Object.keys(spec.components.schemas.BatchTaskInfoFields.properties)) expect(text.includes(property), `BatchTaskInfo.${property}`).toBe(true);

  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/docs.png' });
  // The BatchTaskInfo schema is browsable: Schemas → BatchTaskInfo shows its properties.
  await page.getByText('Schemas', { exact: true }).first().click();
  await page.getByText('BatchTaskInfo', { exact: true }).filter({ visible: true }).first().click();
  await page.getByText('Serial number of the database the task is to run on.').filter({ visible: true }).first().waitFor({ timeout: 10_000 });
  await page.screenshot({ path: 'test-results/docs-batchtaskinfo.png' });
  // Redoc batches what it would report and sends it 5 s later: stay past that, so that a page
  // that would phone home does it while we are still listening.
  await page.waitForTimeout(6_000);

  expect(offHost, 'requests off localhost').toEqual([]);
  expect(consoleErrors, 'console errors').toEqual([]);
});
