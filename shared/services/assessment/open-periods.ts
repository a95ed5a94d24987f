import { periodByKey, periodsOpenAt, reviewWakeLowerBound, schemePeriods, versionFor, indicatorsOfPeriod, type Scheme } from '../../domain/assessment';
import { listAllSchemes, listMarkers, putMarker, schemePk } from '../../store/assessment-repo';
import { auditPut } from '../../store/audit';
import { openedPeriodEntry } from '../../store/review-due';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import { loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { WorkflowExecutionExistsError } from '../ports';
import { assessedOrgIds } from './assessed';
import { assessmentExecutionName } from './ids';

/**
 * The scheduler's tick (A5): every period of a published scheme whose opening has come and that is not marked opened
 * gets one execution per assessed organization (named by organization and period: a second start is refused and
 * ignored), then the OPENED marker with the number of organizations. Answers the periods opened now.
 */
export async function openDueAssessmentPeriods(deps: ServiceDeps): Promise<string[]> {
  const schemes = (await listAllSchemes(deps.store)).filter((s) => s.status === 'published');
  const byYear = new Map<string, Scheme[]>();
  for (const scheme of schemes) byYear.set(`${scheme.committeeId}#${scheme.year}`, [...(byYear.get(`${scheme.committeeId}#${scheme.year}`) ?? []), scheme]);
  const now = deps.clock.now();
  const opened: string[] = [];
  const tree = byYear.size > 0 ? await loadOrgTree(deps.store) : undefined;
  for (const versions of byYear.values()) {
    const { committeeId, year } = versions[0];
    const done = new Set(await listMarkers(deps.store, committeeId, year, 'OPENED#'));
    const periods = schemePeriods({ year, indicators: versions.flatMap((v) => v.indicators) });
    for (const period of periodsOpenAt(periods, now).filter((p) => !done.has(p.key))) {
      const scheme = versionFor(versions, period.opensAt, (key) => periodByKey(key).opensAt);
      if (!scheme) continue;
      const orgIds = indicatorsOfPeriod(scheme.indicators, period).length > 0 ? assessedOrgIds(tree!, committeeId) : [];
      for (const orgId of orgIds) {
        try {
          await deps.workflow.startExecution({ stateMachine: 'assessment', name: assessmentExecutionName(committeeId, period.key, orgId), input: { committeeId, year, periodKey: period.key, orgId } });
        } catch (error) {
          if (!(error instanceof WorkflowExecutionExistsError)) throw error;
        }
      }
      const at = now.toISOString();
      try {
        await transactWrite(deps.store, [
          putMarker(deps.store, committeeId, year, `OPENED#${period.key}`, { orgCount: orgIds.length, at }),
          // The review deadline's entry (docs/domain/scheduler.md), at its earliest under any calendar.
          ...(orgIds.length > 0 ? [openedPeriodEntry(deps.store, committeeId, period.key, reviewWakeLowerBound(period, scheme.settings))] : []),
          auditPut(deps.store, schemePk(committeeId, year), { at, action: 'assessment.period-opened', actor: 'system', details: { assessmentPeriod: period.label, organizations: orgIds.length, version: scheme.version } }),
        ]);
        opened.push(period.key);
      } catch (error) {
        if (!(error instanceof StoreConditionFailedError)) throw error;
      }
    }
  }
  return opened;
}
