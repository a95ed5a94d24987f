import { AssessmentRuleError, checkYearEnded, yearEndResultOf, type AssessmentYearEnd, type YearEndResult } from '../../domain/assessment';
import { getYearEnd, yearEndPk } from '../../store/assessment-year-end-repo';
import { listAudit, type AuditEvent } from '../../store/audit';
import { RecordNotFoundError } from '../../errors';
import type { Actor } from '../actor';
import { withActorNames } from '../audit-names';
import { authorize, loadOrgTree, permits } from '../authorization';
import type { ServiceDeps } from '../deps';
import { gatherYearEndFacts } from './year-end-facts';

export interface YearEndRow {
  orgId: string;
  orgName: string;
  reviewScore?: number;
  /** The total and grade as they stand (A12–A14), once the 述职评议 score is entered; the approved result once submitted. */
  result?: YearEndResult;
  /** Points and full marks of the scored reports, and how many reports are not scored (counted 0). */
  scored: number;
  fullMarks: number;
  unscored: number;
}

export interface YearEndView {
  committee: { id: string; name: string };
  year: number;
  yearEnd?: AssessmentYearEnd;
  rows: YearEndRow[];
  hasScheme: boolean;
  /** Why the year end cannot start yet (the year not over), when it has not started. */
  notYet?: string;
  canStart: boolean;
  canRate: boolean;
  audit: AuditEvent[];
}

/** The year-end page: each organization's parts, total and grade as they stand, and what the actor may do. GET only. */
export async function yearEndView(deps: ServiceDeps, actor: Actor, committeeId: string, year: number): Promise<YearEndView> {
  const tree = await loadOrgTree(deps.store);
  const committee = tree.get(committeeId);
  if (!committee) throw new RecordNotFoundError('该考核单位');
  authorize(actor, 'assessment.view', committeeId, tree);
  const [yearEnd, gathered] = await Promise.all([getYearEnd(deps.store, committeeId, year), gatherYearEndFacts(deps, tree, committeeId, year)]);
  const reviewer = permits(actor, 'assessment.review', committeeId, tree);
  let notYet: string | undefined;
  try {
    checkYearEnded(year, deps.clock.now());
  } catch (error) {
    if (!(error instanceof AssessmentRuleError)) throw error;
    notYet = error.message;
  }
  const rows = gathered.facts.map((f): YearEndRow => {
    const reviewScore = yearEnd?.reviewScores[f.orgId];
    const submitted = yearEnd?.results?.find((r) => r.orgId === f.orgId);
    const result = submitted ?? (gathered.scheme ? yearEndResultOf({ ...f, reviewScore }, gathered.scheme.adjustments, gathered.scheme.settings) : undefined);
    const scored = f.reports.filter((r) => r.status === 'scored');
    return {
      orgId: f.orgId, orgName: f.orgName, reviewScore, result, unscored: f.reports.length - scored.length,
      scored: Math.round(scored.reduce((sum, r) => sum + (r.score ?? 0), 0) * 10) / 10, fullMarks: f.reports.reduce((sum, r) => sum + r.fullMarks, 0),
    };
  });
  return {
    committee: { id: committee.id, name: committee.name }, year, yearEnd, rows, hasScheme: Boolean(gathered.scheme), notYet,
    canStart: !yearEnd && reviewer && !notYet && Boolean(gathered.scheme),
    canRate: yearEnd?.status === 'rating' && reviewer,
    audit: yearEnd ? await withActorNames(deps, await listAudit(deps.store, yearEndPk(committeeId, year))) : [],
  };
}
