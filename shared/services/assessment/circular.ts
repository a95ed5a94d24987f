import { periodByKey, rankByScore, round1 } from '../../domain/assessment';
import type { MatterNoticeDraft } from '../../domain/notice/notice';
import { getMarker, listBoardReports, listMarkers, putMarker, schemePk } from '../../store/assessment-repo';
import { auditPut } from '../../store/audit';
import { getOrganization } from '../../store/orgs-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { startNoticeProcess } from '../notice/publish-notice';
import { noticeContactOf } from '../registry/notice-contact';
import { circularNoticeId } from './ids';

/** The circular's text (A16): the ranking with scores, then the late and returned reports. */
export function circularBody(reports: Awaited<ReturnType<typeof listBoardReports>>): string {
  const ranked = rankByScore(reports.map((r) => ({ name: r.orgName, score: r.score ?? 0, fullMarks: r.fullMarks })));
  const lines = ranked.map((r) => `第 ${r.rank} 名　${r.item.name}　${round1(r.item.score)} 分（满分 ${r.item.fullMarks} 分）`);
  const late = reports.filter((r) => r.late).map((r) => r.orgName);
  const returned = reports.filter((r) => r.returns.length > 0).map((r) => `${r.orgName}（退回 ${r.returns.length} 次）`);
  return [
    '一、得分及排名', ...lines, '',
    '二、逾期报送', late.length > 0 ? late.join('、') : '无', '',
    '三、退回修改', returned.length > 0 ? returned.join('、') : '无',
  ].join('\n');
}

/**
 * Task PeriodDone (A16): once every report of the period is scored, the circular goes out as an internal notice to
 * each assessed organization (its staff see it among their notices), once: the notice ids are fixed per organization
 * and period, a repeated start is ignored, and a CIRCULAR marker records it. Answers whether it went out.
 */
export async function publishCircularWhenDone(deps: ServiceDeps, request: { committeeId: string; periodKey: string }): Promise<{ published: boolean }> {
  const period = periodByKey(request.periodKey);
  const { committeeId } = request;
  if ((await listMarkers(deps.store, committeeId, period.year, `CIRCULAR#${period.key}`)).length > 0) return { published: true };
  const reports = await listBoardReports(deps.store, committeeId, period.year, period.key);
  const opened = await getMarker(deps.store, committeeId, period.year, `OPENED#${period.key}`);
  if (reports.length < Number(opened?.orgCount ?? 0) || reports.some((r) => r.status !== 'scored')) return { published: false };
  const committee = await getOrganization(deps.store, committeeId);
  const title = `${committee?.name ?? ''}${period.label}党建工作目标考核通报`;
  const body = circularBody(reports);
  const objectionContact = await noticeContactOf(deps, { id: committeeId, name: committee?.name ?? '' }, 'own');
  for (const report of reports) {
    const draft: MatterNoticeDraft = {
      id: circularNoticeId(committeeId, period.key, report.orgId), orgId: report.orgId, orgName: report.orgName, kind: 'assessment-circular', audience: 'internal',
      matter: { title, body }, objectionContact, period: { unit: 'workingDays', count: 5 }, createdBy: 'system',
    };
    await startNoticeProcess(deps, draft);
  }
  const at = deps.clock.now().toISOString();
  try {
    await transactWrite(deps.store, [
      putMarker(deps.store, committeeId, period.year, `CIRCULAR#${period.key}`, { at, organizations: reports.length }),
      auditPut(deps.store, schemePk(committeeId, period.year), { at, action: 'assessment.circular-published', actor: 'system', details: { assessmentPeriod: period.label, organizations: reports.length } }),
    ]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
  }
  return { published: true };
}
