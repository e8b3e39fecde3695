import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliWith, onTerminal, visibleLines } from './helpers.ts';
import { answeringServer, answeringServerPerFile, fullTask, type Answer, type Received } from './scripted-server.ts';

// query --all-pages against servers whose paging never ends (a link that changes on every page,
// empty pages, a link that does not move forward, one to another host), and big answers: the CLI
// stops, says why, and its memory stays flat.

const TICKET = '7T:PAGING-TICKET';
const script = answeringServerPerFile(() => ({ json: { value: [] } }));
const env = () => ({ SO_BASE_URL: script.server.url, SO_TICKET: TICKET });
const PEAK_RSS = fileURLToPath(new URL('./fixtures/peak-rss.mjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'so-batch-paging-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const row = (key: number) => ({ PrimaryKey: key, EntityName: 'batchtask' });

/** Pages of `size` rows from $skip on, `total` rows in all (endless when not given), linked by $skip. */
function pages(size: number, total = Infinity, link = (skip: number) => `${script.server.url}/api/v1/BatchTask?$top=${size}&$skip=${skip}`) {
  return (request: Received): Answer => {
    const skip = Number(request.query.$skip ?? 0);
    const count = Math.max(0, Math.min(size, total - skip));
    const value = Array.from({ length: count }, (_, i) => row(skip + i + 1));
    return { json: { value, ...(skip + count < total ? { 'odata.nextLink': link(skip + count) } : {}) } };
  };
}

describe('query --all-pages stops, and says why', () => {
  it('a link that changes on every page, with empty pages: stops at the first empty page, exit 6', async () => {
    let n = 0;
    script.answer = () => ({ json: { value: [], 'odata.nextLink': `${script.server.url}/api/v1/BatchTask?$skip=${(n += 50)}` } });
    const result = await cliWith(['query', '--all-pages'], env(), { timeoutMs: 60_000 });
    expect(result.code).toBe(6);
    expect(script.server.requests).toHaveLength(1);
    expect(result.stderr).toMatch(/^so-batch: The server sent an empty page that links to another \(.*\$skip=50\): stopped after 1 page and 0 rows\.\n$/);
    expect(result.stdout).toBe('0 rows\n');
  });

  it('full pages whose link does not move forward ($skip 0 again, the link changing): stops at once, exit 6', async () => {
    let n = 0;
    script.answer = () => ({ json: { value: [row(1)], 'odata.nextLink': `${script.server.url}/api/v1/BatchTask?$skip=0&page=${n++}` } });
    const result = await cliWith(['query', '--all-pages', '--json'], env(), { timeoutMs: 60_000 });
    expect(result.code).toBe(6);
    expect(script.server.requests).toHaveLength(1);
    expect(result.stderr).toMatch(/^so-batch: The server's odata\.nextLink does not move forward \(\$skip 0 after \$skip 0\): stopped after 1 page and 1 row\.\n$/);
    // Still one JSON document: the rows read, the link not followed, and why it stopped.
    const document = JSON.parse(result.stdout);
    expect(document.value).toEqual([row(1)]);
    expect(document['odata.nextLink']).toMatch(/\$skip=0&page=0$/);
    expect(document.error).toMatchObject({ kind: 'paging' });
  });

  it('a link that leads back to a page already read: exit 6', async () => {
    script.answer = (request) => ({ json: { value: [row(Number(request.query.$skip ?? 0))], 'odata.nextLink': `${script.server.url}/api/v1/BatchTask?$skip=${request.query.$skip ? 0 : 50}` } });
    const result = await cli(['query', '--all-pages'], env());
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(/does not move forward \(\$skip 0 after \$skip 50\)/);
  });

  it('a link to another host: not followed, nothing sent there, exit 6', async () => {
    const foreign = await answeringServer(() => ({ json: { value: [] } }));
    try {
      script.answer = () => ({ json: { value: [row(1)], 'odata.nextLink': `${foreign.url}/api/v1/BatchTask?$skip=50` } });
      const result = await cli(['query', '--all-pages'], env());
      expect(result.code).toBe(6);
      expect(foreign.requests).toEqual([]);
      expect(result.stderr).toBe(`so-batch: The server's odata.nextLink leads to another host (${foreign.url}): so-batch does not follow it. Stopped after 1 page and 1 row.\n`);
      expect(result.stdout).toMatch(/1 row\n$/);
    } finally {
      await foreign.stop();
    }
  });

  it('a link that is not a URL: the rows read, then why, exit 6 (kind paging)', async () => {
    script.answer = () => ({ json: { value: [row(1)], 'odata.nextLink': 'http://[not-a-host/api/v1/BatchTask?$skip=1' } });
    const result = await cli(['query', '--all-pages', '--json'], env());
    expect(result.code).toBe(6);
    expect(script.server.requests).toHaveLength(1);
    expect(result.stderr).toBe("so-batch: The server's odata.nextLink is not a URL (http://[not-a-host/api/v1/BatchTask?$skip=1): stopped after 1 page and 1 row.\n");
    const document = JSON.parse(result.stdout);
    expect(document.value).toEqual([row(1)]);
    expect(document.error).toMatchObject({ kind: 'paging' });
  });

  it('--max-pages with --json: the rows read, the link not followed, error kind max-pages', async () => {
    script.answer = pages(2);
    const result = await cli(['query', '--all-pages', '--max-pages', '2', '--json'], env());
    expect(result.code).toBe(8);
    expect(script.server.requests).toHaveLength(2);
    const document = JSON.parse(result.stdout);
    expect(document.value).toEqual([row(1), row(2), row(3), row(4)]);
    expect(document['odata.nextLink']).toMatch(/\$skip=4$/);
    expect(document.error).toEqual({ kind: 'max-pages', message: 'Stopped after 2 pages (--max-pages 2): more rows follow. Raise --max-pages to read them.' });
  });

  it('--max-pages: stops after that many pages, exit 8, the rows read printed', async () => {
    script.answer = pages(2);
    const result = await cli(['query', '--all-pages', '--max-pages', '5'], env());
    expect(result.code).toBe(8);
    expect(script.server.requests).toHaveLength(5);
    expect(result.stdout).toMatch(/\n10 rows\n$/);
    expect(result.stderr).toBe('so-batch: Stopped after 5 pages (--max-pages 5): more rows follow. Raise --max-pages to read them.\n');
  });

  it('--max-rows: stops at that many rows, cutting the page, exit 8', async () => {
    script.answer = pages(50);
    const result = await cli(['query', '--all-pages', '--max-rows', '120', '--json'], env());
    expect(result.code).toBe(8);
    expect(script.server.requests).toHaveLength(3);
    const document = JSON.parse(result.stdout);
    expect(document.value).toHaveLength(120);
    expect(document.value.at(-1)).toEqual(row(120));
    expect(document.error.kind).toBe('max-rows');
    expect(result.stderr).toBe('so-batch: Stopped at 120 rows (--max-rows 120): more rows follow. Raise --max-rows to read them.\n');
  });

  it('the defaults hold an endless server: 100,000 rows at most', async () => {
    script.answer = pages(1000);
    const result = await cliWith(['query', '--all-pages', '--json'], env(), { timeoutMs: 60_000 });
    expect(result.code).toBe(8);
    expect(JSON.parse(result.stdout).value).toHaveLength(100_000);
    expect(script.server.requests).toHaveLength(100);
  }, 70_000);

  it('a failure after the first page (HTTP 500 on page 2): the rows read, then the failure, still one JSON document', async () => {
    const two = pages(2);
    script.answer = (request) => (request.query.$skip ? { status: 500, json: { Error: true, ErrorType: 'Exception', ErrorMessage: 'Database gone' } } : two(request));
    const result = await cli(['query', '--all-pages', '--json'], env());
    expect(result.code).toBe(6);
    const document = JSON.parse(result.stdout);
    expect(document.value).toEqual([row(1), row(2)]);
    expect(document.error).toMatchObject({ kind: 'server', status: 500, message: 'The server answered HTTP 500: Database gone.' });
    expect(result.stderr).toMatch(/so-batch: The server answered HTTP 500: Database gone\.\n$/);
  });

  it('a table keeps the first page\'s columns; one that appears later is named, for --json', async () => {
    script.answer = (request) =>
      request.query.$skip
        ? { json: { value: [{ ...row(2), name: 'B', state: 'Started' }] } }
        : { json: { value: [{ ...row(1), name: 'A' }], 'odata.nextLink': `${script.server.url}/api/v1/BatchTask?$skip=1` } };
    const result = await cli(['query', '--all-pages'], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/│ PrimaryKey │ name │\n/);
    expect(result.stdout).toMatch(/│ 2 +│ B +│\n/);
    expect(result.stdout).toMatch(/Columns that first appear after the first page are not shown \(state\): --json shows all\n2 rows\n$/);
  });

  it('the last page ends it: exit 0, every row', async () => {
    script.answer = pages(50, 120);
    const result = await cli(['query', '--all-pages', '--json'], env());
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ value: Array.from({ length: 120 }, (_, i) => row(i + 1)) });
  });

  it('query --help documents the limits and their defaults', async () => {
    const result = await cli(['query', '--help']);
    expect(result.stdout).toMatch(/--max-pages <n>\s+with --all-pages: read at most this many pages\s+\(default: 1000\)/);
    expect(result.stdout).toMatch(/--max-rows <n>\s+with --all-pages: read at most this many rows\s+\(default: 100000\)/);
    expect(result.stdout).toMatch(/\n {2}8 {4}query --all-pages stopped at --max-pages or --max-rows/);
  });
});

describe('--json streams the rows as they come', () => {
  it('page 1 is on stdout before page 2 is answered', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolveRelease) => (release = resolveRelease));
    const four = pages(2, 4);
    // The server holds page 2 until stdout shows page 1's rows: a CLI that keeps every row first never gets it.
    script.answer = async (request) => {
      if (request.query.$skip === '2') await released;
      return four(request);
    };
    let seen = '';
    const result = await cliWith(['query', '--all-pages', '--json'], env(), {
      timeoutMs: 60_000,
      onStdout: (chunk) => {
        seen += chunk;
        if (seen.includes('"PrimaryKey": 2')) release();
      },
    });
    release();
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).value).toHaveLength(4);
  });
});

describe('big answers: no crash, no stack overflow, memory flat', () => {
  // The child's heap is capped at 32 MB: V8 otherwise grows it lazily on a busy machine (the same
  // run peaked from 140 to 210 MiB), which blurs the figure; a 16 MB cap works too (the rows are
  // not held). The figure is the process's own peak RSS, written at exit by a preload; the bound
  // leaves room for a busy machine, far from the 2.6 GB of a CLI that keeps every row.
  const HEAP = '--max-old-space-size=32';
  const peakRss = async (args: string[], timeoutMs: number) => {
    const file = join(scratch, `rss-${Date.now()}-${Math.random()}`);
    let rows = 0;
    let tail = '';
    const result = await cliWith(args, { ...env(), PEAK_RSS_FILE: file }, {
      nodeArgs: [HEAP, '--import', PEAK_RSS],
      keepStdout: false,
      timeoutMs,
      // Counted as it streams by, not kept: 150,000 rows of JSON would weigh on the test instead.
      onStdout: (chunk) => {
        const text = tail + chunk;
        rows += text.split('"PrimaryKey": ').length - 1;
        tail = text.slice(-16);
        if (tail.includes('"PrimaryKey": ')) rows -= 1;
      },
    });
    return { ...result, rows, peakMiB: Number(readFileSync(file, 'utf8')) / 1024 };
  };

  it('150,000 rows over 3,000 pages of 50 (--json): every row, peak RSS bounded', async () => {
    script.answer = pages(50, 150_000);
    const result = await peakRss(['query', '--all-pages', '--max-pages', '3000', '--max-rows', '150000', '--json'], 170_000);
    expect(result.code, result.stderr).toBe(0);
    expect(result.rows).toBe(150_000);
    console.log(`query --all-pages --json, 150,000 rows in 3,000 pages: peak RSS ${result.peakMiB.toFixed(1)} MiB`);
    expect(result.peakMiB).toBeLessThan(200);
  }, 180_000);

  it('150,000 rows over 150 pages of 1,000 (a table): every row, peak RSS bounded', async () => {
    script.answer = pages(1000, 150_000);
    const file = join(scratch, 'rss-table');
    let lines = 0;
    let last = '';
    const result = await cliWith(['query', '--all-pages', '--max-rows', '150000'], { ...env(), PEAK_RSS_FILE: file }, {
      nodeArgs: [HEAP, '--import', PEAK_RSS],
      keepStdout: false,
      timeoutMs: 110_000,
      onStdout: (chunk) => {
        lines += chunk.split('\n').length - 1;
        last = (last + chunk).slice(-40);
      },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(last).toMatch(/150000 rows\n$/);
    expect(lines).toBe(150_000 + 5);
    const peakMiB = Number(readFileSync(file, 'utf8')) / 1024;
    console.log(`query --all-pages (table), 150,000 rows in 150 pages: peak RSS ${peakMiB.toFixed(1)} MiB`);
    expect(peakMiB).toBeLessThan(200);
  }, 120_000);

  it.each([[['--json']], [[]]])('one page of 200,000 rows %j: no stack overflow', async (flags) => {
    script.answer = () => ({ json: { value: Array.from({ length: 200_000 }, (_, i) => row(i)) } });
    const result = await cliWith(['query', ...flags], env(), { timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    if (flags.length) expect(JSON.parse(result.stdout).value).toHaveLength(200_000);
    else expect(result.stdout).toMatch(/\n200000 rows\n$/);
  }, 70_000);

  const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
  it.each([
    ['get: the property list', ['get', '189'], () => fullTask({ Id: 189, Description: TEN_MB })],
    ['list: the table', ['list', '--select', 'Id,Description,State'], () => [fullTask({ Id: 189, Description: TEN_MB })]],
  ])('%s with a 10 MB Description, on an 80-column terminal: cut to the width', async (_, args, answer) => {
    script.answer = () => ({ json: answer() });
    const result = await onTerminal(args, env(), { columns: 80 });
    expect(result.code, result.stderr).toBe(0);
    const lines = visibleLines(result.stdout);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(result.stdout.length).toBeLessThan(10_000);
  });

  it.each([
    ['get', ['get', '189'], () => fullTask({ Id: 189, Description: TEN_MB })],
    ['list', ['list', '--select', 'Id,Description,Name'], () => Array.from({ length: 30 }, (_, i) => fullTask({ Id: i, Description: i === 0 ? TEN_MB : 'short' }))],
  ])('%s piped without a width: the 10 MB field whole, once; the other rows not padded to it', async (_, args, answer) => {
    script.answer = () => ({ json: answer() });
    const result = await cliWith(args, env(), { timeoutMs: 30_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(TEN_MB);
    expect(result.stdout.length).toBeLessThan(TEN_MB.length + 100_000);
  });
});

describe('stop and watch against a task that is not there', () => {
  it('stop: the server did not stop it, and it does not exist: says so, exit 5', async () => {
    script.answer = (request) => ({ json: request.path.endsWith('StopBatchJob') ? false : null });
    const result = await cli(['stop', '10001'], env());
    expect(result.code).toBe(5);
    expect(result.stderr).toBe('so-batch: Task 10001 does not exist on this server (or your user may not see it).\n');
  });

  it('stop: a task that has ended already: says it, with its state', async () => {
    script.answer = (request) => ({ json: request.path.endsWith('StopBatchJob') ? false : fullTask({ Id: 12, State: 'Succeeded', ProgressPercent: 100 }) });
    const result = await cli(['stop', '12'], env());
    expect(result.code).toBe(6);
    expect(result.stderr).toBe('so-batch: The server did not stop task 12: it has ended already (Succeeded).\n');
  });

  it('stop: a running task that cannot be cancelled: says that, not "it may have ended already"', async () => {
    script.answer = (request) => ({ json: request.path.endsWith('StopBatchJob') ? false : fullTask({ Id: 13, State: 'Started', ProgressPercent: 30, CancellationBehaviour: 'CannotCancel' }) });
    const result = await cli(['stop', '13'], env());
    expect(result.code).toBe(6);
    expect(result.stderr).toBe('so-batch: The server did not stop task 13: it is Started, and cannot be cancelled (CancellationBehaviour CannotCancel).\n');
  });

  it('watch: says so at once, exit 5', async () => {
    script.answer = () => ({ json: null });
    const result = await cli(['watch', '10001', '--interval', '20'], env());
    expect(result.code).toBe(5);
    expect(result.stderr).toBe('so-batch: Task 10001 does not exist on this server (or your user may not see it).\n');
  });
});
