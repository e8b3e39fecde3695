import { describe, expect, it } from 'vitest';
import { ensureChromium, type ChromiumHost } from './ensure-chromium.ts';

/** A host that records the commands run; `installs` says whether apt-get install brings chromium. */
function fakeHost(options: { present?: boolean; root?: boolean; apt?: boolean; failing?: string; installs?: boolean }) {
  let present = options.present ?? false;
  const commands: string[] = [];
  const host: ChromiumHost = {
    findChromium: () => (present ? '/usr/bin/chromium' : undefined),
    isRoot: () => options.root ?? true,
    hasAptGet: () => options.apt ?? true,
    run(command, args) {
      commands.push(`${command} ${args.join(' ')}`);
      if (args[0] === options.failing) return { status: 100, output: 'E: Unable to locate package chromium' };
      if (args[0] === 'install' && (options.installs ?? true)) present = true;
      return { status: 0, output: '' };
    },
    log: () => {},
  };
  return { host, commands };
}

describe('ensureChromium', () => {
  it('uses the chromium on the PATH and installs nothing', () => {
    const { host, commands } = fakeHost({ present: true });
    expect(ensureChromium(host)).toEqual({ kind: 'found', path: '/usr/bin/chromium' });
    expect(commands).toEqual([]);
  });

  it('installs Debian\'s chromium when it is missing and we are root', () => {
    const { host, commands } = fakeHost({});
    expect(ensureChromium(host)).toEqual({ kind: 'installed', path: '/usr/bin/chromium' });
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/^apt-get update /);
    expect(commands[1]).toMatch(/^apt-get install -y .*chromium$/);
  });

  it('says what to run when it is not root', () => {
    const { host, commands } = fakeHost({ root: false });
    const result = ensureChromium(host);
    expect(result.kind).toBe('not-root');
    expect(result.kind !== 'found' && result.kind !== 'installed' && result.message).toContain('sudo apt-get install -y chromium');
    expect(commands).toEqual([]);
  });

  it('says what to install where there is no apt-get', () => {
    const result = ensureChromium(fakeHost({ apt: false }).host);
    expect(result.kind).toBe('no-apt');
  });

  it('names the failing apt-get step and shows its output', () => {
    const result = ensureChromium(fakeHost({ failing: 'install' }).host);
    expect(result.kind).toBe('install-failed');
    const message = result.kind === 'install-failed' ? result.message : '';
    expect(message).toContain('`apt-get install` failed (exit 100)');
    expect(message).toContain('Unable to locate package chromium');
  });

  it('fails when the install leaves no chromium on the PATH', () => {
    const result = ensureChromium(fakeHost({ installs: false }).host);
    expect(result.kind).toBe('install-failed');
  });
});
