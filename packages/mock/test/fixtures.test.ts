import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath, readFixtureFile } from '../src/index.ts';
import { FixtureError, loadFixtures } from '../src/seed.ts';
import { loadSpec } from '../src/spec.ts';
import { TaskStore } from '../src/store.ts';

// Fixture files are read as a request is: what a client cannot send, a file cannot load either,
// and nothing in a file (or in the system file a path leads to) is echoed in a message.

const doc = loadSpec();
const dir = mkdtempSync(join(tmpdir(), 'so-batch-hostile-fixtures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const good = (n: number) => Array.from({ length: n }, (_, i) => ({ Id: i + 1, Name: `Job ${i + 1}`, State: 'Succeeded' }));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
/** The error readFixtureFile throws, as a FixtureError (anything else fails the test). */
function refusal(path: string, options = {}): string {
  try {
    readFixtureFile(doc, path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(FixtureError);
    return (error as Error).message;
  }
  throw new Error(`${path} was loaded`);
}

describe('only a regular file of bounded size is read', () => {
  it('a FIFO is refused at once, without waiting for a writer', async () => {
    const fifo = join(dir, 'tasks.fifo');
    await new Promise<void>((done, fail) => spawn('mkfifo', [fifo]).once('exit', (code) => (code === 0 ? done() : fail(new Error(`mkfifo exited ${code}`)))));
    // Before: the read waited for a writer forever. Run in a child so that a hang fails the test instead of wedging it.
    const child = spawn(process.execPath, ['-e', `import(${JSON.stringify(new URL('../src/index.ts', import.meta.url).href)}).then(m => { try { m.readFixtureFile(m.loadSpec(), ${JSON.stringify(fifo)}) } catch (e) { console.log(e.message) } })`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    const code = await new Promise<number | string>((done) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        done('hung');
      }, 20_000);
      child.once('exit', (exitCode) => {
        clearTimeout(timer);
        done(exitCode ?? 'killed');
      });
    });
    expect(code).toBe(0);
    expect(out).toMatch(/tasks\.fifo: a FIFO \(named pipe\); MOCK_TASKS names a regular file of JSON\./);
  }, 30_000);

  it('a directory and /dev/zero are refused with what they are', () => {
    mkdirSync(join(dir, 'folder'), { recursive: true });
    expect(refusal(join(dir, 'folder'))).toMatch(/folder: a directory; MOCK_TASKS names a regular file/);
    expect(refusal('/dev/zero')).toBe('/dev/zero: a character device; MOCK_TASKS names a regular file of JSON.');
  });

  it('a file over the size cap is refused before it is read, naming the cap and its option', () => {
    const path = file('big.json', JSON.stringify(good(50)));
    expect(refusal(path, { maxFileBytes: 100 })).toMatch(/big\.json: \d+ bytes; the mock reads at most 100 bytes of fixtures \(maxFileBytes\)\./);
  });
});

describe('strict UTF-8, a byte-order mark accepted', () => {
  it('invalid UTF-8 is refused naming the byte offset', () => {
    const bytes = Buffer.concat([Buffer.from('[{"Id": 1, "Name": "Caf'), Buffer.from([0xe9]), Buffer.from('", "State": "New"}]')]);
    expect(refusal(file('latin1.json', bytes))).toMatch(/latin1\.json: not UTF-8: the bytes at offset 23 are not a UTF-8 character\./);
    // An overlong encoding of '/' and a lone surrogate are not UTF-8 either.
    expect(refusal(file('overlong.json', Buffer.from([0x5b, 0xc0, 0xaf, 0x5d])))).toMatch(/offset 1 /);
    expect(refusal(file('surrogate.json', Buffer.from([0x5b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x5d])))).toMatch(/offset 2 /);
  });

  it('a byte-order mark is skipped', () => {
    const path = file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(good(2)))]));
    expect(readFixtureFile(doc, path).map((task) => task.Name)).toEqual(['Job 1', 'Job 2']);
  });
});

describe('a file that is not JSON is placed, never quoted', () => {
  it.each([
    ['prose.json', 'SECRET-WORDS are not JSON', /prose\.json: not JSON: expected a value \(.*\) at line 1, column 1\./],
    ['comma.json', '[\n  {"Id": 1, "Name": "SECRET-WORDS"}\n  {"Id": 2}\n]', /comma\.json: not JSON: expected ',' or '\]' at line 3, column 3\./],
    ['cut.json', '[{"Id": 1, "Name": "SECRET-WORDS', /cut\.json: not JSON: unexpected end of the file at line 1, column 33\./],
    ['key.json', '[{SECRET: 1}]', /key\.json: not JSON: expected a property name in double quotes at line 1, column 3\./],
  ])('%s', (name, content, message) => {
    const text = refusal(file(name, content));
    expect(text).toMatch(message);
    expect(text).not.toMatch(/SECRET/);
  });

  it('a symlink to a system file shows nothing of it', () => {
    const link = join(dir, 'passwd.json');
    symlinkSync('/etc/passwd', link);
    const text = refusal(link);
    expect(text).toMatch(/passwd\.json: not JSON: .* at line 1, column \d+\./);
    expect(text).not.toMatch(/root|bin|nologin|:x:/);
  });

  it('a task\'s own keys are not echoed either', () => {
    const text = refusal(file('keys.json', JSON.stringify([{ Id: 1, Name: 'x', State: 'New', FieldProperties: { SECRETKEY: { FieldLength: 'long' } } }])));
    expect(text).toMatch(/keys\.json\[0\] \(Id 1\): FieldProperties\.\* must /);
    expect(text).not.toMatch(/SECRET/);
  });
});

describe('the caps requests get hold for fixtures, and the message names the task and the property', () => {
  it('a ParameterObject nested thousands deep is refused at the depth limit, naming the task', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    const tasks = [...good(2), { Id: 3, Name: 'Deep', State: 'New', ParameterObject: deep }];
    // Before: "Maximum call stack size exceeded" from the validator, naming nothing. JSON.stringify
    // of the file would overflow too: this file is written by hand.
    const text = `[${JSON.stringify(tasks.slice(0, 2)).slice(1, -1)},{"Id":3,"Name":"Deep","State":"New","ParameterObject":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}]`;
    expect(refusal(file('deep.json', text))).toMatch(/deep\.json\[2\] \(Id 3\): ParameterObject nests more than 64 levels deep, the limit a request gets \(depthLimit\)\./);
    expect(() => loadFixtures(doc, tasks)).toThrow(/tasks\[2\] \(Id 3\): ParameterObject nests more than 64 levels deep/);
  });

  it('a string over maxStringLength is refused, naming the task and the property', () => {
    const tasks = [...good(1), { Id: 2, Name: 'Long', State: 'New', Description: 'x'.repeat(8193) }];
    expect(() => loadFixtures(doc, tasks)).toThrow(/tasks\[1\] \(Id 2\): Description is 8193 characters long; the mock stores at most 8192 \(maxStringLength\)/);
    expect(loadFixtures(doc, tasks, { maxString: 10_000 })).toHaveLength(2);
  });

  it('a ParameterObject value that is not a string is refused, as for a request, without echoing the key', () => {
    const tasks = [...good(1), { Id: 2, Name: 'Counted', State: 'New', ParameterObject: { Folder: 'exports', SECRETCOUNT: 3 } }];
    expect(() => loadFixtures(doc, tasks)).toThrow(/tasks\[1\] \(Id 2\): ParameterObject\.\* must be string\./);
    expect(() => loadFixtures(doc, tasks)).not.toThrow(/SECRET/);
  });

  it('a ParameterObject over 16 KiB of JSON is refused', () => {
    const tasks = [{ Id: 1, Name: 'Big', State: 'New', ParameterObject: { a: 'x'.repeat(8000), b: 'y'.repeat(8000), c: 'z'.repeat(800) } }];
    expect(() => loadFixtures(doc, tasks)).toThrow(/tasks\[0\] \(Id 1\): ParameterObject is \d+ bytes of JSON; the mock stores at most 16384/);
  });

  it('more tasks than maxTasks are refused with a message that names the option, never dropped', () => {
    // Before: the store kept the last 1000 and said nothing.
    expect(() => loadFixtures(doc, good(1001))).toThrow(
      'tasks: 1001 tasks, more than the 1000 the store keeps (maxTasks). Raise maxTasks to at least 1001: startMock({ maxTasks }), or MOCK_MAX_TASKS for so-batch-mock and pnpm dev.',
    );
    expect(loadFixtures(doc, good(1001), { maxTasks: 1001 })).toHaveLength(1001);
    expect(() => new TaskStore(loadFixtures(doc, good(1001), { maxTasks: 1001 }))).toThrow(/more than maxTasks \(1000\)/);
  });
});

const NESTED_FIELDS = { fieldName: { FieldRight: { Mask: 'FULL', Reason: '' }, FieldType: 'System.String', FieldLength: 10 } };

describe('checked once', () => {
  it('loadFixtures answers frozen tasks, takes them back without a second check, and checks again under tighter caps', () => {
    const tasks = loadFixtures(doc, [...good(2), { Id: 3, Name: 'Long', State: 'New', Description: 'x'.repeat(100), ParameterObject: { a: '1' }, FieldProperties: NESTED_FIELDS }], { maxTasks: 3 });
    expect(Object.isFrozen(tasks)).toBe(true);
    expect(Object.isFrozen(tasks[2])).toBe(true);
    expect(Object.isFrozen(tasks[2]!.ParameterObject)).toBe(true);
    // Frozen all the way down (ParameterObject holds only strings; FieldProperties nests).
    expect(Object.isFrozen((tasks[2]!.FieldProperties as typeof NESTED_FIELDS).fieldName.FieldRight)).toBe(true);
    // What the bin does: read the file, then hand its tasks to startMock.
    expect(loadFixtures(doc, tasks, { maxTasks: 3 })).toBe(tasks);
    expect(() => loadFixtures(doc, tasks, { maxTasks: 2 })).toThrow(/3 tasks, more than the 2 the store keeps \(maxTasks\)/);
    expect(() => loadFixtures(doc, tasks, { maxTasks: 3, maxString: 50 })).toThrow(/tasks\[2\] \(Id 3\): Description is 100 characters long/);
    // A store takes them as they are, and a reset gives them back unchanged after an update.
    const store = new TaskStore(tasks, { maxTasks: 3 });
    store.update(3, { Description: 'changed' });
    store.reset();
    expect(store.get(3)).toMatchObject({ Description: 'x'.repeat(100), ParameterObject: { a: '1' }, FieldProperties: NESTED_FIELDS });
  });
});

describe('a relative MOCK_TASKS is read from where the command was run', () => {
  it('pnpm\'s INIT_CWD, else the working directory; under turbo, the directory turbo ran in', () => {
    expect(fixturePath('tasks.json', { INIT_CWD: '/home/me/work' }, '/repo/packages/mock')).toBe('/home/me/work/tasks.json');
    expect(fixturePath('tasks.json', {}, '/home/me')).toBe('/home/me/tasks.json');
    expect(fixturePath('tasks.json', { INIT_CWD: '/repo/packages/mock', TURBO_INVOCATION_DIR: '/repo' }, '/repo/packages/mock')).toBe('/repo/tasks.json');
    expect(fixturePath('/abs/tasks.json', { INIT_CWD: '/home/me' })).toBe('/abs/tasks.json');
  });
});

describe('MOCK_TASKS and MOCK_MAX_TASKS in so-batch-mock and pnpm dev', () => {
  /** Runs an entry point of the package until it exits (each of these exits before it serves anything). */
  async function run(entry: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
    const { TURBO_INVOCATION_DIR: _turbo, INIT_CWD: _init, ...inherited } = process.env;
    const child = spawn(process.execPath, [entry], { cwd: fileURLToPath(new URL('..', import.meta.url)), env: { ...inherited, MOCK_PORT: '0', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    return { code, stderr };
  }

  it.each(['bin/so-batch-mock.js', 'src/dev.ts'])('%s reads a relative path from where the command was run, and says how to raise maxTasks', async (entry) => {
    const here = mkdtempSync(join(dir, 'cwd-'));
    writeFileSync(join(here, 'tasks.json'), JSON.stringify(good(3)));
    // Before: the path was read from packages/mock (ENOENT), and tasks past maxTasks were dropped.
    const over = await run(entry, { MOCK_TASKS: 'tasks.json', INIT_CWD: here, MOCK_MAX_TASKS: '2' });
    expect(over.code).toBe(2);
    expect(over.stderr).toContain(`MOCK_TASKS: ${join(here, 'tasks.json')}: 3 tasks, more than the 2 the store keeps (maxTasks). Raise maxTasks to at least 3: startMock({ maxTasks }), or MOCK_MAX_TASKS`);
    const bad = await run(entry, { MOCK_MAX_TASKS: 'lots' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('MOCK_MAX_TASKS must be a whole number of tasks (1-10000000), not "lots".');
  }, 60_000);
});
