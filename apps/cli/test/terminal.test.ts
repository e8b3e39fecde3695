import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/program.ts';
import { echoingServer, scriptedServer, type Step } from './scripted-server.ts';

// Which of stdout and stderr is a terminal cannot be chosen for a spawned process without a pty:
// these run the program in-process, with streams that say they are (or are not) terminals.

function stream(isTTY: boolean) {
  const out = Object.assign(new PassThrough(), { isTTY, columns: 100 });
  let text = '';
  out.on('data', (chunk) => (text += chunk));
  return { out, text: () => text };
}

async function runOn(terminals: { stdout: boolean; stderr: boolean }, args: string[], env: Record<string, string>) {
  const stdout = stream(terminals.stdout);
  const stderr = stream(terminals.stderr);
  const code = await run(args, { stdout: stdout.out, stderr: stderr.out, env }, new AbortController().signal, '1.0.0');
  await new Promise((resolveTick) => setImmediate(resolveTick));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const BAR = /\u2588/; // the bar's filled block
const TICKET = '7T:TERMINAL-TICKET-SECRET';
const succeeding: Step[] = [
  { State: 'New', ProgressPercent: 0, ProgressDescription: null },
  { State: 'Started', ProgressPercent: 60, ProgressDescription: 'Writing file' },
  { State: 'Succeeded', ProgressPercent: 100, ProgressDescription: 'Done', Result: '1200 rows exported' },
];

describe('the progress bar follows stderr, where it is drawn', () => {
  let server: Awaited<ReturnType<typeof scriptedServer>>;
  beforeAll(async () => {
    server = await scriptedServer({ 1: succeeding, 2: succeeding, 3: succeeding, 4: succeeding });
  });
  afterAll(() => server?.stop());
  const env = () => ({ SO_BASE_URL: server.url, SO_TICKET: TICKET });

  it('watch 1 > out.json on a terminal: the bar on stderr, only the result on stdout', async () => {
    const result = await runOn({ stdout: false, stderr: true }, ['watch', '1', '--interval', '20'], env());
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(BAR);
    expect(result.stderr).toMatch(/100% \| Succeeded \| Done/);
    expect(result.stderr).not.toContain('[  0%] New');
    expect(result.stdout).toBe('Succeeded: 1200 rows exported\n');
  });

  it('watch 1 --json > out.json on a terminal: the bar too, and the JSON alone on stdout', async () => {
    const result = await runOn({ stdout: false, stderr: true }, ['watch', '2', '--interval', '20', '--json'], env());
    expect(result.stderr).toMatch(BAR);
    expect(JSON.parse(result.stdout).State).toBe('Succeeded');
  });

  it('watch 1 2>err.log on a terminal: plain progress lines, no escape codes', async () => {
    const result = await runOn({ stdout: true, stderr: false }, ['watch', '3', '--interval', '20'], env());
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('[  0%] New\n[ 60%] Started: Writing file\n[100%] Succeeded: Done\n');
    expect(result.stdout).toBe('Succeeded: 1200 rows exported\n');
  });

  it('NO_COLOR: plain lines even on a terminal', async () => {
    const result = await runOn({ stdout: true, stderr: true }, ['watch', '4', '--interval', '20'], { ...env(), NO_COLOR: '1' });
    expect(result.stderr).toBe('[  0%] New\n[ 60%] Started: Writing file\n[100%] Succeeded: Done\n');
  });
});

describe('on a terminal too, nothing printed shows a credential', () => {
  let server: Awaited<ReturnType<typeof echoingServer>>;
  beforeAll(async () => {
    server = await echoingServer();
  });
  afterAll(() => server?.stop());

  it('the bar, the table and the result', async () => {
    for (const args of [['watch', '1', '--interval', '20'], ['get', '1']]) {
      const result = await runOn({ stdout: true, stderr: true }, args, { SO_BASE_URL: server.url, SO_TICKET: TICKET });
      expect(result.code, result.stderr).toBe(0);
      expect(`${result.stdout}${result.stderr}`).toContain('[redacted]');
      expect(`${result.stdout}${result.stderr}`).not.toContain(TICKET);
    }
  });
});
