import { chinaDate } from '../../domain/calendar';
import { stageExecutionName, type DevelopmentCase } from '../../domain/development/case';
import { STAGE_LABELS, type StageNo } from '../../domain/development/steps';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import { WorkflowExecutionExistsError, type WorkflowName } from '../ports';
import { caseChangeItems, loadCase } from './case-writes';
import { DevelopmentCaseStateError, DevelopmentStageTooEarlyError } from './errors';
import { getRuleSet } from './rule-sets';

export const stageWorkflow = (stage: StageNo): WorkflowName => `development-stage-${stage}`;

/** The input of a stage execution: the case, the stage and attempt, and the rule set's switches the Choice states read. */
export interface StageInput {
  caseId: string;
  stage: StageNo;
  attempt: number;
  ruleSet: { version: string; noticeNodes: Record<string, boolean> };
  steps: Record<string, unknown>;
  notices: Record<string, unknown>;
  approvals: Record<string, unknown>;
}

/** Starts (or, asked again, finds) the execution of the case's current stage. */
export async function startStageExecution(deps: ServiceDeps, devCase: DevelopmentCase): Promise<void> {
  const rules = await getRuleSet(deps, devCase.ruleSetVersion);
  const input: StageInput = {
    caseId: devCase.id,
    stage: devCase.stage,
    attempt: devCase.attempt,
    ruleSet: { version: rules.ruleSetVersion, noticeNodes: { ...rules.noticeNodes } },
    steps: {},
    notices: {},
    approvals: {},
  };
  try {
    await deps.workflow.startExecution({ stateMachine: stageWorkflow(devCase.stage), name: stageExecutionName(devCase.id, devCase.stage, devCase.attempt), input });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionExistsError)) throw error;
  }
}

function parseStage(stage: unknown): StageNo {
  const n = Number(stage);
  if (![1, 2, 3, 4, 5].includes(n)) throw new InputInvalidError({ stage: '阶段应为 1 至 5。' });
  return n as StageNo;
}

/**
 * Staff start the case's next stage. Refused before its earliest date (DevelopmentStageTooEarlyError names the date),
 * when another stage is due, or while a stage runs. Asked again for the stage just started, it only makes sure the
 * execution exists (a retry after a failure between the two writes).
 */
export async function startStage(deps: ServiceDeps, actor: Actor, caseId: string, stageInput: StageNo | number | string): Promise<DevelopmentCase> {
  const stage = parseStage(stageInput);
  for (;;) {
    const devCase = await loadCase(deps, caseId);
    authorize(actor, 'case.handle', devCase.orgId, await loadOrgTree(deps.store));
    if (devCase.status !== 'active') throw new DevelopmentCaseStateError('该案件已结束，不能再开始新的阶段。');
    if (devCase.stageState === 'running') {
      if (devCase.stage !== stage) throw new DevelopmentCaseStateError(`${STAGE_LABELS[devCase.stage]}正在办理中，办完后才能开始其他阶段。`);
      await startStageExecution(deps, devCase);
      return devCase;
    }
    const next = devCase.nextStage;
    if (!next || next.stage !== stage) {
      throw new DevelopmentCaseStateError(next ? `下一步应开始第${next.stage}阶段，不能开始第${stage}阶段。` : '该案件没有可以开始的阶段。');
    }
    const now = deps.clock.now();
    if (chinaDate(now) < next.earliestStart) throw new DevelopmentStageTooEarlyError(stage, next.earliestStart);
    const started: DevelopmentCase = { ...devCase, stage, attempt: next.attempt, stageState: 'running', nextStage: undefined, updatedAt: now.toISOString(), version: devCase.version + 1 };
    try {
      await transactWrite(deps.store, await caseChangeItems(deps, devCase, started, { at: now.toISOString(), action: 'case.stage-started', actor: actor.id, details: { stage, attempt: next.attempt } }));
    } catch (error) {
      if (error instanceof StoreConditionFailedError) continue; // changed meanwhile: read again
      throw error;
    }
    await startStageExecution(deps, started);
    return started;
  }
}
