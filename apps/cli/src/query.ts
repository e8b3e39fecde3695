import type { BatchClient, ODataQuery } from '@so-batch/client';
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

/** The page to ask for next (its OData options), or why the link must not be followed. */
function follow(link: string, target: Target, skip: number, followed: Set<string>): { query: ODataQuery } | { problem: string; kind: string } {
  let url: URL;
  try {
    url = new URL(link, target.baseUrl);
  } catch {
    return { problem: `The server's odata.nextLink is not a URL (${shown(link)})`, kind: 'paging' };
  }
  if (url.origin !== new URL(target.baseUrl).origin) {
    return { problem: `The server's odata.nextLink leads to another host (${shown(url.origin)}): so-batch does not follow it`, kind: 'other-host' };
  }
  if (followed.has(url.href)) return { problem: `The server's odata.nextLink leads back to a page already read (${shown(link)})`, kind: 'paging' };
  const query: Record<string, string | number> = {};
  for (const [key, value] of url.searchParams) query[key] = value;
  for (const key of ['$top', '$skip'] as const) {
    if (query[key] === undefined) continue;
    if (!/^\d{1,9}$/.test(String(query[key]))) return { problem: `The server's odata.nextLink has a ${key} that is not a count (${shown(String(query[key]))})`, kind: 'paging' };
    query[key] = Number(query[key]);
  }
  // Each page must start further on than the last: a link that changes but does not move would go on for ever.
  if (query.$skip !== undefined && (query.$skip as number) <= skip) {
    return { problem: `The server's odata.nextLink does not move forward ($skip ${query.$skip} after $skip ${skip})`, kind: 'paging' };
  }
  followed.add(url.href);
  return { query: query as ODataQuery };
}

export async function runQuery(client: BatchClient, target: Target, io: Io, json: boolean, options: QueryOptions, signal: AbortSignal): Promise<number> {
  let query: ODataQuery = {
    ...(options.select ? { $select: options.select } : {}),
    ...(options.filter ? { $filter: options.filter } : {}),
    ...(options.orderBy ? { $orderBy: options.orderBy } : {}),
    ...(options.top !== undefined ? { $top: options.top } : {}),
    ...(options.skip !== undefined ? { $skip: options.skip } : {}),
  };
  const table = json ? undefined : new StreamedTable(io);
  const document = json ? new StreamedJson(io) : undefined;
  const followed = new Set<string>();
  let pages = 0;
  let rows = 0;
  let next: string | undefined;
  let stop: CliFailure | undefined;
  for (;;) {
    const answer = await client.rest.getAll(query, { signal });
    if (answer.error) {
      // The first page failed: nothing was printed, the failure is reported as any other.
      if (pages === 0) throw describe(answer.error, target);
      stop = describe(answer.error, target);
      break;
    }
    let page;
    try {
      page = checkPage(answer.data, target);
    } catch (failure) {
      if (pages === 0 || !(failure instanceof CliFailure)) throw failure;
      stop = failure;
      break;
    }
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
    const soFar = `${plural(pages, 'page')} and ${plural(rows, 'row')}`;
    if (value.length === 0) {
      stop = new CliFailure(`The server sent an empty page that links to another (${shown(next)}): stopped after ${soFar}.`, EXIT.server, { kind: 'paging' });
      break;
    }
    if (rows >= options.maxRows) {
      stop = new CliFailure(`Stopped at ${rows} rows (--max-rows ${options.maxRows}): more rows follow. Raise --max-rows to read them.`, EXIT.partial, { kind: 'max-rows' });
      break;
    }
    if (pages >= options.maxPages) {
      stop = new CliFailure(`Stopped after ${plural(pages, 'page')} (--max-pages ${options.maxPages}): more rows follow. Raise --max-pages to read them.`, EXIT.partial, { kind: 'max-pages' });
      break;
    }
    const step = follow(next, target, Number(query.$skip ?? 0), followed);
    if ('problem' in step) {
      stop = new CliFailure(`${step.problem}${step.kind === 'other-host' ? '. Stopped' : ': stopped'} after ${soFar}.`, EXIT.server, { kind: step.kind });
      break;
    }
    query = step.query;
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
