// After `redocly build-docs`: the page must ask no host but its own for anything. Redoc's
// attribution loads its logo from Redocly's CDN and the browser asks for /favicon.ico; both
// become local here, so the page works offline and leaks no visit to a third party.
//
// A Content-Security-Policy then holds the page to that: Redoc also carries CDN references it
// does not use today (icons/CDNIcon puts https://cdn.redocly.com/icons/... in CSS mask and
// background images, for the code-sample tabs), and the policy blocks them, and anything else
// a later Redoc adds, should they ever be rendered: the browser then reports a violation
// instead of asking a third party (apps/docs/test/page.test.ts fails on it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './server.ts';

/**
 * What the page may load: only its own origin, plus data: where Redoc needs it: images (the
 * data: favicon added below, inline SVG icons) and fonts (the woff its styles embed). The static bundle is
 * inline <script> and <style> (and styled-components' style attributes), hence 'unsafe-inline'
 * for both. No blob: and no 'unsafe-eval': the one blob: use is the search index's Worker, which
 * FlexSearch only starts if `Function(...)` works; without 'unsafe-eval' it indexes on the main
 * thread (search still works: the page test searches). frame-ancestors, report-uri and sandbox
 * are not honoured in a <meta> policy, so they are not here.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${CSP}">`;

/** Makes one built page local (see above); returns how many CDN logo references it had. */
function localize(name: string): number {
  const page = join(DIST, name);
  let html = readFileSync(page, 'utf8');
  // Redoc 3 reports each visit to Redocly unless told not to (redocly.yaml: telemetry: off).
  if (!html.includes('"disableTelemetry":true')) {
    throw new Error('localize: the page would send telemetry to Redocly: keep "telemetry: off" in apps/docs/redocly.yaml.');
  }
  const remoteLogos = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g;
  const found = html.match(remoteLogos)?.length ?? 0;
  if (found === 0) throw new Error(`localize: Redoc's CDN logo was not found in ${name}; check the page for remote resources by hand.`);
  html = html.replace(remoteLogos, '/redocly-logo.svg');

  // The page's own <head> comes before any script (the bundle has '<head>' in its strings too).
  const head = html.indexOf('<head>');
  if (head === -1 || head > html.indexOf('<script')) throw new Error('localize: the page has no <head> before its first script; Redoc\'s template changed.');
  if (/http-equiv=["']?Content-Security-Policy/i.test(html)) throw new Error('localize: the page already has a Content-Security-Policy; run `redocly build-docs` again before localize.');
  // First in <head>: a <meta> policy covers only what the parser meets after it.
  html = `${html.slice(0, head)}<head>${CSP_META}<link rel="icon" href="data:,">${html.slice(head + '<head>'.length)}`;

  // The policy must be in force after the rewrite: once, in <head>, before every script, style and link.
  const meta = html.indexOf(CSP_META);
  const firstLoad = Math.min(...['<script', '<style', '<link'].map((tag) => html.indexOf(tag)).filter((index) => index !== -1));
  if (meta === -1 || meta !== html.lastIndexOf(CSP_META) || meta < head || !(meta < firstLoad) || meta > html.indexOf('</head>')) {
    throw new Error('localize: the Content-Security-Policy <meta> is not the first thing in <head>; the page would load other hosts unchecked.');
  }
  writeFileSync(page, html);
  return found;
}

// The Batch API's reference, and the mock's control API's (spec/control/openapi.yaml).
const found = ['index.html', 'control.html'].map(localize).reduce((sum, count) => sum + count, 0);
writeFileSync(
  join(DIST, 'redocly-logo.svg'),
  '<svg xmlns="http://www.w3.org/2000/svg" width="72" height="16" viewBox="0 0 72 16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#888">Redocly</text></svg>\n',
);
console.log(`localize: ${found} CDN logo reference(s) now point at dist/redocly-logo.svg; Content-Security-Policy: ${CSP}`);
