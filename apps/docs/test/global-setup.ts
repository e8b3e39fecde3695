import { ensureChromium } from './ensure-chromium.ts';

/** Before the docs' tests: a chromium on the PATH, installed with apt-get when missing and possible. */
export default function setup(): void {
  const result = ensureChromium();
  if (result.kind !== 'found' && result.kind !== 'installed') throw new Error(result.message);
}
