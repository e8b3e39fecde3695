import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// Nearly every CLI test spawns a process (node, bash, zsh, fish, often a mock with its Prism): on
// a busy machine one spawn alone can take seconds, so a test's budget is minutes, not 20 s.
export default mergeConfig(shared, { test: { testTimeout: 120_000 } });
