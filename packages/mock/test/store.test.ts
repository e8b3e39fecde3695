import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFixtureFile, startMock, type RunningMock } from '../src/index.ts';
import { defaultSeed, FixtureError, loadFixtures } from '../src/seed.ts';
import { loadSpec } from '../src/spec.ts';
import { TaskStore } from '../src/store.ts';

// The store behind every operation: each request below is one a new user tried and got a
// sample answer for, whatever they asked. Now each answers as a server would.

const doc = loadSpec();
const tje0 = { Authorization: 'Basic dGplMDpUamUw', 'Content-Type': 'application/json' };
const ada = { Authorization: `Basic ${Buffer.from('ada:secret').toString('base64')}`, 'Content-Type': 'application/json' };

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ taskRunMs: 60_000 });
});
afterAll(() => mock?.stop());
beforeEach(() => mock.reset());

async function agents(operation: string, body: unknown, headers: Record<string, string> = tje0, query = '') {
  const reply = await fetch(`${mock.url}/api/v1/Agents/Batch/${operation}${query}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await reply.text();
  return { status: reply.status, value: text ? JSON.parse(text) : undefined };
}
async function rest(method: string, path: string, body?: unknown, headers: Record<string, string> = tje0) {
  const reply = await fetch(`${mock.url}/api/v1/BatchTask${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await reply.text();
  return { status: reply.status, value: text ? JSON.parse(text) : undefined };
}
const ids = (tasks: { Id: number }[]) => tasks.map((task) => task.Id);

describe('reads by id answer the task asked for', () => {
  it('GetBatchTaskInfo {"Id":189} answers task 189, the task the page asks about', async () => {
    expect((await agents('GetBatchTaskInfo', { Id: 189 })).value).toMatchObject({ Id: 189 });
  });

  it('an id no task has answers 200 null (Agents) and 404 (REST)', async () => {
    expect(await agents('GetBatchTaskInfo', { Id: 190 })).toEqual({ status: 200, value: null });
    const gone = await rest('GET', '/190');
    expect(gone.status).toBe(404);
    expect(gone.value).toMatchObject({ Error: true, ErrorType: 'NotFound', ErrorMessage: expect.stringContaining('190') });
  });

  it('GET /BatchTask/189 answers task 189, and the page sample task 894 is there under its own id', async () => {
    expect((await rest('GET', '/189')).value).toMatchObject({ Id: 189 });
    expect((await rest('GET', '/894')).value).toMatchObject({ Id: 894, Name: 'Kutch, Dicki and Stehr' });
  });
});

describe('the list calls filter as their pages say', () => {
  it('GetBatchTaskInfosByState {"State":"Started"} answers the caller\'s started tasks, the job started a second earlier among them', async () => {
    const { value: id } = await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob' } });
    // A job is New for its first tenth of a second or so, then Started: ask for both.
    const started = await agents('GetBatchTaskInfosByState', { State: 'All' });
    expect(ids(started.value)).toContain(id);
    const { value } = await agents('GetBatchTaskInfosByState', { State: 'Started' });
    expect(value.length).toBeGreaterThan(0);
    for (const task of value) expect(task).toMatchObject({ State: 'Started', AssociateId: 195 });
  });

  it.each(['Failed', 'Succeeded', 'New', 'Started', 'Aquired', 'Unknown', 'SucceededManualCleanup'])('no list answers a task in State "All"; State %s answers only that state', async (state) => {
    const { value } = await agents('GetAllBatchTaskInfosByNameAndState', { TaskName: 'ExportJob', State: state });
    for (const task of value) expect(task).toMatchObject({ State: state, Name: 'ExportJob' });
    const all = await rest('GET', '/All');
    for (const task of all.value) expect(task.State).not.toBe('All');
  });

  it('GET /BatchTask/Started answers the caller\'s started tasks', async () => {
    const { value } = await rest('GET', '/started');
    expect(ids(value)).toContain(9001);
    for (const task of value) expect(task).toMatchObject({ State: 'Started', AssociateId: 195 });
  });

  it('"the caller" is the associate the Basic login names', async () => {
    const { value } = await agents('GetBatchTaskInfosByState', { State: 'All' }, ada);
    expect(value.length).toBeGreaterThan(0);
    for (const task of value) expect(task.AssociateId).toBe(497);
  });

  it('GetBatchTaskInfosByAssociates [497, 840] answers only their tasks', async () => {
    const { value } = await agents('GetBatchTaskInfosByAssociates', { AssociateIds: [497, 840] });
    expect(value.length).toBeGreaterThan(0);
    for (const task of value) expect([497, 840]).toContain(task.AssociateId);
    expect(ids((await agents('GetBatchTaskInfosByAssociatesAndState', { AssociateIds: [497, 840], State: 'Started' })).value).sort()).toEqual([9005, 9012]);
  });

  it('GetAllBatchTaskInfosByName answers every owner\'s tasks of that name, system ones too; other names are left out', async () => {
    const { value } = await agents('GetAllBatchTaskInfosByName', { TaskName: 'exportjob' });
    expect(new Set(value.map((task: { Name: string }) => task.Name))).toEqual(new Set(['ExportJob']));
    expect(new Set(value.map((task: { AssociateId: number }) => task.AssociateId))).toEqual(new Set([0, 195, 497, 840]));
  });

  it('GetSystemBatchTaskInfosByName answers system tasks only', async () => {
    const { value } = await agents('GetSystemBatchTaskInfosByName', { TaskName: 'ExportJob' });
    expect(ids(value)).toEqual([9011]);
    expect(value[0]).toMatchObject({ IsSystemTask: true, AssociateId: 0 });
    expect(ids((await agents('GetSystemBatchTaskInfosByNameAndState', { TaskName: 'ReindexJob', State: 'Succeeded' })).value)).toEqual([9010]);
  });

  it('the name calls compare whole names: "Export" finds no ExportJob', async () => {
    expect((await agents('GetAllBatchTaskInfosByName', { TaskName: 'Export' })).value).toEqual([]);
    expect((await agents('GetBatchTaskInfosByNameAndAssociates', { Name: 'MailMergeJob', AssociateIds: [840] })).value.map((t: { Id: number }) => t.Id)).toEqual([9007, 9008]);
    expect(ids((await agents('GetBatchTaskInfosByNameAndState', { Name: 'ImportJob', State: 'Failed' })).value)).toEqual([9003]);
  });

  it('$select applies to every list and read', async () => {
    const { value } = await agents('GetBatchTaskInfosByState', { State: 'All' }, tje0, '?$select=Id,State');
    for (const task of value) expect(task).toMatchObject({ Id: expect.any(Number), State: expect.any(String), Name: null, ProgressPercent: null });
  });
});

describe('writes change the store, and only as their pages say', () => {
  it('UpdateBatchTask changes State, Description, Response and Request, and nothing else', async () => {
    const { value } = await agents('UpdateBatchTask', { BatchTaskInfo: { Id: 9002, Name: 'Renamed', AssociateId: 1, State: 'SucceededManualCleanup', Description: 'checked' } });
    expect(value).toMatchObject({ Id: 9002, Name: 'ExportJob', AssociateId: 195, State: 'SucceededManualCleanup', Description: 'checked' });
    expect((await agents('GetBatchTaskInfo', { Id: 9002 })).value).toEqual(value);
  });

  it('an update to State "All" is refused with 400 and changes nothing', async () => {
    const before = (await agents('GetBatchTaskInfo', { Id: 9002 })).value;
    for (const reply of [await agents('UpdateBatchTask', { BatchTaskInfo: { Id: 9002, State: 'All', Description: 'half done?' } }), await rest('PUT', '/9002', { State: 'All', Description: 'half done?' })]) {
      expect(reply.status).toBe(400);
      expect(reply.value.ErrorMessage).toMatch(/"All" is a filter/);
    }
    expect((await agents('GetBatchTaskInfo', { Id: 9002 })).value).toEqual(before);
  });

  it('an update of a task that does not exist answers 200 null (Agents) and 404 (REST)', async () => {
    expect(await agents('UpdateBatchTask', { BatchTaskInfo: { Id: 190, Description: 'x' } })).toEqual({ status: 200, value: null });
    expect((await rest('PUT', '/190', { Description: 'x' })).status).toBe(404);
  });

  it('StopBatchJob stops a running task; a finished one, or one that cannot be cancelled, answers false', async () => {
    expect((await agents('StopBatchJob', { Id: 9001 })).value).toBe(true);
    expect((await agents('GetBatchTaskInfo', { Id: 9001 })).value).toMatchObject({ State: 'Failed', Result: 'Stopped on request.' });
    expect((await agents('StopBatchJob', { Id: 9001 })).value).toBe(false);
    expect((await agents('StopBatchJob', { Id: 9005 })).value).toBe(false);
    expect((await rest('POST', '/190/Stop')).status).toBe(400);
  });

  it('a deleted task is gone from reads and from every list', async () => {
    await agents('DeleteBatchTask', { BatchTaskId: 9001 });
    expect((await agents('GetBatchTaskInfo', { Id: 9001 })).value).toBeNull();
    expect(ids((await agents('GetAllBatchTaskInfosByName', { TaskName: 'ExportJob' })).value)).not.toContain(9001);
    expect(ids((await rest('GET', '/All')).value)).not.toContain(9001);
    expect((await rest('DELETE', '/9001')).status).toBe(404);
  });

  it('DeleteBatchTasks deletes each listed task and ignores ids that are not there', async () => {
    expect((await agents('DeleteBatchTasks', { BatchTaskIds: [9002, 9003, 190] })).status).toBe(204);
    expect((await agents('GetBatchTaskInfo', { Id: 9002 })).value).toBeNull();
    expect((await agents('GetBatchTaskInfo', { Id: 9003 })).value).toBeNull();
    expect((await agents('GetBatchTaskInfo', { Id: 9004 })).value).toMatchObject({ Id: 9004 });
  });

  it('a started task belongs to the caller and is in their lists; a job with no name is the page\'s 200 null (Agents) or 400 (REST)', async () => {
    const { value: id } = await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob' } }, ada);
    expect((await agents('GetBatchTaskInfo', { Id: id })).value).toMatchObject({ AssociateId: 497, IsSystemTask: false });
    expect(ids((await agents('GetBatchTaskInfosByState', { State: 'All' }, ada)).value)).toContain(id);
    expect(await agents('StartBatchJob', { BatchTaskInfo: { Name: '   ' } })).toEqual({ status: 200, value: null });
    expect((await rest('POST', '', { Name: '  ' })).status).toBe(400);
  });

  it('ids are never reused: a reset keeps counting, and a deleted id stays gone', async () => {
    const { value: first } = await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob' } });
    mock.reset();
    expect((await agents('GetBatchTaskInfo', { Id: first })).value).toBeNull();
    const { value: second } = await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob' } });
    expect(second).toBeGreaterThan(first);
  });

  it('text past the limit is refused with 400 naming the property, and nothing is started', async () => {
    const before = mock.tasks().length;
    const reply = await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob', Description: 'x'.repeat(9000) } });
    expect(reply.status).toBe(400);
    expect(reply.value.ErrorMessage).toMatch(/Description is 9000 characters long; the mock stores at most 8192/);
    expect(mock.tasks().length).toBe(before);
  });
});

describe('the pages\' printed answers stay reachable', () => {
  it('Prefer: example=page answers the page\'s sample, task 248 for task 189', async () => {
    const reply = await fetch(`${mock.url}/api/v1/Agents/Batch/GetBatchTaskInfo`, { method: 'POST', headers: { ...tje0, Prefer: 'example=page' }, body: '{"Id":189}' });
    expect(await reply.json()).toMatchObject({ Id: 248, State: 'All' });
  });
});

describe('the seed', () => {
  const seed = defaultSeed(doc);
  it('holds every real state, several associates, system tasks, parameters and rights, and no state "All"', () => {
    expect(new Set(seed.map((task) => task.State))).toEqual(new Set(['Unknown', 'New', 'Aquired', 'Started', 'Succeeded', 'Failed', 'SucceededManualCleanup']));
    expect(new Set(seed.filter((task) => !task.IsSystemTask).map((task) => task.AssociateId)).size).toBeGreaterThan(3);
    expect(seed.some((task) => task.IsSystemTask)).toBe(true);
    expect(seed.some((task) => task.ParameterObject)).toBe(true);
    for (const task of seed) {
      expect(task.ProgressPercent).toBeGreaterThanOrEqual(0);
      expect(task.ProgressPercent).toBeLessThanOrEqual(100);
      if (task.IsSystemTask) expect(task.AssociateId).toBe(0);
    }
  });

  it('keeps the pages\' sample tasks under their own ids', () => {
    for (const id of [46, 248, 122, 894, 189, 975, 407, 479]) expect(seed.map((task) => task.Id)).toContain(id);
  });
});

describe('fixtures', () => {
  it('startMock({ tasks }) serves the caller\'s own tasks, filled in, and reset() returns to them', async () => {
    const own = await startMock({ tasks: [{ Id: 5, Name: 'Mine', State: 'Started', AssociateId: 195 }] });
    try {
      const read = await fetch(`${own.url}/api/v1/BatchTask/5`, { headers: tje0 });
      expect(await read.json()).toMatchObject({ Id: 5, Name: 'Mine', State: 'Started', TableRight: { Mask: 'FULL' } });
      await fetch(`${own.url}/api/v1/BatchTask/5`, { method: 'DELETE', headers: tje0 });
      own.reset();
      expect(own.tasks().map((task) => task.Id)).toEqual([5]);
    } finally {
      await own.stop();
    }
  });

  it.each([
    [[{ Id: 1, Name: 'x', State: 'All' }], /tasks\[0\] \(Id 1\): State must be equal to one of the allowed values \(Unknown, New/],
    [[{ Id: 1, Name: 'x', State: 'New' }, { Id: 2, Name: 'y', State: 'New', ProgressPercent: 'half' }], /tasks\[1\] \(Id 2\): ProgressPercent must be/],
    [[{ Name: 'x', State: 'New' }], /tasks\[0\]: Id must have required property/],
    [[{ Id: 1, Name: 'x', State: 'New' }, { Id: 1, Name: 'y', State: 'New' }], /tasks\[1\] \(Id 1\): Id 1 is used by an earlier task/],
    [{ Id: 1 }, /expected an array of BatchTaskInfo objects/],
  ])('a fixture that does not validate is refused, naming the task and the property (%j)', (fixtures, message) => {
    expect(() => loadFixtures(doc, fixtures)).toThrow(FixtureError);
    expect(() => loadFixtures(doc, fixtures)).toThrow(message);
  });

  it('startMock refuses bad fixtures before it starts anything', async () => {
    // The types refuse it too (FixtureTask); the run-time check is for JavaScript and JSON callers.
    // @ts-expect-error 'All' is a filter, not a state a task can be in
    await expect(startMock({ tasks: [{ Id: 1, Name: 'x', State: 'All' }] })).rejects.toThrow(/State must be equal to one of/);
  });

  it('MOCK_TASKS files: a good one loads; a broken one names the file and the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'so-batch-fixtures-'));
    writeFileSync(join(dir, 'good.json'), JSON.stringify([{ Id: 7, Name: 'Seven', State: 'Failed' }]));
    writeFileSync(join(dir, 'bad.json'), '[{"Id": 7,');
    expect(readFixtureFile(doc, join(dir, 'good.json'))).toMatchObject([{ Id: 7, Name: 'Seven', State: 'Failed' }]);
    expect(() => readFixtureFile(doc, join(dir, 'bad.json'))).toThrow(/bad\.json: not JSON/);
    expect(() => readFixtureFile(doc, join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read it \(ENOENT\)/);
  });
});

describe('memory stays bounded', () => {
  it('keeps at most maxTasks, forgetting the oldest finished task first', () => {
    const store = new TaskStore([], { maxTasks: 3, runMs: 0, now: () => 0 });
    const a = store.start({ Name: 'a' }, 1)!;
    store.update(a, { State: 'Started' });
    const b = store.start({ Name: 'b' }, 1)!;
    store.update(b, { State: 'Succeeded' });
    store.start({ Name: 'c' }, 1);
    store.update(store.start({ Name: 'd' }, 1)!, { State: 'New' });
    expect(store.size).toBe(3);
    expect(store.get(b)).toBeNull();
    expect(store.get(a)).not.toBeNull();
  });

  it('never forgets a running task: the oldest finished goes, else the oldest Unknown, and with only running tasks left a start is refused', () => {
    const seed = loadFixtures(doc, [
      { Id: 1, Name: 'watched', State: 'Started' },
      { Id: 2, Name: 'queued', State: 'New' },
      { Id: 3, Name: 'claimed', State: 'Aquired' },
      { Id: 4, Name: 'odd', State: 'Unknown' },
      { Id: 5, Name: 'done', State: 'Succeeded' },
    ]);
    const store = new TaskStore(seed, { maxTasks: 5, runMs: 60_000, now: () => 0 });
    // Before: the first start forgot task 1 (the oldest), running and watched.
    const first = store.start({ Name: 'a' }, 1)!;
    expect(ids(store.all())).toEqual([1, 2, 3, 4, first]);
    const second = store.start({ Name: 'b' }, 1)!;
    expect(ids(store.all())).toEqual([1, 2, 3, first, second]);
    expect(() => store.start({ Name: 'c' }, 1)).toThrow(
      expect.objectContaining({ status: 409, type: 'Conflict', message: expect.stringMatching(/store is full: it keeps 5 tasks \(maxTasks\), all of them running/) }),
    );
    expect(ids(store.all())).toEqual([1, 2, 3, first, second]);
    // A task that ends makes room again.
    store.stop(2);
    expect(store.start({ Name: 'd' }, 1)).toBeGreaterThan(second);
    expect(store.get(2)).toBeNull();
    expect(store.get(1)).toMatchObject({ State: 'Started' });
  });

  it('a full store of running tasks answers StartBatchJob with 409 naming maxTasks, over Agents and REST', async () => {
    const full = await startMock({ tasks: [{ Id: 1, Name: 'Running', State: 'Started', AssociateId: 195 }], maxTasks: 1 });
    try {
      const agents = await fetch(`${full.url}/api/v1/Agents/Batch/StartBatchJob`, { method: 'POST', headers: tje0, body: JSON.stringify({ BatchTaskInfo: { Name: 'ExportJob' } }) });
      expect(agents.status).toBe(409);
      expect(await agents.json()).toMatchObject({ Error: true, ErrorType: 'Conflict', ErrorMessage: expect.stringContaining('maxTasks') });
      const rest = await fetch(`${full.url}/api/v1/BatchTask`, { method: 'POST', headers: tje0, body: JSON.stringify({ Name: 'ExportJob' }) });
      expect(rest.status).toBe(409);
      expect(full.tasks().map((task) => task.Id)).toEqual([1]);
    } finally {
      await full.stop();
    }
  });

  it('the seed may not exceed maxTasks, and 100,000 ids do not overflow the stack', () => {
    expect(() => new TaskStore(defaultSeed(doc), { maxTasks: 3 })).toThrow(/TaskStore: the seed holds \d+ tasks, more than maxTasks \(3\)/);
    // Before: Math.max(...ids) in reset: "Maximum call stack size exceeded" past some 120,000 tasks.
    const many = Array.from({ length: 200_000 }, (_, i) => ({ Id: i + 1, Name: 'n', AssociateId: 1, IsSystemTask: false, State: 'Succeeded' as const }));
    const store = new TaskStore(many, { maxTasks: 200_000 });
    expect(store.size).toBe(200_000);
    expect(store.start({ Name: 'next' }, 1)).toBe(200_001);
    expect(store.get(1)).toBeNull();
  });

  it('a reset gives back the seed as it was, whatever updates did', () => {
    const store = new TaskStore(loadFixtures(doc, [{ Id: 1, Name: 'x', State: 'New', Description: 'before', ParameterObject: { a: '1' } }]));
    store.update(1, { Description: 'after', State: 'Failed' });
    expect(store.get(1)).toMatchObject({ Description: 'after', State: 'Failed' });
    store.reset();
    expect(store.get(1)).toMatchObject({ Description: 'before', State: 'New', ParameterObject: { a: '1' } });
  });
});

describe('GET /BatchTask computes the OData query from the store', () => {
  const odata = async (query: string, headers: Record<string, string> = tje0) => {
    const reply = await fetch(`${mock.url}/api/v1/BatchTask?${query}`, { headers });
    return { status: reply.status, type: reply.headers.get('content-type'), text: await reply.text() };
  };

  it('$filter, $orderBy, $top and $select answer the store\'s rows', async () => {
    const reply = await odata(`$select=name,state,associateId&$filter=${encodeURIComponent("name eq 'ExportJob' and associateId oneOf(497,840)")}&$orderBy=batchTaskId desc&$top=2`);
    expect(reply.status).toBe(200);
    const page = JSON.parse(reply.text);
    expect(page.value.map((row: { PrimaryKey: number }) => row.PrimaryKey)).toEqual([9012, 9006]);
    expect(page.value[0]).toMatchObject({ PrimaryKey: 9012, EntityName: 'batchtask', name: 'ExportJob', associateId: expect.anything() });
  });

  it('a started job is in the archive at once, and a deleted task leaves it', async () => {
    const { value: id } = await agents('StartBatchJob', { BatchTaskInfo: { Name: 'ArchiveProbe' } });
    const filter = encodeURIComponent("name eq 'ArchiveProbe'");
    expect(JSON.parse((await odata(`$filter=${filter}`)).text).value.map((row: { PrimaryKey: number }) => row.PrimaryKey)).toEqual([id]);
    await rest('DELETE', `/${id}`);
    expect(JSON.parse((await odata(`$filter=${filter}`)).text).value).toEqual([]);
  });

  it('pages with odata.nextLink, and following the links visits every row once', async () => {
    // More tasks than the server's page of 50 rows.
    while (mock.tasks().length <= 60) await agents('StartBatchJob', { BatchTaskInfo: { Name: 'Filler' } });
    const seen: number[] = [];
    let next: string | undefined = `${mock.url}/api/v1/BatchTask?$select=name&$top=1000`;
    let pages = 0;
    while (next && pages < 20) {
      const reply = await fetch(next, { headers: tje0 });
      expect(reply.status).toBe(200);
      const page = (await reply.json()) as { value: { PrimaryKey: number }[]; 'odata.nextLink'?: string };
      seen.push(...page.value.map((row) => row.PrimaryKey));
      next = page['odata.nextLink'];
      pages++;
    }
    expect(pages).toBeGreaterThan(1);
    expect(seen).toEqual(mock.tasks().map((task) => task.Id));
  });

  it.each([
    ["$filter=name likes 'x'", /\$filter at position 5: unknown operator 'likes'/],
    ['$filter=name eq', /\$filter at position/],
    ["$filter=name eq 'a' or name eq 'b'", /\$filter at position 12: 'or' is not supported/],
    ['$select=name,nosuchcolumn', /\$select at position 5: unknown column 'nosuchcolumn'|nosuchcolumn/],
    ['$orderBy=name sideways', /\$orderBy at position/],
    ['$entities=person', /\$entities: the BatchTasks archive has only the entity "batchtask"/],
  ])('a query the mock cannot read is a 400 that names where: %s', async (query, message) => {
    const reply = await odata(query.replace(/ /g, '%20').replace(/'/g, '%27'));
    expect(reply.status, reply.text).toBe(400);
    expect(JSON.parse(reply.text)).toMatchObject({ Error: true, ErrorType: 'BadRequest', ErrorMessage: expect.stringMatching(message) });
  });

  it('$format=XML survives paging: odata.nextLink keeps it, and the next page is XML too', async () => {
    while (mock.tasks().length <= 60) await agents('StartBatchJob', { BatchTaskInfo: { Name: 'Filler' } });
    const first = await odata('$select=name&$format=XML');
    expect(first.type).toMatch(/^application\/xml/);
    const link = /<odata\.nextLink>([^<]+)<\/odata\.nextLink>/.exec(first.text);
    expect(link, first.text.slice(0, 400)).not.toBeNull();
    const next = new URL(link![1]!.replace(/&amp;/g, '&'));
    // Before: the link carried $select and $skip only, and the second page came back as JSON.
    expect(next.searchParams.get('$format')).toBe('XML');
    const second = await fetch(next, { headers: tje0 });
    expect(second.headers.get('content-type')).toMatch(/^application\/xml/);
  });

  it('$format=XML answers XML whatever Accept says', async () => {
    const reply = await odata('$top=1&$format=XML', { ...tje0, Accept: 'application/json' });
    expect(reply.type).toMatch(/^application\/xml/);
    expect(reply.text).toMatch(/<ODataSlimResponse/);
  });
});
