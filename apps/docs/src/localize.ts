// After `redocly build-docs`: the page must ask no host but its own for anything. Redoc's
// attribution loads its logo from Redocly's CDN and the browser asks for /favicon.ico; both
// become local here, so the page works offline and leaks no visit to a third party.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './server.ts';

const page = join(DIST, 'index.html');
let html = readFileSync(page, 'utf8');
// Redoc 3 reports each visit to Redocly unless told not to (redocly.yaml: telemetry: off).
if (!html.includes('"disableTelemetry":true')) {
  throw new Error('localize: the page would send telemetry to Redocly: keep "telemetry: off" in apps/docs/redocly.yaml.');
}
const remoteLogos = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g;
const found = html.match(remoteLogos)?.length ?? 0;
if (found === 0) throw new Error('localize: Redoc\'s CDN logo was not found; check the page for remote resources by hand.');
html = html.replace(remoteLogos, '/redocly-logo.svg');
html = html.replace('<head>', '<head><link rel="icon" href="data:,">');
writeFileSync(page, html);
writeFileSync(
  join(DIST, 'redocly-logo.svg'),
  '<svg xmlns="http://www.w3.org/2000/svg" width="72" height="16" viewBox="0 0 72 16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#888">Redocly</text></svg>\n',
);
console.log(`localize: ${found} CDN logo reference(s) now point at dist/redocly-logo.svg`);
