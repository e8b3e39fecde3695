// Builds a package's dist/ and guards its packing; shared by @so-batch/mock and @so-batch/client.
//
//   node dist.ts build [--copy <module specifier>=<file in dist>]...
//     empties dist/, compiles tsconfig.build.json with tsc, copies the given files in, and
//     records in dist/.build-inputs what it was built from (a hash of the sources and options).
//   node dist.ts check
//     (prepack) fails, saying what to run, when dist/ is missing or was built from other sources.
//
// Run from the package's folder (what pnpm does for a package's scripts).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const packageDir = process.cwd();
const dist = join(packageDir, 'dist');
const stampPath = join(dist, '.build-inputs');
const packageName = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { name: string }).name;
const buildCommand = `pnpm --filter ${packageName} build`;

/** The files tsconfig.build.json compiles (its include and exclude applied), and its resolved options. */
function buildInputs(copies: string[]): { files: string[]; options: unknown } {
  const configPath = join(packageDir, 'tsconfig.build.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`Cannot read ${configPath}`);
  const { configFilePath: _ignored, ...options } = parsed.options;
  return { files: [...parsed.fileNames, ...copies].sort(), options };
}

function hashOf(inputs: { files: string[]; options: unknown }): string {
  const hash = createHash('sha256');
  // Options carry absolute paths (outDir, rootDir...): the same build in another clone is the same.
  hash.update(JSON.stringify(inputs.options, (_key, value: unknown) => (typeof value === 'string' && value.startsWith('/') ? relative(packageDir, value) : value)));
  for (const file of inputs.files) {
    hash.update(`\0${relative(packageDir, file)}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function parseCopies(args: string[]): { from: string; to: string }[] {
  const require = createRequire(join(packageDir, 'package.json'));
  const copies: { from: string; to: string }[] = [];
  for (let index = 0; index < args.length; index++) {
    if (args[index] !== '--copy') throw new Error(`Unknown argument: ${args[index]}`);
    const [specifier, to] = (args[++index] ?? '').split('=');
    if (!specifier || !to) throw new Error('--copy takes <module specifier>=<file in dist>');
    let from: string;
    try {
      from = require.resolve(specifier);
    } catch {
      throw new Error(`Cannot find ${specifier}: build what provides it first (pnpm build does).`);
    }
    copies.push({ from, to: join(dist, to) });
  }
  return copies;
}

function build(args: string[]): void {
  const copies = parseCopies(args);
  rmSync(dist, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: packageDir, stdio: 'inherit' });
  for (const copy of copies) copyFileSync(copy.from, copy.to);
  const inputs = buildInputs(copies.map((copy) => copy.from));
  writeFileSync(stampPath, `${JSON.stringify({ sha256: hashOf(inputs), copies: copies.map((copy) => relative(packageDir, copy.from)) }, null, 2)}\n`);
}

function check(): void {
  if (!existsSync(stampPath)) {
    throw new Error(`${packageName}: dist/ is missing or was not built by its build script; run \`${buildCommand}\` before packing.`);
  }
  const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as { sha256: string; copies: string[] };
  const copies = stamp.copies.map((file) => resolve(packageDir, file));
  const missing = copies.find((file) => !existsSync(file));
  if (missing) throw new Error(`${packageName}: ${relative(packageDir, missing)} is gone since dist/ was built; run \`${buildCommand}\` before packing.`);
  if (hashOf(buildInputs(copies)) !== stamp.sha256) {
    throw new Error(`${packageName}: dist/ is stale (its sources or build options changed since it was built); run \`${buildCommand}\` before packing.`);
  }
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'build') build(rest);
  else if (command === 'check') check();
  else throw new Error('Usage: node dist.ts build [--copy <specifier>=<file>]... | check');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
