import type { BatchClient, BatchResult } from '@so-batch/client';

/**
 * The one thing the suite cannot derive from the spec: how the typed client calls each
 * operation. An operation the spec declares without an entry here fails the suite.
 */
export const CLIENT_CALLS: Record<string, (client: BatchClient) => Promise<BatchResult<unknown>>> = {
  v1BatchAgent_GetBatchTaskInfo: (client) => client.getBatchTaskInfo(Number(process.env.SO_CONTRACT_TASK_ID ?? 189)),
  v1BatchAgent_GetBatchTaskInfosByAssociates: (client) => client.getBatchTaskInfosByAssociates([497, 840]),
  v1BatchAgent_UpdateBatchTask: (client) => client.updateBatchTask({ Id: 975, Description: 'Updated by the so-batch contract tests' }),
  v1BatchAgent_StartBatchJob: (client) => client.startBatchJob({ Name: 'so-batch contract test', Description: 'Started by the so-batch contract tests' }),
  v1Batch_GetBatchTaskInfosByState: (client) => client.getBatchTaskInfosByState('All'),
};
