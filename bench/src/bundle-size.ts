import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleFigures {
  name: string;
  minifiedBytes: number;
  gzipBytes: number;
}

// The same entry shape for each: create a client, make one GetBatchTaskInfo call, use the answer.
const ENTRIES: Record<string, string> = {
  'openapi-fetch alone (the floor)': `
    import createClient from 'openapi-fetch';
    const client = createClient({ baseUrl: 'https://online.superoffice.com/Cust1', headers: { Authorization: 'SOTicket t' } });
    client.POST('/api/v1/Agents/Batch/GetBatchTaskInfo', { body: { Id: 189 } }).then(({ data }) => console.log(data));`,
  '@so-batch/client': `
    import { createBatchClient } from '@so-batch/client';
    const client = createBatchClient({ baseUrl: 'https://online.superoffice.com/Cust1', auth: { scheme: 'SOTicket', ticket: 't' } });
    client.getBatchTaskInfo(189).then(({ data }) => console.log(data));`,
  '@superoffice/webapi': `
    import { BatchAgent } from '@superoffice/webapi';
    const agent = new BatchAgent({ baseUrl: 'https://online.superoffice.com/Cust1/api/', axiosConfig: { headers: { Authorization: 'SOTicket t' } } });
    agent.getBatchTaskInfoAsync(189).then((data) => console.log(data));`,
};

/** What a browser app ships to make one call: esbuild, bundled, tree-shaken, minified; then gzip -9. */
export async function measureBundles(): Promise<BundleFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'so-batch-bundle-'));
  try {
    const figures: BundleFigures[] = [];
    for (const [name, source] of Object.entries(ENTRIES)) {
      const entry = join(dir, `${figures.length}.js`);
      writeFileSync(entry, source);
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        treeShaking: true,
        platform: 'browser',
        format: 'esm',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
        nodePaths: [join(import.meta.dirname, '..', 'node_modules')],
        define: { 'process.env.NODE_ENV': '"production"' },
      });
      const code = result.outputFiles[0]!.contents;
      figures.push({ name, minifiedBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
