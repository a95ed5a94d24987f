import { nextWake, type WakeEvent } from '../scheduling/next-wake';
import { admissionApprovalDeadlines, admissionApprovalStatusDates } from './approval-deadline';
import type { CaseWarningCode, DevelopmentCase } from './case';
import type { StageNo } from './steps';
import { caseDeadlines, deadlineType, deadlineWindows, type DeadlineKind } from './deadlines';
import type { DevelopmentRuleSet } from './rule-set';
import { mailedByReminders, type WarningLevel } from './warnings';

/**
 * What the scheduler does for an active development case and when (docs/domain/scheduler.md): the stage-start
 * reminder, the admission approval's overdue and blocked steps, and each warning mailed once per deadline and
 * level. The reminders (services/development/reminders.ts) and the warning mails (scheduled/development-warnings.ts)
 * act on these events, and the case's wake date in the due index is the earliest one not yet done.
 */
export type CaseWakeEvent = WakeEvent &
  (
    | { type: 'stage-start'; stage: StageNo; attempt: number; marker: string }
    | { type: 'admission-approval'; code: CaseWarningCode }
    | { type: 'warning'; kind: DeadlineKind; dueDate: string; level: WarningLevel }
  );

/** The warning marker's key (per case, deadline and level), as the warning mails record it. */
export const warningEventKey = (item: { kind: DeadlineKind; dueDate: string; level: WarningLevel }) => `warning:${item.kind}#${item.dueDate}#${item.level}`;

/** The case marker recording the stage-start reminder of a stage attempt. */
export const stageStartMarker = (next: { stage: number; attempt: number }) => `stage-${next.stage}-${next.attempt}-startable`;
export const markerEventKey = (marker: string) => `mark:${marker}`;

/** Between stages, the next one can start from its earliest date: the branch staff are told once that day. */
export function stageStartEvent(devCase: DevelopmentCase): Extract<CaseWakeEvent, { type: 'stage-start' }> | undefined {
  const next = devCase.nextStage;
  if (devCase.status !== 'active' || devCase.stageState !== 'between' || !next) return undefined;
  const marker = stageStartMarker(next);
  return { type: 'stage-start', key: markerEventKey(marker), from: next.earliestStart, stage: next.stage, attempt: next.attempt, marker };
}

/**
 * The open admission approval (stage IV running, the general meeting held, no approval yet): overdue from the day
 * after its due date until its last date, blocked after that. Each is done once the case carries its warning.
 */
export function admissionApprovalEvents(devCase: DevelopmentCase, rules: DevelopmentRuleSet): Array<Extract<CaseWakeEvent, { type: 'admission-approval' }>> {
  const meeting = devCase.dates.admissionMeetingDate;
  if (devCase.status !== 'active' || devCase.stage !== 4 || devCase.stageState !== 'running' || !meeting || devCase.dates.admissionApprovalDate) return [];
  const { overdueFrom, blockedFrom } = admissionApprovalStatusDates(meeting, rules);
  const has = (code: CaseWarningCode) => devCase.warnings.some((w) => w.code === code);
  const events: Array<Extract<CaseWakeEvent, { type: 'admission-approval' }>> = [];
  if (!has('admission-approval-overdue') && !has('admission-approval-blocked')) {
    events.push({ type: 'admission-approval', code: 'admission-approval-overdue', key: 'case-warning:admission-approval-overdue', from: overdueFrom, until: admissionApprovalDeadlines(meeting, rules).lastDate });
  }
  if (!has('admission-approval-blocked')) events.push({ type: 'admission-approval', code: 'admission-approval-blocked', key: 'case-warning:admission-approval-blocked', from: blockedFrom });
  return events;
}

/** Each warning level of each deadline the case has on `asOf` (docs/domain/warnings.md), from the day it begins to the day it ends. */
export function warningEvents(devCase: DevelopmentCase, rules: DevelopmentRuleSet, asOf: string, dueSoonDays = 14): Array<Extract<CaseWakeEvent, { type: 'warning' }>> {
  if (devCase.status !== 'active') return [];
  const events: Array<Extract<CaseWakeEvent, { type: 'warning' }>> = [];
  for (const deadline of caseDeadlines(devCase.dates, asOf, rules, { dueSoonDays })) {
    for (const window of deadlineWindows(deadlineType(deadline.kind), deadline.dueDate, dueSoonDays)) {
      if (window.status === 'upcoming' || window.from === undefined) continue;
      const level = window.status;
      if (mailedByReminders({ kind: deadline.kind, level })) continue;
      const item = { kind: deadline.kind, dueDate: deadline.dueDate, level };
      events.push({ type: 'warning', ...item, key: warningEventKey(item), from: window.from, ...(window.until !== undefined ? { until: window.until } : {}) });
    }
  }
  return events;
}

/** Every scheduler event of the case on `asOf`. */
export function caseWakeEvents(devCase: DevelopmentCase, rules: DevelopmentRuleSet, asOf: string): CaseWakeEvent[] {
  const start = stageStartEvent(devCase);
  return [...(start ? [start] : []), ...admissionApprovalEvents(devCase, rules), ...warningEvents(devCase, rules, asOf)];
}

/**
 * The case's wake date on `asOf` (a China date; on or before `asOf`: due now), given the events already done
 * (`done`: their keys); none once nothing is left to do. Without `done` (a change of the case, which does not read
 * the markers) it is a lower bound: the scheduler then wakes the case once more and finds what was done.
 */
export function nextCaseWake(devCase: DevelopmentCase, rules: DevelopmentRuleSet, asOf: string, done: ReadonlySet<string> = new Set()): string | undefined {
  return nextWake(caseWakeEvents(devCase, rules, asOf), asOf, done);
}
