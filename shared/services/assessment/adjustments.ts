import { checkAdjustmentEntry, schemeAtYearEnd, type AdjustmentEntry } from '../../domain/assessment';
import { listSchemeVersions, reportPk } from '../../store/assessment-repo';
import { getAdjustments, getYearEnd, putAdjustments, type OrgAdjustments } from '../../store/assessment-year-end-repo';
import { auditPut } from '../../store/audit';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import { InputInvalidError } from '../../errors';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { checked, AssessmentChangedError } from './errors';
import { reportFor } from './handle-report';
import type { ReportRequest } from './open-report';

const text = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');

/**
 * The committee enters a bonus or deduction for an organization while reviewing one of its reports (A13): an item
 * of the scheme, the points (the item's yearly cap refused beyond, saying how much is left), the reason and the
 * evidence (file names). Closed once the year end was submitted. One conditional write with the audit event.
 */
export async function addAdjustment(deps: ServiceDeps, actor: Actor, request: ReportRequest, form: Record<string, unknown>): Promise<OrgAdjustments> {
  const report = await reportFor(deps, actor, 'assessment.review', request);
  const [versions, stored, yearEnd] = await Promise.all([
    listSchemeVersions(deps.store, report.committeeId, report.year), getAdjustments(deps.store, report.committeeId, report.year, report.orgId), getYearEnd(deps.store, report.committeeId, report.year),
  ]);
  if (yearEnd && yearEnd.status !== 'rating') throw new InputInvalidError({ itemKey: `${report.year} 年年终考核结果已提交审批，不能再录入加减分。` });
  const items = schemeAtYearEnd(versions)?.adjustments ?? [];
  const rawPoints = text(form, 'points').trim();
  if (!rawPoints || Number.isNaN(Number(rawPoints))) throw new InputInvalidError({ points: '请填写分值（正数，如 1 或 0.5）。' });
  const existing = stored?.entries ?? [];
  const { item, points, reason } = checked(() => checkAdjustmentEntry(items, existing, { itemKey: text(form, 'itemKey'), points: Number(rawPoints), reason: text(form, 'reason').slice(0, 500) }));
  const evidence = text(form, 'evidence').split(/\r?\n/).map((line) => line.trim()).filter(Boolean).slice(0, 20).map((name) => ({ name: name.slice(0, 120) }));
  const at = deps.clock.now().toISOString();
  const entry: AdjustmentEntry = { id: `${report.periodKey}-${existing.length + 1}`, itemKey: item.key, points, reason, evidence, periodKey: report.periodKey, at, byName: actor.displayName };
  const next: OrgAdjustments = { committeeId: report.committeeId, year: report.year, orgId: report.orgId, entries: [...existing, entry], version: (stored?.version ?? 0) + 1 };
  try {
    await transactWrite(deps.store, [
      putAdjustments(deps.store, next),
      auditPut(deps.store, reportPk(report.committeeId, report.periodKey, report.orgId), {
        at, action: `assessment.${item.kind}-added`, actor: actor.id, details: { item: item.name, points, reason },
      }),
    ]);
  } catch (error) {
    if (error instanceof StoreConditionFailedError) throw new AssessmentChangedError('adjustments', { cause: error });
    throw error;
  }
  return next;
}
