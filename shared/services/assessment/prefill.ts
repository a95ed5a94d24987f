import { PREFILL_LABELS, type Indicator, type PrefillSource, type ReportEntry } from '../../domain/assessment';
import { caseWarnings } from '../../domain/development/warnings';
import type { AssessmentPeriod } from '../../domain/assessment';
import { listOrgCases } from '../../store/cases-repo';
import { listOrgElections } from '../../store/elections-repo';
import { listOrgNotices } from '../../store/notices-repo';
import { getOrganization } from '../../store/orgs-repo';
import type { ServiceDeps } from '../deps';

type Prefill = Pick<ReportEntry, 'value' | 'text'>;

/** Development steps on time (A9): the organization's open cases with no deadline overdue at the period's end. */
async function developmentOnTime(deps: ServiceDeps, orgId: string, period: AssessmentPeriod): Promise<Prefill> {
  const active = (await listOrgCases(deps.store, orgId)).filter((c) => c.status === 'active');
  const overdue = caseWarnings(active.map((c) => ({ caseId: c.id, personName: c.personName, orgId: c.orgId, stage: c.stage, dates: c.dates })), period.endsOn)
    .filter((w) => w.level === 'overdue');
  const names = [...new Set(overdue.map((w) => w.personName))];
  return {
    text: overdue.length === 0
      ? `截至${period.label}末，本组织在办发展党员 ${active.length} 人，各步骤均按期办理。`
      : `截至${period.label}末，本组织在办发展党员 ${active.length} 人，逾期 ${overdue.length} 项（${names.join('、')}）。`,
  };
}

/** Election on time (A9): the term had not ended by the period's end, or an election was completed. */
async function electionOnTime(deps: ServiceDeps, orgId: string, period: AssessmentPeriod): Promise<Prefill> {
  const [org, elections] = await Promise.all([getOrganization(deps.store, orgId), listOrgElections(deps.store, orgId)]);
  const completed = elections.filter((e) => e.status === 'completed');
  if (!org?.termEnd) return { value: completed.length > 0 ? 'done' : 'not-done', text: '系统中未登记本届任期。' };
  const onTime = org.termEnd >= period.endsOn || completed.length > 0;
  return {
    value: onTime ? 'done' : 'not-done',
    text: onTime
      ? `本届任期至 ${org.termEnd}${completed.length > 0 ? `，已完成换届选举 ${completed.length} 次` : '，期内未到换届时间'}。`
      : `本届任期已于 ${org.termEnd} 届满，尚未完成换届选举。`,
  };
}

/** Objections handled (A9): every notice of the period closed with its objections decided. */
async function objectionsHandled(deps: ServiceDeps, orgId: string, period: AssessmentPeriod): Promise<Prefill> {
  const inPeriod = (await listOrgNotices(deps.store, orgId)).filter((n) => n.publishedAt >= new Date(period.opensAt).toISOString() && n.publishedAt <= new Date(period.closesAt).toISOString());
  const withObjections = inPeriod.filter((n) => n.objectionCount > 0);
  const pending = withObjections.filter((n) => n.status === 'open' || !n.result);
  return {
    value: pending.length === 0 ? 'done' : 'not-done',
    text: `${period.label}发布公示 ${inPeriod.length} 件，收到异议的 ${withObjections.length} 件，${pending.length === 0 ? '均已处理完毕' : `尚有 ${pending.length} 件未处理完毕`}。`,
  };
}

const SOURCES: Record<PrefillSource, (deps: ServiceDeps, orgId: string, period: AssessmentPeriod) => Promise<Prefill>> = {
  'development-on-time': developmentOnTime,
  'election-on-time': electionOnTime,
  'notice-objections-handled': objectionsHandled,
};

/** The report's entries as the period opens (A9): prefilled where the system knows, with the source named; others empty. */
export async function prefilledEntries(deps: ServiceDeps, orgId: string, period: AssessmentPeriod, indicators: readonly Indicator[]): Promise<ReportEntry[]> {
  return Promise.all(indicators.map(async (indicator): Promise<ReportEntry> => {
    if (!indicator.prefill) return { indicatorKey: indicator.key, text: '', evidence: [] };
    const filled = await SOURCES[indicator.prefill](deps, orgId, period);
    return { indicatorKey: indicator.key, ...filled, evidence: [], prefillSource: PREFILL_LABELS[indicator.prefill] };
  }));
}
