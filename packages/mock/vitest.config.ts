import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// Many of these tests start a mock of their own, and so a Prism: about a second on an idle
// machine, ten or more beside CPU hogs. Their budget is that start, not vitest's 20 s default.
export default mergeConfig(shared, defineConfig({ test: { testTimeout: 120_000 } }));
