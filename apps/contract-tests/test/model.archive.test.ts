import { startMock, type RunningMock } from '@so-batch/mock';
import { readArchive } from '@so-batch/spec/archive';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE, archiveQuery, expectArchive, modelArchive, resolveArchiveQuery, type ArchiveQuerySpec } from '../src/model/archive.ts';
import { BatchModel } from '../src/model/model.ts';
import { loadSpec } from '../src/openapi.ts';
import { MODEL_FIXTURES } from '../src/model/fixtures.ts';

// The contract model's archive (src/model/archive.ts) is the spec's x-so-batch-archive: its
// generators draw every column the spec has, and its oracle (the cell a task shows, the order of
// each kind) holds for every column against the mock, sorted up and down. The model-based run
// (model.contract.test.ts) reaches each column only now and then; here each one is asked once.

const LOGIN = `Basic ${Buffer.from('tje0:Tje0').toString('base64')}`;

describe('the contract model reads the archive from the spec', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ clock: 'manual', tasks: MODEL_FIXTURES });
  });
  afterAll(async () => {
    await mock?.stop();
  });

  /** Every row of a GET /api/v1/BatchTask, odata.nextLink followed. */
  async function allRows(params: URLSearchParams): Promise<unknown[]> {
    const rows: unknown[] = [];
    let url: string | undefined = `${mock.url}/api/v1/BatchTask?${params}`;
    for (let page = 0; url !== undefined; page++) {
      if (page > 20) throw new Error(`GET /api/v1/BatchTask?${params}: more than 20 pages`);
      const answer = await fetch(url, { headers: { authorization: LOGIN, accept: 'application/json' } });
      const body = (await answer.json()) as { value: unknown[]; 'odata.nextLink'?: string };
      expect(answer.status, JSON.stringify(body)).toBe(200);
      rows.push(...body.value);
      url = body['odata.nextLink'] ? new URL(body['odata.nextLink'], mock.url).href : undefined;
    }
    return rows;
  }

  const model = () => BatchModel.ofStore(mock.tasks(), { caller: 195, handedOut: new Set(), writes: false, clock: mock.clock.now(), taskRunMs: 600_000, jobNames: [] });

  it("draws every column of the bundled spec's archive, and sorts by each", () => {
    const facts = readArchive(loadSpec() as unknown as Record<string, unknown>);
    expect(ARCHIVE.names).toEqual(facts.columns.map((column) => column.name));
    const queries = fc.sample(archiveQuery, { seed: 20261129, numRuns: 2000 });
    const selected = new Set(queries.flatMap((query) => (query.select === 'default' ? [] : query.select)));
    const sorted = new Set(queries.flatMap((query) => query.orderBy.map((key) => key.column)));
    expect([...selected].sort()).toEqual([...ARCHIVE.names].sort());
    expect([...sorted].sort()).toEqual([...ARCHIVE.names].sort());
  });

  it('fails loudly, naming it, on a column the queries need that the archive lacks, and on a kind it has no meaning for', () => {
    const facts = readArchive(loadSpec() as unknown as Record<string, unknown>);
    const withoutState = { ...facts, columns: facts.columns.filter((column) => column.property !== 'State') };
    expect(() => modelArchive(withoutState)).toThrow(/no column of BatchTaskInfo\.State/);
    const withMoney = { ...facts, columns: [...facts.columns, { name: 'price', kind: 'money', property: 'Price', default: false }] };
    expect(() => modelArchive(withMoney)).toThrow(/column "price" has kind "money", which the model does not know/);
  });

  it('every column, selected and sorted either way, answers as the model says (cells and order)', async () => {
    const checked = model();
    for (const column of ARCHIVE.sortable) {
      for (const descending of [false, true]) {
        const spec: ArchiveQuerySpec = { orderBy: [{ column, descending }], select: [column] };
        const { params, filter, selected } = resolveArchiveQuery(checked, spec);
        const rows = await allRows(params);
        expect(rows).toHaveLength(MODEL_FIXTURES.length);
        expectArchive(checked, spec, filter, selected, rows, `GET /BatchTask?${decodeURIComponent(params.toString())}`, { strings: true, whole: true });
      }
    }
  }, 120_000);

  it('all columns at once, ordered by two of them, with a filter', async () => {
    const checked = model();
    const spec: ArchiveQuerySpec = { system: false, orderBy: [{ column: ARCHIVE.state.name, descending: true }, { column: ARCHIVE.name.name, descending: false }], select: [...ARCHIVE.names] };
    const { params, filter, selected } = resolveArchiveQuery(checked, spec);
    const rows = await allRows(params);
    expect(rows.length).toBeGreaterThan(0);
    expectArchive(checked, spec, filter, selected, rows, `GET /BatchTask?${decodeURIComponent(params.toString())}`, { strings: true, whole: true });
  });
});
