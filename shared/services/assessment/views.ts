import { chinaDate } from '../../domain/calendar';
import { periodByKey, schemeAtYearEnd, type AdjustmentEntry, type AdjustmentItem, type AssessmentReport, type ReportEntry } from '../../domain/assessment';
import { getMarker, listBoardReports, listOrgReports, listSchemeVersions, reportPk } from '../../store/assessment-repo';
import { getAdjustments, getYearEnd } from '../../store/assessment-year-end-repo';
import { listAudit, type AuditEvent } from '../../store/audit';
import type { Actor } from '../actor';
import { withActorNames } from '../audit-names';
import { authorize, loadOrgTree, permits } from '../authorization';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../../errors';
import { assessedOrgIds } from './assessed';
import { reportFor } from './handle-report';
import { circularNoticeId } from './ids';
import type { ReportRequest } from './open-report';
import { prefilledEntries } from './prefill';

export interface BoardRow {
  orgId: string;
  orgName: string;
  cells: Record<string, AssessmentReport | undefined>;
  /** Points gained over the scored periods, and their full marks. */
  total: number;
  fullMarks: number;
}

export interface AssessmentBoard {
  committee: { id: string; name: string };
  year: number;
  periods: { key: string; label: string }[];
  rows: BoardRow[];
  /** The year's scheme: a version published, only a draft, or none (periods open only under a published version, A3). */
  scheme: 'published' | 'draft' | 'none';
}

/** The committee's board (组织 × 考核期): every assessed organization's reports of the year, with status and score. */
export async function assessmentBoard(deps: ServiceDeps, actor: Actor, committeeId: string, year: number): Promise<AssessmentBoard> {
  const tree = await loadOrgTree(deps.store);
  const committee = tree.get(committeeId);
  if (!committee) throw new RecordNotFoundError('该考核单位');
  authorize(actor, 'assessment.view', committeeId, tree);
  const [reports, versions] = await Promise.all([listBoardReports(deps.store, committeeId, year), listSchemeVersions(deps.store, committeeId, year)]);
  const scheme = schemeAtYearEnd(versions) ? 'published' : versions.length > 0 ? 'draft' : 'none';
  const periodKeys = [...new Set(reports.map((r) => r.periodKey))].sort((a, b) => periodByKey(a).endsOn.localeCompare(periodByKey(b).endsOn) || a.localeCompare(b));
  const orgIds = [...new Set([...assessedOrgIds(tree, committeeId), ...reports.map((r) => r.orgId)])];
  const rows = orgIds.map((orgId): BoardRow => {
    const own = reports.filter((r) => r.orgId === orgId);
    const scored = own.filter((r) => r.status === 'scored');
    return {
      orgId, orgName: tree.get(orgId)?.name ?? own[0]?.orgName ?? '',
      cells: Object.fromEntries(own.map((r) => [r.periodKey, r])),
      total: Math.round(scored.reduce((sum, r) => sum + (r.score ?? 0), 0) * 10) / 10,
      fullMarks: scored.reduce((sum, r) => sum + r.fullMarks, 0),
    };
  });
  return { committee: { id: committee.id, name: committee.name }, year, periods: periodKeys.map((key) => ({ key, label: periodByKey(key).label })), rows, scheme };
}

/** An organization's assessment file: its reports, newest period first. */
export async function assessmentFile(deps: ServiceDeps, actor: Actor, orgId: string): Promise<{ org: { id: string; name: string }; reports: AssessmentReport[] }> {
  const tree = await loadOrgTree(deps.store);
  const org = tree.get(orgId);
  if (!org) throw new RecordNotFoundError('该组织');
  authorize(actor, 'assessment.view', orgId, tree);
  const reports = (await listOrgReports(deps.store, orgId)).sort((a, b) => periodByKey(b.periodKey).endsOn.localeCompare(periodByKey(a.periodKey).endsOn));
  return { org: { id: org.id, name: org.name }, reports };
}

export interface ReportView {
  report: AssessmentReport;
  /** What the report form shows: the stored entries, or for a report never submitted the values the system knows. */
  formEntries: ReportEntry[];
  canReport: boolean;
  canReview: boolean;
  /** The organization's bonus and deduction entries of the year and the items (A13); reviewers add while the year end is not submitted. */
  adjustments: { items: AdjustmentItem[]; entries: AdjustmentEntry[]; canAdd: boolean };
  /** The id of the organization's copy of the period's circular (通报, A16), once it went out. */
  circularNoticeId?: string;
  audit: AuditEvent[];
}

/** A report with its file, and what the actor may do with it now. GET only: nothing is written. */
export async function reportView(deps: ServiceDeps, actor: Actor, request: ReportRequest): Promise<ReportView> {
  const report = await reportFor(deps, actor, 'assessment.view', request);
  const tree = await loadOrgTree(deps.store);
  const waiting = report.status === 'open' || report.status === 'returned';
  const [versions, stored, yearEnd, circular] = await Promise.all([
    listSchemeVersions(deps.store, report.committeeId, report.year), getAdjustments(deps.store, report.committeeId, report.year, report.orgId), getYearEnd(deps.store, report.committeeId, report.year),
    getMarker(deps.store, report.committeeId, report.year, `CIRCULAR#${report.periodKey}`),
  ]);
  const items = schemeAtYearEnd(versions)?.adjustments ?? [];
  const formEntries = report.entries.length > 0 ? report.entries : await prefilledEntries(deps, report.orgId, periodByKey(report.periodKey), report.indicators);
  return {
    report, formEntries,
    canReport: waiting && permits(actor, 'assessment.report', report.orgId, tree),
    canReview: report.status === 'submitted' && permits(actor, 'assessment.review', report.orgId, tree),
    adjustments: {
      items, entries: stored?.entries ?? [],
      canAdd: items.length > 0 && (!yearEnd || yearEnd.status === 'rating') && permits(actor, 'assessment.review', report.committeeId, tree),
    },
    ...(circular ? { circularNoticeId: circularNoticeId(report.committeeId, report.periodKey, report.orgId) } : {}),
    audit: await withActorNames(deps, await listAudit(deps.store, reportPk(report.committeeId, report.periodKey, report.orgId))),
  };
}

/** Where the assessment starts for an actor: the assessing committees in scope (committee staff, administrators), or its own organization's file. */
export async function assessmentHome(deps: ServiceDeps, actor: Actor): Promise<{ committees: { id: string; name: string }[]; year: number }> {
  const tree = await loadOrgTree(deps.store);
  const committees = tree.organizations
    .filter((o) => o.status === 'active' && (o.kind === 'committee' || o.kind === 'working-committee') && permits(actor, 'assessment.review', o.id, tree))
    .map(({ id, name }) => ({ id, name }));
  return { committees, year: Number(chinaDate(deps.clock.now()).slice(0, 4)) };
}
