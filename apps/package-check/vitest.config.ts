import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// npm installs from the registry in beforeAll: a generous budget, on a slow network too.
export default mergeConfig(shared, defineConfig({ test: { hookTimeout: 600_000, testTimeout: 180_000 } }));
