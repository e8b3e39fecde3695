import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../src/program.ts';
import { cli, onTerminal, visibleLines } from './helpers.ts';
import { answeringServerPerFile, fullTask, type Answer, type Received } from './scripted-server.ts';

// A server that answers spec-shaped but hostile text: escape sequences that clear the screen, set
// the window title, write the clipboard (OSC 52) or hide a link; CR that overwrites what was
// printed; LF and TAB inside a cell; C1 controls; bidi overrides. Every command, every output
// path for people: none of it reaches the terminal as it came, each is shown escaped.

const HOSTILE = 'A\u001b]0;pwned\u0007\u001b[2J\u001b]52;c;Y2xpcA==\u0007\u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\\rB\nC\tD\u007f\u0085\u009b31m\u202eevil\u2066x\u2069\u200f\u061c';
// What each shows as: the controls escaped, the rest as it was.
const SHOWN = [
  'A\\x1b]0;pwned\\x07\\x1b[2J\\x1b]52;c;Y2xpcA==\\x07',
  '\\x1b]8;;http://evil.example\\x1b\\link\\x1b]8;;\\x1b\\',
  '\\rB\\nC\\tD\\x7f\\x85\\x9b31m\\u202eevil\\u2066x\\u2069\\u200f\\u061c',
];
// Anything that drives a terminal; LF only ends the CLI's own lines.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// The colours the CLI itself draws on a terminal (SGR), which are not the server's.
// eslint-disable-next-line no-control-regex
const OWN_COLOURS = /\u001b\[[0-9;]*m/g;

function expectShownEscaped(text: string, whole = true): void {
  expect(text.replace(OWN_COLOURS, '')).not.toMatch(RAW_CONTROL);
  if (whole) for (const part of SHOWN) expect(text).toContain(part);
  else expect(text).toContain(SHOWN[0]!.slice(0, 12));
}

const TICKET = '7T:HOSTILE-TICKET';
const hostileTask = fullTask({ Id: 189, Name: HOSTILE, State: 'Started', ProgressPercent: 40, ProgressDescription: HOSTILE, Description: HOSTILE, Result: HOSTILE, ParameterObject: { [HOSTILE]: HOSTILE } });
const hostileError = (status = 500): Answer => ({ status, json: { Error: true, ErrorType: 'Exception', ErrorMessage: HOSTILE, ErrorSource: HOSTILE } });

/** Spec-shaped answers full of HOSTILE; `failing` answers every call with a 500 whose message is HOSTILE. */
function hostileServer(failing: boolean, final = 'Succeeded') {
  return (request: Received): Answer => {
    if (failing) return hostileError();
    const call = request.path.replace(/^\/api\/v1\/(Agents\/Batch\/)?/, '');
    if (call === 'GetBatchTaskInfo') return { json: { ...hostileTask, State: final, ProgressPercent: 100 } };
    if (call === 'GetBatchTaskInfosByState') return { json: [hostileTask] };
    if (call === 'BatchTask') return { json: { value: [{ PrimaryKey: 1, EntityName: 'batchtask', [HOSTILE]: HOSTILE }] } };
    if (call === 'StartBatchJob') return { json: 77 };
    if (call === 'UpdateBatchTask') return { json: hostileTask };
    return hostileError();
  };
}

const script = answeringServerPerFile(hostileServer(false));
const env = () => ({ SO_BASE_URL: script.server.url, SO_TICKET: TICKET });

describe("a server's text never drives the terminal: shown escaped, every command and output path", () => {
  it.each([
    ['get: the property list', ['get', '189']],
    ['list: the table', ['list']],
    ['query: the table, and column names taken from the rows', ['query']],
    ['update: the property list', ['update', '189', '--state', 'Failed']],
  ])('%s, piped', async (_, args) => {
    script.answer = hostileServer(false);
    const result = await cli(args, env());
    expect(result.code, result.stderr).toBe(0);
    expectShownEscaped(result.stdout);
    expect(result.stderr).toBe('');
  });

  it.each([
    ['get: the property list', ['get', '189']],
    ['list: the table', ['list']],
    ['query: the table and its column names', ['query']],
    ['update: the property list', ['update', '189', '--description', 'x']],
  ])('%s, on a 100-column terminal with colours: cut to fit, still escaped', async (_, args) => {
    script.answer = hostileServer(false);
    const result = await onTerminal(args, env(), { columns: 100 });
    expect(result.code, result.stderr).toBe(0);
    expectShownEscaped(result.stdout, false);
    for (const line of visibleLines(result.stdout)) expect([...line].length).toBeLessThanOrEqual(100);
  });

  it('watch: the progress lines and the result line', async () => {
    script.answer = hostileServer(false);
    const result = await cli(['watch', '189', '--interval', '20'], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(`[100%] Succeeded: ${SHOWN.join('')}\n`);
    expect(result.stdout).toBe(`Succeeded: ${SHOWN.join('')}\n`);
  });

  it('watch: the progress bar on a terminal', async () => {
    script.answer = hostileServer(false);
    const result = await onTerminal(['watch', '189', '--interval', '20'], env(), { stderrTTY: true, stdoutTTY: false });
    expect(result.code, result.stderr).toBe(0);
    // The bar's own cursor control is the CLI's; none of the server's sequences get through.
    expect(result.stderr).toContain(SHOWN[0]!.slice(0, 20));
    for (const raw of ['\u001b]', '\u0007', '\u0085', '\u009b', '\u202e', '\u2066', '\u200f', '\u061c', '\u007f']) expect(result.stderr).not.toContain(raw);
  });

  it('watch: a Failed task, its result line', async () => {
    script.answer = hostileServer(false, 'Failed');
    const result = await cli(['watch', '189', '--interval', '20'], env());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`Failed: ${SHOWN.join('')}\n`);
  });

  it('start --watch: "Started task", the progress lines and the result', async () => {
    script.answer = hostileServer(false);
    const result = await cli(['start', '--name', 'ExportJob', '--watch', '--interval', '20'], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(`Started task 77\n[100%] Succeeded: ${SHOWN.join('')}\n`);
    expectShownEscaped(result.stdout);
  });

  it('--json stays exact: the server\'s strings as sent', async () => {
    script.answer = hostileServer(false);
    const result = await cli(['get', '189', '--json'], env());
    expect(JSON.parse(result.stdout).Description).toBe(HOSTILE);
    expect(JSON.parse((await cli(['query', '--json'], env())).stdout).value[0][HOSTILE]).toBe(HOSTILE);
  });

  it.each([
    ['get', ['get', '189']],
    ['list', ['list']],
    ['query', ['query']],
    ['watch', ['watch', '189']],
    ['start', ['start', '--name', 'ExportJob']],
    ['stop', ['stop', '189']],
    ['update', ['update', '189', '--state', 'Failed']],
    ['delete', ['delete', '189', '--yes']],
  ])("%s: the server's error message (HTTP 500) is shown escaped, on one line", async (_, args) => {
    script.answer = hostileServer(true);
    const result = await cli(args, env());
    expect(result.code).toBe(6);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`so-batch: The server answered HTTP 500: ${SHOWN.join('')}.\n`);
  });

  it('a 401 and a 404 that quote the server: escaped too', async () => {
    for (const status of [401, 404]) {
      script.answer = () => hostileError(status);
      const result = await cli(['get', '189'], env());
      expectShownEscaped(result.stderr);
    }
  });

  it('an answer that is not a task, quoted in "not a SuperOffice Batch answer": escaped (JSON leaves C1 and bidi raw)', async () => {
    script.answer = () => ({ json: { Note: '\u202eevil\u0085\u009b2J' } });
    const result = await cli(['get', '189'], env());
    expect(result.code).toBe(6);
    expect(result.stderr).toContain('\\u202eevil\\x85\\x9b2J');
    expect(result.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('an internal error is never reported as a server failure', () => {
  it('a fault of so-batch itself (here: writing stdout throws): its own exit code and words, not exit 6', async () => {
    script.answer = hostileServer(false);
    const stdout = Object.assign(new PassThrough(), { isTTY: false });
    stdout.write = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    const stderr = new PassThrough();
    let said = '';
    stderr.on('data', (chunk) => (said += chunk));
    const code = await run(['get', '189'], { stdout, stderr, env: env() }, new AbortController().signal, '1.0.0');
    expect(code).toBe(70);
    expect(said).toMatch(/^so-batch: internal error in so-batch: RangeError: Maximum call stack size exceeded\. This is a bug in so-batch, not a server failure: please report it/);
  });

  it('--help lists exit 70', async () => {
    const result = await cli(['--help']);
    expect(result.stdout).toMatch(/\n {2}70 {3}internal error in so-batch/);
  });
});
