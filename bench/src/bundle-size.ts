import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

export interface ModuleWeight {
  /** The module, as a path inside its package (client/dist/core.js, openapi-fetch/...). */
  module: string;
  /** Its minified bytes in the output. */
  bytes: number;
}

export interface LoadedFile {
  /** Its gzipped (-9) bytes, as a server sends it. */
  gzipBytes: number;
  /** Its modules, heaviest first (minified bytes). */
  modules: ModuleWeight[];
  /** Imported only for its evaluation (`import"./chunk.js"`): the call uses none of its exports. */
  bareImport: boolean;
}

export interface BundleFigures {
  name: string;
  /** What the call loads before it is made: the entry and the chunks it imports statically. */
  minifiedBytes: number;
  /** The same files, each gzipped (-9) as a server would send them, summed. */
  gzipBytes: number;
  /** Code split off, loaded only when something fails (or a redirect, a token function, per-call headers). */
  lazyGzipBytes: number;
  /** The modules of the loaded files, heaviest first (esbuild's metafile). */
  modules: ModuleWeight[];
  /** The modules of the lazy chunks. */
  lazyModules: ModuleWeight[];
  /** Each file loaded for the call, heaviest first. */
  loadedFiles: LoadedFile[];
}

const BASE = "'https://online.superoffice.com/Cust1'";

// The same entry shape for each: create a client, make one call, use the answer. Most make one
// GetBatchTaskInfo call; the two archive entries make the same GetAll query, one as a raw $filter
// and one typed (the README's "my failed exports of last week"), to weigh what typing it costs.
const ENTRIES: Record<string, string> = {
  'openapi-fetch alone (the floor)': `
    import createClient from 'openapi-fetch';
    const client = createClient({ baseUrl: ${BASE}, headers: { Authorization: 'SOTicket t' } });
    client.POST('/api/v1/Agents/Batch/GetBatchTaskInfo', { body: { Id: 189 } }).then(({ data }) => console.log(data));`,
  '@so-batch/client, one function (getBatchTaskInfo)': `
    import { createBatchCore } from '@so-batch/client/core';
    import { getBatchTaskInfo } from '@so-batch/client/agents';
    const client = createBatchCore({ baseUrl: ${BASE}, auth: { scheme: 'SOTicket', ticket: 't' } });
    getBatchTaskInfo(client, 189).then(({ data }) => console.log(data));`,
  '@so-batch/client, one getAll call (raw $filter)': `
    import { createBatchCore } from '@so-batch/client/core';
    import { getAll } from '@so-batch/client/rest';
    const client = createBatchCore({ baseUrl: ${BASE}, auth: { scheme: 'SOTicket', ticket: 't' } });
    getAll(client, {
      $select: 'batchTaskId,name,created,result',
      $filter: "name begins 'Export' and state eq Failed and associateId currentAssociate and created lastWeek",
      $orderBy: 'created desc',
      $top: 20,
    }).then(({ data }) => console.log(data));`,
  '@so-batch/client, one typed archive query (archiveQuery + queryArchive)': `
    import { createBatchCore } from '@so-batch/client/core';
    import { archiveQuery, queryArchive } from '@so-batch/client/archive';
    const client = createBatchCore({ baseUrl: ${BASE}, auth: { scheme: 'SOTicket', ticket: 't' } });
    const query = archiveQuery({
      select: ['batchTaskId', 'name', 'created', 'result'],
      filter: [['name', 'begins', 'Export'], ['state', 'eq', 'Failed'], ['associateId', 'currentAssociate'], ['created', 'lastWeek']],
      orderBy: [['created', 'desc']],
      top: 20,
    });
    queryArchive(client, query).then(({ data }) => console.log(data));`,
  '@so-batch/client, createBatchClient()': `
    import { createBatchClient } from '@so-batch/client';
    const client = createBatchClient({ baseUrl: ${BASE}, auth: { scheme: 'SOTicket', ticket: 't' } });
    client.getBatchTaskInfo(189).then(({ data }) => console.log(data));`,
  '@superoffice/webapi': `
    import { BatchAgent } from '@superoffice/webapi';
    const agent = new BatchAgent({ baseUrl: ${BASE} + '/api/', axiosConfig: { headers: { Authorization: 'SOTicket t' } } });
    agent.getBatchTaskInfoAsync(189).then((data) => console.log(data));`,
};

/** node_modules/.pnpm/x@1/node_modules/x/dist/a.js → x/dist/a.js; ../packages/client/dist/a.js → client/dist/a.js. */
function moduleName(input: string): string {
  const inPackage = input.split('node_modules/').pop()!;
  return inPackage.replace(/^(\.\.\/)+packages\//, '');
}

function weights(outputs: Metafile['outputs'], files: string[]): ModuleWeight[] {
  const bytes = new Map<string, number>();
  for (const file of files) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[file]!.inputs)) {
      if (bytesInOutput > 0) bytes.set(moduleName(input), (bytes.get(moduleName(input)) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes].map(([module, size]) => ({ module, bytes: size })).sort((a, b) => b.bytes - a.bytes);
}

/**
 * What a browser app ships to make one call: esbuild, bundled for the browser, tree-shaken,
 * minified, with code splitting (as an app's bundler does), so that what the client imports only
 * when something fails becomes chunks of its own. The call's figure is the entry and every
 * chunk it imports statically: the files loaded before the call is made. Each file is gzipped
 * (-9) on its own, as a server sends it.
 */
export async function measureBundles(): Promise<BundleFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'so-batch-bundle-'));
  try {
    const figures: BundleFigures[] = [];
    for (const [name, source] of Object.entries(ENTRIES)) {
      const entry = join(dir, `entry${figures.length}.js`);
      writeFileSync(entry, source);
      const outdir = join(dir, `out${figures.length}`);
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        treeShaking: true,
        splitting: true,
        platform: 'browser',
        format: 'esm',
        target: 'es2022',
        outdir,
        write: false,
        metafile: true,
        logLevel: 'silent',
        nodePaths: [join(import.meta.dirname, '..', 'node_modules')],
        define: { 'process.env.NODE_ENV': '"production"' },
      });
      const outputs = result.metafile.outputs;
      const contents = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
      const code = (file: string) => contents.get(resolve(file))!;
      // The metafile names outputs relative to the working directory.
      const start = Object.keys(outputs).find((file) => outputs[file]!.entryPoint)!;
      const loaded = new Set<string>();
      for (const stack = [start]; stack.length > 0; ) {
        const file = stack.pop()!;
        if (loaded.has(file)) continue;
        loaded.add(file);
        for (const imported of outputs[file]!.imports) if (imported.kind === 'import-statement') stack.push(imported.path);
      }
      const lazy = Object.keys(outputs).filter((file) => file.endsWith('.js') && !loaded.has(file));
      const gzip = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + gzipSync(code(file), { level: 9 }).length, 0);
      const importers = (file: string) => [...loaded].filter((other) => outputs[other]!.imports.some((imported) => imported.path === file && imported.kind === 'import-statement'));
      // esbuild writes an import whose bindings are all unused as a bare `import"./chunk.js"`.
      const bareOnly = (file: string) => {
        const base = file.split('/').pop()!;
        const importedBy = importers(file);
        return importedBy.length > 0 && importedBy.every((other) => {
          const text = Buffer.from(code(other)).toString('utf8');
          return text.includes(`import"./${base}"`) && !new RegExp(`from\\s*"\\./${base.replace(/[.]/g, '\\.')}"`).test(text);
        });
      };
      const loadedFiles = [...loaded]
        .map((file) => ({ gzipBytes: gzip([file]), modules: weights(outputs, [file]), bareImport: bareOnly(file) }))
        .sort((a, b) => b.gzipBytes - a.gzipBytes);
      figures.push({
        name,
        loadedFiles,
        minifiedBytes: [...loaded].reduce((sum, file) => sum + code(file).length, 0),
        gzipBytes: gzip(loaded),
        lazyGzipBytes: gzip(lazy),
        modules: weights(outputs, [...loaded]),
        lazyModules: weights(outputs, lazy),
      });
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const figure of await measureBundles()) {
    console.log(`${figure.name}: ${figure.minifiedBytes} B minified, ${figure.gzipBytes} B min+gzip (+${figure.lazyGzipBytes} B lazy)`);
    for (const file of figure.loadedFiles) {
      console.log(`  file: ${file.gzipBytes} B min+gzip${file.bareImport ? ' (imported bare: nothing of it used)' : ''}`);
      for (const m of file.modules) console.log(`    ${m.bytes}\t${m.module}`);
    }
    if (figure.lazyModules.length) console.log('  lazy:', figure.lazyModules.map((m) => `${m.module} ${m.bytes}`).join(', '));
  }
}
