import type { ModelTarget, RecordedRequest } from './http.ts';

// A failing sequence as a shell script of curl lines that replays it: the requests as they were
// sent, with the ids of tasks the sequence started held in shell variables (T1=$(curl ...)), so
// that the script works on a fresh target, where the new ids differ. Credentials are never
// printed: the mock's are its well-known test login, a real server's are `$SO_AUTH`-style
// placeholders the reader fills in. Steps on the mock's sandbox (its clock, job definitions and
// faults) are curl lines of its control API too, without credentials: it needs none. A start
// whose answer a fault took still started a task: its id is the one after the previous start's
// (the mock hands ids out in order), and the script computes it so, T2=$((T1 + 1)).

type Segment = { literal: string } | { variable: string };

/** One shell word from literal text and variables: 'text'"$VAR"'text'. */
function shellWord(segments: readonly Segment[]): string {
  const word = segments
    .filter((segment) => 'variable' in segment || segment.literal !== '')
    .map((segment) => ('variable' in segment ? `"$${segment.variable}"` : `'${segment.literal.replaceAll("'", `'\\''`)}'`))
    .join('');
  return word === '' ? `''` : word;
}

const ID_KEYS = new Set(['id', 'batchtaskid']);
const ID_LIST_KEYS = new Set(['batchtaskids']);
const MARK = '\u0001';

/** The body as JSON, the started ids in its id properties replaced by their variables. */
function bodySegments(body: unknown, variables: ReadonlyMap<number, string>): Segment[] {
  const swap = (value: unknown, key: string | undefined, inIdList: boolean): unknown => {
    if (typeof value === 'number' && (inIdList || (key !== undefined && ID_KEYS.has(key.toLowerCase()))) && variables.has(value)) {
      return `${MARK}${variables.get(value)}${MARK}`;
    }
    if (Array.isArray(value)) return value.map((item) => swap(item, undefined, key !== undefined && ID_LIST_KEYS.has(key.toLowerCase())));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v, k, false)]));
    return value;
  };
  const json = JSON.stringify(swap(body, undefined, false));
  const segments: Segment[] = [];
  const pattern = /"\\u0001(T\d+)\\u0001"/g;
  let at = 0;
  for (const match of json.matchAll(pattern)) {
    segments.push({ literal: json.slice(at, match.index) }, { variable: match[1]! });
    at = match.index + match[0].length;
  }
  segments.push({ literal: json.slice(at) });
  return segments;
}

/** The path, with a started id in a path segment replaced by its variable. */
function pathSegments(path: string, variables: ReadonlyMap<number, string>): Segment[] {
  const match = /^(\/api\/v1\/BatchTask\/)(\d+)(\/Stop)?$/.exec(path);
  const variable = match ? variables.get(Number(match[2])) : undefined;
  if (!match || !variable) return [{ variable: 'BASE' }, { literal: path }];
  return [{ variable: 'BASE' }, { literal: match[1]! }, { variable }, { literal: match[3] ?? '' }];
}

/** The query of a path, decoded, for a comment above its curl line. */
function readableQuery(path: string): string | undefined {
  const query = path.split('?')[1];
  if (!query) return undefined;
  return [...new URLSearchParams(query)].map(([name, value]) => `${name}=${value}`).join('  ');
}

/** A started id as shell arithmetic on the variable of the nearest id below it: $((T1 + 1)); the number itself when there is none. */
function idFrom(id: number, variables: ReadonlyMap<number, string>): string {
  const below = [...variables.keys()].filter((known) => known < id).sort((a, b) => b - a)[0];
  return below === undefined ? String(id) : `$((${variables.get(below)} + ${id - below}))`;
}

export function curlScript(transcript: readonly RecordedRequest[], target: ModelTarget): string {
  const variables = new Map<number, string>();
  const lines = [
    target.curlBase,
    ...(target.kind === 'real' ? ['# SO_AUTH: your Authorization header value, such as "SOTicket 7T:..." (the run read it from SO_TICKET, SO_TOKEN, SO_USER/SO_PASSWORD)'] : []),
  ];
  for (const request of transcript) {
    const query = readableQuery(request.path);
    if (query) lines.push(`# ${query}`);
    const credentials = request.control ? [] : target.curlCredentials;
    const words = ['curl', '-sS', ...(request.method === 'GET' ? [] : ['-X', request.method]), ...credentials, shellWord(pathSegments(request.path, variables))];
    if (request.body !== undefined) words.push('-H', `'Content-Type: application/json'`, '-d', shellWord(bodySegments(request.body, variables)));
    let line = words.join(' ');
    let derived: string | undefined;
    if (request.startedId !== undefined) {
      const name = `T${variables.size + 1}`;
      if (request.answerLost) derived = `${name}=${idFrom(request.startedId, variables)}; echo "${name}=$${name}"  # the answer was lost: the task it started has the next id`;
      else line = `${name}=$(${line}); echo "${name}=$${name}"`;
      variables.set(request.startedId, name);
    }
    const status = request.status !== undefined ? `  # ${request.status}${request.setup ? ' (setup)' : ''}` : request.dropped !== undefined ? '  # no answer: the connection was dropped' : '';
    lines.push(`${line}${status}`);
    if (derived) lines.push(derived);
    if (request.failure) lines.push(...request.failure.split('\n').map((text, index) => `#${index === 0 ? ' ^ broke the contract: ' : '   '}${text}`));
  }
  return lines.join('\n');
}
