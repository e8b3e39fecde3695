import { describe, expect, it } from 'vitest';
import { cli, onTerminal, visibleLines } from './helpers.ts';
import { answeringServerPerFile, fullTask } from './scripted-server.ts';

// Which request each command and flag becomes, checked on a server that records them and
// answers as each case needs.

const TICKET = '7T:COMMANDS-TICKET';
const script = answeringServerPerFile(() => ({ json: [] }));
const env = () => ({ SO_BASE_URL: script.server.url, SO_TICKET: TICKET });
const sent = () => script.server.requests.map((r) => ({ method: r.method, path: r.path, body: r.body, query: r.query }));

describe('list: each mix of filters goes to the call that takes it', () => {
  it.each([
    [[], 'GetBatchTaskInfosByState', { State: 'All' }],
    [['--state', 'started'], 'GetBatchTaskInfosByState', { State: 'Started' }],
    [['--name', 'ExportJob'], 'GetBatchTaskInfosByNameAndState', { Name: 'ExportJob', State: 'All' }],
    [['--name', 'ExportJob', '--state', 'Failed'], 'GetBatchTaskInfosByNameAndState', { Name: 'ExportJob', State: 'Failed' }],
    [['--associate', '12,13'], 'GetBatchTaskInfosByAssociates', { AssociateIds: [12, 13] }],
    [['--associate', '12', '--state', 'New'], 'GetBatchTaskInfosByAssociatesAndState', { AssociateIds: [12], State: 'New' }],
    [['--associate', '12', '--name', 'ExportJob'], 'GetBatchTaskInfosByNameAndAssociates', { Name: 'ExportJob', AssociateIds: [12] }],
    [['--all', '--name', 'ExportJob'], 'GetAllBatchTaskInfosByName', { TaskName: 'ExportJob' }],
    [['--all', '--name', 'ExportJob', '--state', 'Failed'], 'GetAllBatchTaskInfosByNameAndState', { TaskName: 'ExportJob', State: 'Failed' }],
    [['--system', '--name', 'Cleanup'], 'GetSystemBatchTaskInfosByName', { TaskName: 'Cleanup' }],
    [['--system', '--name', 'Cleanup', '--state', 'Started'], 'GetSystemBatchTaskInfosByNameAndState', { TaskName: 'Cleanup', State: 'Started' }],
  ])('list %j: %s', async (flags, operation, body) => {
    script.answer = () => ({ json: [fullTask()] });
    const run = await cli(['list', ...flags, '--json'], env());
    expect(run.code, run.stderr).toBe(0);
    expect(sent()).toEqual([{ method: 'POST', path: `/api/v1/Agents/Batch/${operation}`, body, query: {} }]);
  });

  it('--associate --name --state: the state is filtered here, as no call takes all three', async () => {
    script.answer = () => ({ json: [fullTask({ Id: 1, State: 'Failed' }), fullTask({ Id: 2, State: 'Started' })] });
    const run = await cli(['list', '--associate', '12', '--name', 'ExportJob', '--state', 'failed', '--json'], env());
    expect(JSON.parse(run.stdout).map((task: { Id: number }) => task.Id)).toEqual([1]);
  });

  it.each([
    [['--all'], /^so-batch: --all needs --name: the API lists everyone's or the system's tasks only by name\. For other filters, use so-batch query\.\n$/],
    [['--system', '--state', 'New'], /^so-batch: --system needs --name/],
    [['--all', '--system', '--name', 'X'], /^so-batch: --all and --system do not go together/],
    [['--all', '--name', 'X', '--associate', '1'], /^so-batch: --all and --associate do not go together: no call takes both\.\n$/],
  ])('list %j is a usage error, and sends nothing', async (flags, message) => {
    const run = await cli(['list', ...flags], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(script.server.requests).toHaveLength(0);
  });
});

describe('query: REST GetAll', () => {
  const row = (id: number) => ({ PrimaryKey: id, EntityName: 'batchtask', name: `Task ${id}`, state: 'Started' });

  it('maps --filter, --order-by, --select, --top and --skip onto the OData options', async () => {
    script.answer = () => ({ json: { value: [row(1), row(2)] } });
    const run = await cli(['query', '--filter', "name begins 'Export'", '--order-by', 'id desc', '--select', 'name,state', '--top', '2', '--skip', '4', '--json'], env());
    expect(run.code, run.stderr).toBe(0);
    expect(sent()).toEqual([{ method: 'GET', path: '/api/v1/BatchTask', body: undefined, query: { $filter: "name begins 'Export'", $orderBy: 'id desc', $select: 'name,state', $top: '2', $skip: '4' } }]);
    expect(JSON.parse(run.stdout)).toEqual({ value: [row(1), row(2)] });
  });

  it('--all-pages follows odata.nextLink to the last page; without it, the link is kept and stderr says so', async () => {
    script.answer = (request) => {
      const skip = Number(request.query.$skip ?? 0);
      const next = skip < 4 ? { 'odata.nextLink': `${script.server.url}/api/v1/BatchTask?$filter=state%20eq%203&$top=2&$skip=${skip + 2}` } : {};
      return { json: { value: [row(skip + 1), row(skip + 2)], ...next } };
    };
    const all = await cli(['query', '--filter', 'state eq 3', '--top', '2', '--all-pages', '--json'], env());
    expect(all.code, all.stderr).toBe(0);
    expect(JSON.parse(all.stdout).value.map((r: { PrimaryKey: number }) => r.PrimaryKey)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(script.server.requests.map((r) => r.query)).toEqual([
      { $filter: 'state eq 3', $top: '2' },
      { $filter: 'state eq 3', $top: '2', $skip: '2' },
      { $filter: 'state eq 3', $top: '2', $skip: '4' },
    ]);
    script.server.requests.length = 0;
    const one = await cli(['query', '--filter', 'state eq 3', '--top', '2', '--json'], env());
    expect(JSON.parse(one.stdout)).toEqual({ value: [row(1), row(2)], 'odata.nextLink': `${script.server.url}/api/v1/BatchTask?$filter=state%20eq%203&$top=2&$skip=2` });
    expect(one.stderr).toBe('More rows follow: --all-pages reads them all (or --skip the next page).\n');
    expect(script.server.requests).toHaveLength(1);
  });

  it('a nextLink that leads back to a page already read stops, exit 6', async () => {
    script.answer = () => ({ json: { value: [row(1)], 'odata.nextLink': `${script.server.url}/api/v1/BatchTask?$skip=1` } });
    const run = await cli(['query', '--all-pages'], env());
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/odata\.nextLink leads back to a page already read/);
    expect(script.server.requests).toHaveLength(2);
  });

  it.each([['--top', '-1'], ['--skip', 'x']])('%s %s is a usage error', async (flag, value) => {
    const run = await cli(['query', flag, value], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${flag} is a whole number, 0 or more`);
  });
});

describe('start, stop and delete', () => {
  it('start prints the id alone on stdout (terminal or not)', async () => {
    script.answer = () => ({ json: 10010 });
    for (const stdoutTTY of [true, false]) {
      const run = await onTerminal(['start', '--name', 'ExportJob'], env(), { stdoutTTY });
      expect(run).toMatchObject({ code: 0, stdout: '10010\n', stderr: '' });
    }
  });

  it('stop: StopBatchJob with the id; true prints "Stopped task N"', async () => {
    script.answer = () => ({ json: true });
    const run = await cli(['stop', '189'], env());
    expect(run).toMatchObject({ code: 0, stdout: 'Stopped task 189\n' });
    expect(sent()).toEqual([{ method: 'POST', path: '/api/v1/Agents/Batch/StopBatchJob', body: { Id: 189 }, query: {} }]);
    expect(JSON.parse((await cli(['stop', '189', '--json'], env())).stdout)).toEqual({ Id: 189, Stopped: true });
  });

  it('stop: false is a failure that says what may be why, exit 6', async () => {
    script.answer = () => ({ json: false });
    const run = await cli(['stop', '189', '--json'], env());
    expect(run.code).toBe(6);
    expect(JSON.parse(run.stdout).error).toMatchObject({ kind: 'not-stopped' });
  });

  it('delete one: DeleteBatchTask; several: DeleteBatchTasks, once', async () => {
    script.answer = () => ({ status: 204 });
    const one = await cli(['delete', '189', '--yes'], env());
    expect(one).toMatchObject({ code: 0, stdout: 'Deleted task 189\n' });
    const many = await cli(['delete', '189', '190', '189', '-y', '--json'], env());
    expect(many.code, many.stderr).toBe(0);
    expect(JSON.parse(many.stdout)).toEqual({ Deleted: [189, 190] });
    expect(sent()).toEqual([
      { method: 'POST', path: '/api/v1/Agents/Batch/DeleteBatchTask', body: { BatchTaskId: 189 }, query: {} },
      { method: 'POST', path: '/api/v1/Agents/Batch/DeleteBatchTasks', body: { BatchTaskIds: [189, 190] }, query: {} },
    ]);
  });

  it('delete on a terminal asks first: y deletes, anything else deletes nothing (exit 130)', async () => {
    script.answer = () => ({ status: 204 });
    const yes = await onTerminal(['delete', '189', '190'], env(), { stderrTTY: true, typed: 'y\n' });
    expect(yes.stderr).toBe('Delete tasks 189, 190? This cannot be undone. [y/N] ');
    expect(yes).toMatchObject({ code: 0, stdout: 'Deleted tasks 189, 190\n' });
    expect(script.server.requests).toHaveLength(1);
    const no = await onTerminal(['delete', '191'], env(), { stderrTTY: true, typed: '\n' });
    expect(no).toMatchObject({ code: 130, stdout: '' });
    expect(no.stderr).toMatch(/\[y\/N\] so-batch: Nothing deleted\.\n$/);
    expect(script.server.requests).toHaveLength(1);
  });

  it('delete without --yes and no terminal to ask on: a usage error, nothing deleted', async () => {
    const run = await cli(['delete', '189'], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('so-batch: delete asks before it deletes, and cannot ask here (no terminal): add --yes to delete task 189.\n');
    expect(script.server.requests).toHaveLength(0);
  });
});

describe('help: every command, with its exit codes', () => {
  const commands = ['list', 'query', 'get', 'start', 'stop', 'update', 'watch', 'delete', 'completion'];
  it('so-batch --help lists every command', async () => {
    const help = (await cli(['--help'])).stdout;
    for (const command of commands) expect(help).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });
  it.each(commands)('%s --help shows the exit codes', async (command) => {
    const run = await cli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exit codes:');
    expect(run.stdout).toContain('6    the server refused or failed');
  });
});

describe('tables fit the terminal', () => {
  const long = (n: number) => fullTask({
    Id: 100000 + n,
    Name: `Nightly export of every customer and contact to the shared folder ${n}`,
    State: 'Started',
    ProgressPercent: 42,
    ProgressDescription: 'Writing customers, contacts and their addresses to exports/all.csv',
    Description: 'A description long enough to need more than one line of a terminal that is one hundred columns wide, and then some more words',
  });

  it.each([[100], [80], [60]])('list and get at %i columns stay within them', async (columns) => {
    script.answer = (request) => ({ json: request.path.endsWith('GetBatchTaskInfo') ? long(1) : [long(1), long(2), long(3)] });
    for (const args of [['list'], ['get', '100001']]) {
      const run = await onTerminal(args, env(), { columns });
      expect(run.code, run.stderr).toBe(0);
      const lines = visibleLines(run.stdout);
      expect(Math.max(...lines.map((line) => [...line].length)), run.stdout).toBeLessThanOrEqual(columns);
    }
  });

  it('list at 100 columns: one line per task, cut with an ellipsis', async () => {
    script.answer = () => ({ json: [long(1), long(2), long(3)] });
    const lines = visibleLines((await onTerminal(['list'], env(), { columns: 100 })).stdout);
    // Frame, heading, rule, three tasks, frame, what was left out, count.
    expect(lines, lines.join('\n')).toHaveLength(9);
    expect(lines[3]).toContain('…');
    // Ids, states and dates are never cut: a column is left out first.
    expect(lines[3]).toMatch(/^│ 100001 │ Nightly export[^│]*… │ Started │ 42% +│ Writing[^│]*… │ 2026-11-22T10:00:00Z │$/);
    expect(lines[7]).toBe('1 column left out to fit: --json shows all');
  });

  it('get: a two-column property list with no rules between rows (22 properties, 24 lines)', async () => {
    script.answer = () => ({ json: fullTask({ Id: 189 }) });
    const lines = visibleLines((await onTerminal(['get', '189'], env(), { columns: 100 })).stdout);
    expect(lines).toHaveLength(24);
    expect(lines.filter((line) => line.startsWith('├'))).toEqual([]);
    expect(lines[1]).toMatch(/^│ Id\s+│ 189\s+│$/);
  });

  it('get wraps a long value rather than cut it: every word is still there', async () => {
    script.answer = () => ({ json: long(1) });
    const text = visibleLines((await onTerminal(['get', '100001'], env(), { columns: 60 })).stdout)
      .map((line) => line.split('│')[2]?.trim() ?? '')
      .join('')
      .replace(/\s/g, '');
    expect(text).toContain('Adescriptionlongenoughtoneedmorethanonelineofaterminalthatisonehundredcolumnswide,andthensomemorewords');
  });

  it('piped, with no COLUMNS: nothing is cut (as before); COLUMNS applies when set', async () => {
    script.answer = () => ({ json: [long(1)] });
    const piped = await onTerminal(['list'], env(), { stdoutTTY: false });
    expect(piped.stdout).toContain('Writing customers, contacts and their addresses to exports/all.csv');
    expect(piped.stdout).not.toMatch(/\u001b\[/);
    const narrow = await onTerminal(['list'], { ...env(), COLUMNS: '100' }, { stdoutTTY: false });
    expect(Math.max(...visibleLines(narrow.stdout).map((line) => [...line].length))).toBeLessThanOrEqual(100);
  });

  it('NO_COLOR: no escape codes on a terminal; colour otherwise', async () => {
    script.answer = () => ({ json: [long(1)] });
    expect((await onTerminal(['list'], { ...env(), NO_COLOR: '1' }, { columns: 100 })).stdout).not.toMatch(/\u001b\[/);
    expect((await onTerminal(['list'], env(), { columns: 100 })).stdout).toMatch(/\u001b\[/);
  });

  it('too narrow for every column: the least needed go first, and it says so', async () => {
    script.answer = () => ({ json: [long(1)] });
    const lines = visibleLines((await onTerminal(['list'], env(), { columns: 60 })).stdout);
    expect(lines[1]).toMatch(/Id\s+│ Name/);
    expect(lines[1]).not.toContain('AssociateId');
    expect(lines.at(-2)).toMatch(/^\d columns left out to fit: --json shows all$/);
  });
});
