import { auditPut } from '../../store/audit';
import { getTask, putNewTask, renewTaskToken, type StoredTask } from '../../store/tasks-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { deliverTaskCallback } from './deliver-callback';

/**
 * A workflow reached a human step: store the pending task (with its token) and record it in the subject's file.
 * Asked again for the same step (retry, resume, redrive): an open task takes the new token; a task already done
 * answers the workflow with its recorded output.
 */
export async function openPendingTask(deps: ServiceDeps, task: StoredTask, subjectPk: string): Promise<{ created: boolean }> {
  const existing = await getTask(deps.store, task.id);
  if (existing?.status === 'done') {
    await deliverTaskCallback(deps, { id: task.id, taskToken: task.taskToken, output: existing.output });
    return { created: false };
  }
  if (existing) {
    if (existing.taskToken === task.taskToken || (await renewTaskToken(deps.store, task.id, task.taskToken))) return { created: false };
    return openPendingTask(deps, task, subjectPk);
  }
  try {
    await transactWrite(deps.store, [
      putNewTask(deps.store, task),
      auditPut(deps.store, subjectPk, { at: task.createdAt, action: 'task.opened', actor: 'system', details: { taskId: task.id, title: task.title } }),
    ]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return openPendingTask(deps, task, subjectPk);
  }
  return { created: true };
}
