import { yearEndLines } from '../../domain/assessment';
import type { MatterNoticeDraft } from '../../domain/notice/notice';
import { getYearEnd } from '../../store/assessment-year-end-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { startNoticeProcess } from '../notice/publish-notice';
import { noticeContactOf } from '../registry/notice-contact';
import { yearEndNoticeId } from './ids';
import { nextYearEnd, yearEndChange } from './year-end-change';

/**
 * Task Publish (A15, A17): the approved results go out as an internal notice (考核通报) to each assessed organization's
 * staff — totals, grades and the 先进基层党组织 candidates — once: the notice ids are fixed per organization and year,
 * a repeated start is ignored, and the year end is marked published. Output: { candidates }.
 */
export async function publishYearEnd(deps: ServiceDeps, request: { committeeId: string; year: number }): Promise<{ candidates: number }> {
  const yearEnd = await getYearEnd(deps.store, request.committeeId, request.year);
  if (!yearEnd?.results) throw new Error(`Year end ${request.committeeId}/${request.year} has no results`);
  const candidates = yearEnd.results.filter((r) => r.advancedCandidate).length;
  if (yearEnd.status === 'published') return { candidates };
  const title = `${yearEnd.committeeName}${yearEnd.year}年度党建工作目标考核结果通报`;
  const body = [`经${yearEnd.committeeName}审批，${yearEnd.year}年度党建工作目标考核结果如下：`, ...yearEndLines(yearEnd.results)].join('\n');
  const objectionContact = await noticeContactOf(deps, { id: yearEnd.committeeId, name: yearEnd.committeeName }, 'own');
  for (const result of yearEnd.results) {
    const draft: MatterNoticeDraft = {
      id: yearEndNoticeId(yearEnd.committeeId, yearEnd.year, result.orgId), orgId: result.orgId, orgName: result.orgName, kind: 'assessment-circular', audience: 'internal',
      matter: { title, body }, objectionContact, period: { unit: 'workingDays', count: 5 }, createdBy: 'system',
    };
    await startNoticeProcess(deps, draft);
  }
  const at = deps.clock.now().toISOString();
  try {
    await transactWrite(deps.store, yearEndChange(deps.store, nextYearEnd(yearEnd, { status: 'published', publishedAt: at }), {
      at, action: 'assessment.year-end-published', actor: 'system', details: { organizations: yearEnd.results.length, advancedCandidates: candidates },
    }));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return publishYearEnd(deps, request);
  }
  return { candidates };
}
