import { checkYearEnded, schemeAtYearEnd, yearEndExecutionName, type AssessmentYearEnd } from '../../domain/assessment';
import { listSchemeVersions } from '../../store/assessment-repo';
import { getYearEnd, putNewYearEnd, yearEndPk } from '../../store/assessment-year-end-repo';
import { auditPut } from '../../store/audit';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import { InputInvalidError, RecordNotFoundError } from '../../errors';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { WorkflowExecutionExistsError } from '../ports';
import { checked } from './errors';
import { yearEndKey } from './ids';

/**
 * Committee staff start the year end (A12, A17) once the year is over and a scheme was published: the year end is
 * written once, then its one execution `assessment-year-end-<year>-<key>` starts (a repeated start — a double
 * click, a retry — finds both and starts nothing twice).
 */
export async function startYearEnd(deps: ServiceDeps, actor: Actor, committeeId: string, year: number): Promise<AssessmentYearEnd> {
  const tree = await loadOrgTree(deps.store);
  const committee = tree.get(committeeId);
  if (!committee) throw new RecordNotFoundError('该考核单位');
  authorize(actor, 'assessment.review', committeeId, tree);
  if (!schemeAtYearEnd(await listSchemeVersions(deps.store, committeeId, year))) {
    throw new InputInvalidError({ _form: `${year} 年没有已发布的考核方案，无法进行年终考核。` });
  }
  const now = deps.clock.now();
  checked(() => checkYearEnded(year, now));
  let yearEnd = await getYearEnd(deps.store, committeeId, year);
  if (!yearEnd) {
    yearEnd = {
      committeeId, committeeName: committee.name, year, status: 'rating', reviewScores: {}, approvals: [],
      startedAt: now.toISOString(), startedByName: actor.displayName, version: 1,
    };
    try {
      await transactWrite(deps.store, [
        putNewYearEnd(deps.store, yearEnd),
        auditPut(deps.store, yearEndPk(committeeId, year), { at: now.toISOString(), action: 'assessment.year-end-started', actor: actor.id, details: { year } }),
      ]);
    } catch (error) {
      if (!(error instanceof StoreConditionFailedError)) throw error;
      yearEnd = (await getYearEnd(deps.store, committeeId, year))!;
    }
  }
  try {
    await deps.workflow.startExecution({ stateMachine: 'assessment-year-end', name: yearEndExecutionName(year, yearEndKey(committeeId)), input: { committeeId, year } });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionExistsError)) throw error;
  }
  return yearEnd;
}
