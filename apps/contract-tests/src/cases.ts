import type { BatchClient, BatchResult } from '@so-batch/client';

const taskId = () => Number(process.env.SO_CONTRACT_TASK_ID ?? 189);
const note = 'Started by the so-batch contract tests';

/**
 * The one thing the suite cannot derive from the spec: how the typed client calls each
 * operation. An operation the spec declares without an entry here fails the suite.
 */
export const CLIENT_CALLS: Record<string, (client: BatchClient) => Promise<BatchResult<unknown>>> = {
  v1BatchAgent_GetBatchTaskInfo: (c) => c.agents.getBatchTaskInfo(taskId()),
  v1BatchAgent_GetBatchTaskInfosByAssociates: (c) => c.agents.getBatchTaskInfosByAssociates([497, 840]),
  v1BatchAgent_GetBatchTaskInfosByAssociatesAndState: (c) => c.agents.getBatchTaskInfosByAssociatesAndState([497], 'All'),
  v1BatchAgent_GetBatchTaskInfosByNameAndAssociates: (c) => c.agents.getBatchTaskInfosByNameAndAssociates('ExportJob', [497]),
  v1BatchAgent_GetBatchTaskInfosByNameAndState: (c) => c.agents.getBatchTaskInfosByNameAndState('ExportJob', 'All'),
  v1BatchAgent_GetBatchTaskInfosByState: (c) => c.agents.getBatchTaskInfosByState('All'),
  v1BatchAgent_GetAllBatchTaskInfosByName: (c) => c.agents.getAllBatchTaskInfosByName('ExportJob'),
  v1BatchAgent_GetAllBatchTaskInfosByNameAndState: (c) => c.agents.getAllBatchTaskInfosByNameAndState('ExportJob', 'All'),
  v1BatchAgent_GetSystemBatchTaskInfosByName: (c) => c.agents.getSystemBatchTaskInfosByName('ExportJob'),
  v1BatchAgent_GetSystemBatchTaskInfosByNameAndState: (c) => c.agents.getSystemBatchTaskInfosByNameAndState('ExportJob', 'All'),
  v1BatchAgent_UpdateBatchTask: (c) => c.agents.updateBatchTask({ Id: taskId(), Description: 'Updated by the so-batch contract tests' }),
  v1BatchAgent_StartBatchJob: (c) => c.agents.startBatchJob({ Name: 'so-batch contract test', Description: note }),
  v1BatchAgent_StopBatchJob: (c) => c.agents.stopBatchJob(taskId()),
  v1BatchAgent_DeleteBatchTask: (c) => c.agents.deleteBatchTask(taskId()),
  v1BatchAgent_DeleteBatchTasks: (c) => c.agents.deleteBatchTasks([taskId()]),
  v1Batch_GetAll: (c) => c.rest.getAll({ $select: 'name,state', $top: 10 }),
  v1Batch_GetBatchTaskInfo: (c) => c.rest.getBatchTaskInfo(taskId()),
  v1Batch_GetBatchTaskInfosByState: (c) => c.rest.getBatchTaskInfosByState('All'),
  v1Batch_StartBatchJob: (c) => c.rest.startBatchJob({ Name: 'so-batch contract test', Description: note }),
  v1Batch_UpdateBatchTask: (c) => c.rest.updateBatchTask(taskId(), { Description: 'Updated by the so-batch contract tests' }),
  v1Batch_DeleteBatchTask: (c) => c.rest.deleteBatchTask(taskId()),
  v1Batch_StopBatchJob: (c) => c.rest.stopBatchJob(taskId()),
};
