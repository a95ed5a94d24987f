import { schemeAtYearEnd, type Scheme, type YearEndFacts } from '../../domain/assessment';
import type { OrgTree } from '../../domain/registry/org-tree';
import { listBoardReports, listSchemeVersions } from '../../store/assessment-repo';
import { listAdjustments } from '../../store/assessment-year-end-repo';
import type { ServiceDeps } from '../deps';
import { assessedOrgIds } from './assessed';

export interface YearEndGathered {
  /** The version whose bonus and deduction items and settings apply (A12): the latest published of the year. */
  scheme?: Scheme;
  /** Per organization, without its 述职评议 score (the year end holds those). */
  facts: Omit<YearEndFacts, 'reviewScore'>[];
}

/**
 * What the year end is worked out from, one read each: the scheme versions, every report of the year, every
 * organization's bonus and deduction entries; the organizations assessed now and any that reported during the year.
 */
export async function gatherYearEndFacts(deps: ServiceDeps, tree: OrgTree, committeeId: string, year: number): Promise<YearEndGathered> {
  const [versions, reports, adjustments] = await Promise.all([
    listSchemeVersions(deps.store, committeeId, year), listBoardReports(deps.store, committeeId, year), listAdjustments(deps.store, committeeId, year),
  ]);
  const orgIds = [...new Set([...assessedOrgIds(tree, committeeId), ...reports.map((r) => r.orgId)])];
  const facts = orgIds.map((orgId) => ({
    orgId,
    orgName: tree.get(orgId)?.name ?? reports.find((r) => r.orgId === orgId)?.orgName ?? '',
    reports: reports.filter((r) => r.orgId === orgId).map((r) => ({ status: r.status, score: r.score, fullMarks: r.fullMarks })),
    adjustments: adjustments.find((a) => a.orgId === orgId)?.entries ?? [],
  }));
  return { scheme: schemeAtYearEnd(versions), facts };
}
