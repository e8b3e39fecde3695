// The docs' browser test drives Debian's Chromium. A fresh machine has none, and a user runs the
// README's `pnpm test`, not .ci/run, so the test setup installs it (apt-get, as root) when it is
// missing, and otherwise says exactly what to do. Why Debian's package rather than a browser inside
// an npm tarball: @sparticuz/chromium 153, which does ship a Linux Chromium, is a 70 MB download
// on every `pnpm install` (docs or not), one x64 binary, a headless-shell build for serverless
// hosts that needs its own NSS libraries put on LD_LIBRARY_PATH, and an older Chromium (153) than
// the one this test and its CSP checks were written against (Debian's 156, kept patched by Debian).
import { execFileSync, spawnSync } from 'node:child_process';

export type ChromiumSetup =
  | { kind: 'found'; path: string }
  | { kind: 'installed'; path: string }
  | { kind: 'not-root'; message: string }
  | { kind: 'no-apt'; message: string }
  | { kind: 'install-failed'; message: string };

export interface ChromiumHost {
  /** The path of a chromium on the PATH, if any. */
  findChromium(): string | undefined;
  isRoot(): boolean;
  hasAptGet(): boolean;
  /** Runs a command; resolves with its exit status and the last of its output. */
  run(command: string, args: string[]): { status: number | null; output: string };
  log(message: string): void;
}

const INSTALL_BY_HAND = 'sudo apt-get install -y chromium';
// Waits for another apt to finish rather than failing at once on its lock.
const APT_OPTIONS = ['-o', 'DPkg::Lock::Timeout=300', '-q'];

export function ensureChromium(host: ChromiumHost = realHost): ChromiumSetup {
  const found = host.findChromium();
  if (found) return { kind: 'found', path: found };
  if (!host.hasAptGet()) {
    return { kind: 'no-apt', message: 'No chromium on the PATH, and no apt-get to install it: install Chromium so that `chromium` is on the PATH (Debian/Ubuntu: the `chromium` package), then run the tests again.' };
  }
  if (!host.isRoot()) {
    return { kind: 'not-root', message: `No chromium on the PATH, and installing it needs root: run \`${INSTALL_BY_HAND}\`, then run the tests again.` };
  }
  host.log('No chromium on the PATH: installing Debian\'s chromium for the docs browser test (apt-get update, apt-get install chromium)...');
  for (const args of [['update', ...APT_OPTIONS], ['install', '-y', ...APT_OPTIONS, 'chromium']]) {
    const result = host.run('apt-get', args);
    if (result.status !== 0) {
      return { kind: 'install-failed', message: `\`apt-get ${args[0]}\` failed (exit ${result.status}) while installing chromium for the docs browser test; install it by hand (\`${INSTALL_BY_HAND}\`). Its last output:\n${result.output}` };
    }
  }
  const path = host.findChromium();
  if (!path) return { kind: 'install-failed', message: `apt-get installed chromium, but there is still no \`chromium\` on the PATH (${process.env.PATH ?? ''}).` };
  host.log(`Installed ${path}.`);
  return { kind: 'installed', path };
}

const realHost: ChromiumHost = {
  findChromium() {
    try {
      return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      return undefined;
    }
  },
  isRoot: () => process.getuid?.() === 0,
  hasAptGet: () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0,
  run(command, args) {
    // In a session of its own: when turbo stops the run (another task failed), its signal reaches
    // vitest but not a dpkg half way through an install, which would leave the system's packages
    // broken. The install then finishes on its own.
    const shielded = spawnSync('sh', ['-c', 'command -v setsid'], { stdio: 'ignore' }).status === 0;
    const result = spawnSync(shielded ? 'setsid' : command, shielded ? ['--wait', command, ...args] : args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 64 << 20 });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
    return { status: result.status, output: output.trim().split('\n').slice(-15).join('\n') };
  },
  log: (message) => console.error(message),
};
