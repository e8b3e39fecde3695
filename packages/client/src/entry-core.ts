// `@so-batch/client/core`: the client every function of `@so-batch/client/agents` and `/rest`
// takes, and nothing else, so that a bundler starts from the smallest graph.
export { createBatchCore } from './core.ts';
export type { AnyBatchClient, BatchClientOptions, BatchCore, BatchResult, CallOptions, SelectOptions } from './core.ts';
export type { BatchAuth, RetryPolicy } from './options.ts';
