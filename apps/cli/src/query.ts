import { archivePages, BatchPagingError, type BatchClient, type ODataQuery } from '@so-batch/client';
import { checkPage } from './answers.ts';
import { CliFailure, describe, EXIT, type Target } from './failures.ts';
import { StreamedJson, StreamedTable, type Io } from './output.ts';
import { visible } from './visible.ts';

// query: one page, or with --all-pages every page the server links to, within limits. Rows are
// printed page by page as they come (a table, or with --json one JSON document), never held all:
// memory stays flat however many pages there are. Paging stops, and says why, at the last page,
// at a limit (--max-pages, --max-rows: exit 8), or where the server's paging goes wrong (exit 6):
// a link that does not move forward, an empty page that links to more, a link to another host.

/** A limit for --max-pages and --max-rows: a whole number, 1 or more. */
export function positive(flag: string): (value: string) => number {
  return (value) => {
    if (!/^[1-9]\d{0,8}$/.test(value)) throw new CliFailure(`${flag} is a whole number, 1 or more (up to 999999999), not "${value}".`, EXIT.usage);
    return Number(value);
  };
}

export const DEFAULT_MAX_PAGES = 1000;
export const DEFAULT_MAX_ROWS = 100_000;

export interface QueryOptions {
  filter?: string;
  orderBy?: string;
  select?: string;
  top?: number;
  skip?: number;
  allPages?: boolean;
  maxPages: number;
  maxRows: number;
}

/** A link as shown in a message: visible, and not 10 MB of it. */
function shown(link: string): string {
  const text = visible(link);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** Why the client stopped following odata.nextLink (after `next`), in the CLI's words and exit codes. */
function pagingStop(error: BatchPagingError, next: string | undefined, target: Target, pages: number, rows: number, maxPages: number): CliFailure {
  const soFar = `${plural(pages, 'page')} and ${plural(rows, 'row')}`;
  const link = shown(next ?? '');
  switch (error.reason) {
    case 'max-pages':
      return new CliFailure(`Stopped after ${plural(pages, 'page')} (--max-pages ${maxPages}): more rows follow. Raise --max-pages to read them.`, EXIT.partial, { kind: 'max-pages' });
    case 'other-origin': {
      let origin = link;
      try {
        origin = shown(new URL(next ?? '', target.baseUrl).origin);
      } catch {
        // The client checked it is a URL; the link itself is named otherwise.
      }
      return new CliFailure(`The server's odata.nextLink leads to another host (${origin}): so-batch does not follow it. Stopped after ${soFar}.`, EXIT.server, { kind: 'other-host' });
    }
    case 'empty-page':
      return new CliFailure(`The server sent an empty page that links to another (${link}): stopped after ${soFar}.`, EXIT.server, { kind: 'paging' });
    case 'not-a-url':
      return new CliFailure(`The server's odata.nextLink is not a URL (${link}): stopped after ${soFar}.`, EXIT.server, { kind: 'paging' });
    default:
      // not-advancing: the client says how (leads back, does not move forward, $skip not a count).
      return new CliFailure(`The server's ${error.message.slice(error.operation.length + 2)}: stopped after ${soFar}.`, EXIT.server, { kind: 'paging' });
  }
}

export async function runQuery(client: BatchClient, target: Target, io: Io, json: boolean, options: QueryOptions, signal: AbortSignal): Promise<number> {
  const query: ODataQuery = {
    ...(options.select ? { $select: options.select } : {}),
    ...(options.filter ? { $filter: options.filter } : {}),
    ...(options.orderBy ? { $orderBy: options.orderBy } : {}),
    ...(options.top !== undefined ? { $top: options.top } : {}),
    ...(options.skip !== undefined ? { $skip: options.skip } : {}),
  };
  const table = json ? undefined : new StreamedTable(io);
  const document = json ? new StreamedJson(io) : undefined;
  let pages = 0;
  let rows = 0;
  let next: string | undefined;
  let stop: CliFailure | undefined;
  // The client follows the links and guards them (same origin, moving forward, no empty page
  // linking on, --max-pages); --max-rows is ours: the loop stops taking pages.
  try {
    for await (const answer of archivePages(client, query, { maxPages: options.allPages ? options.maxPages : 1, signal })) {
      const page = checkPage(answer, target);
      pages++;
      next = page['odata.nextLink'] ?? undefined;
      let value = page.value as Record<string, unknown>[];
      const room = options.maxRows - rows;
      if (options.allPages && value.length > room) {
        value = value.slice(0, room);
        // The link would go on after the rows left out of this page: not given.
        next = undefined;
        stop = new CliFailure(`Stopped at ${rows + room} rows (--max-rows ${options.maxRows}): more rows follow. Raise --max-rows to read them.`, EXIT.partial, { kind: 'max-rows' });
      }
      table?.add(value);
      document?.add(value);
      rows += value.length;
      if (stop || !next || !options.allPages) break;
      if (rows >= options.maxRows) {
        stop = new CliFailure(`Stopped at ${rows} rows (--max-rows ${options.maxRows}): more rows follow. Raise --max-rows to read them.`, EXIT.partial, { kind: 'max-rows' });
        break;
      }
    }
  } catch (error) {
    // The first page failed: nothing was printed, the failure is reported as any other.
    if (pages === 0) throw describe(error as Error, target);
    stop = error instanceof BatchPagingError ? pagingStop(error, next, target, pages, rows, options.maxPages) : describe(error as Error, target);
  }
  // A stop after the first page: the rows read are printed, and so is why it stopped.
  const more = next !== undefined && (stop !== undefined || !options.allPages);
  // (With --json, the link not followed is given, for a script to go on from.)
  if (document) document.end({ ...(more ? { 'odata.nextLink': next } : {}), ...(stop ? { error: { kind: stop.kind, message: stop.message, ...(stop.status !== undefined ? { status: stop.status } : {}) } } : {}) });
  table?.end('row');
  if (stop) {
    io.stderr.write(`so-batch: ${visible(stop.message)}\n`);
    return stop.exitCode;
  }
  if (next && !options.allPages) io.stderr.write('More rows follow: --all-pages reads them all (or --skip the next page).\n');
  return EXIT.ok;
}
