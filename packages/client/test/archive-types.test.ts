import { describe, expectTypeOf, it } from 'vitest';
import {
  archivePages,
  archiveQuery,
  archiveRows,
  createBatchCore,
  queryArchive,
  type ArchiveRow,
  type BatchResult,
  type BatchTaskCancellationBehaviour,
  type BatchTaskState,
  type RowOf,
} from '../src/index.ts';

// Type tests: tsc checks them (`pnpm typecheck`); vitest runs them as ordinary tests too. Every
// expected error below is a query the types must refuse.

const client = createBatchCore({ baseUrl: 'https://crm.example.com/SuperOffice', auth: { scheme: 'SOTicket', ticket: '7T:abc' } });

describe('typed archive queries', () => {
  it('select types the rows: the selected columns only, each with its kind type', () => {
    const query = archiveQuery({ select: ['batchTaskId', 'name', 'state', 'created', 'isSystemTask', 'cancellationBehaviour'] });
    type Row = RowOf<typeof query>;
    expectTypeOf<Row['batchTaskId']>().toEqualTypeOf<number | null>();
    expectTypeOf<Row['name']>().toEqualTypeOf<string | null>();
    expectTypeOf<Row['state']>().toEqualTypeOf<BatchTaskState | null>();
    expectTypeOf<Row['created']>().toEqualTypeOf<string | null>();
    expectTypeOf<Row['isSystemTask']>().toEqualTypeOf<boolean | null>();
    expectTypeOf<Row['cancellationBehaviour']>().toEqualTypeOf<BatchTaskCancellationBehaviour | null>();
    expectTypeOf<Row['PrimaryKey']>().toEqualTypeOf<number>();
    expectTypeOf<keyof Row>().toEqualTypeOf<'PrimaryKey' | 'EntityName' | 'batchTaskId' | 'name' | 'state' | 'created' | 'isSystemTask' | 'cancellationBehaviour'>();
    const row = {} as Row;
    // @ts-expect-error: progressPercent was not selected
    void row.progressPercent;
  });

  it('without select, the rows have the default columns', () => {
    const query = archiveQuery({ filter: [['name', 'begins', 'Export']] });
    expectTypeOf<keyof RowOf<typeof query>>().toEqualTypeOf<'PrimaryKey' | 'EntityName' | 'batchTaskId' | 'name' | 'description' | 'state' | 'progressPercent' | 'associateId' | 'created' | 'lastStarted'>();
    expectTypeOf<RowOf<typeof query>['state']>().toEqualTypeOf<BatchTaskState | null>();
  });

  it('the calls type their rows by the query; a raw query gets open rows', () => {
    const query = archiveQuery({ select: ['name'] });
    expectTypeOf(queryArchive(client, query)).resolves.toEqualTypeOf<BatchResult<{ value: Array<{ PrimaryKey: number; EntityName: string } & { name: string | null }>; 'odata.nextLink'?: string | null | undefined }>>();
    expectTypeOf(archiveRows(client, query)).toEqualTypeOf<AsyncGenerator<{ PrimaryKey: number; EntityName: string } & { name: string | null }, void, undefined>>();
    expectTypeOf(archiveRows(client, { $filter: "name begins 'Export'" })).toEqualTypeOf<AsyncGenerator<ArchiveRow, void, undefined>>();
    expectTypeOf(archivePages(client, query)).toExtend<AsyncIterable<{ value: Array<{ name: string | null }> }>>();
  });

  it('columns, operators and values are checked', () => {
    archiveQuery({
      filter: [
        ['name', 'begins', 'Export'],
        ['created', 'dateBetween', '2026-11-01', new Date()],
        ['associateId', 'currentAssociate'],
        ['state', 'oneOf', ['Failed', 'New']],
        ['progressPercent', '=', 50],
        ['isSystemTask', 'set'],
      ],
      orderBy: ['name', ['created', 'desc']],
    });
    // Never called: at run time each would throw (archiveQuery checks for JavaScript callers too).
    const refused = () => {
      // @ts-expect-error: no such column
      archiveQuery({ select: ['nmae'] });
      // @ts-expect-error: no such column
      archiveQuery({ filter: [['nmae', 'eq', 'x']] });
      // @ts-expect-error: begins is a string operator, created is a date column
      archiveQuery({ filter: [['created', 'begins', 'x']] });
      // @ts-expect-error: dateBetween is a date operator, name is a string column
      archiveQuery({ filter: [['name', 'dateBetween', '2026-11-01', '2026-11-30']] });
      // @ts-expect-error: currentAssociate takes no value
      archiveQuery({ filter: [['associateId', 'currentAssociate', 195]] });
      // @ts-expect-error: begins takes a value
      archiveQuery({ filter: [['name', 'begins']] });
      // @ts-expect-error: a number column takes a number
      archiveQuery({ filter: [['progressPercent', 'ge', '50']] });
      // @ts-expect-error: Running is no BatchTaskState
      archiveQuery({ filter: [['state', 'eq', 'Running']] });
      // @ts-expect-error: oneOf takes a list
      archiveQuery({ filter: [['state', 'oneOf', 'Failed']] });
      // @ts-expect-error: a date is a Date or an ISO date
      archiveQuery({ filter: [['created', 'before', 'yesterday']] });
      // @ts-expect-error: directions are asc and desc
      archiveQuery({ orderBy: [['name', 'up']] });
    };
    expectTypeOf(refused).toBeFunction();
  });
});
