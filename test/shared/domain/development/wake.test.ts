import fc from 'fast-check';
import { addDays } from '../../../../shared/domain/calendar';
import { admissionApprovalStatus } from '../../../../shared/domain/development/approval-deadline';
import type { CaseWarningCode, DevelopmentCase } from '../../../../shared/domain/development/case';
import type { CaseDates } from '../../../../shared/domain/development/deadlines';
import { DEFAULT_RULE_SET } from '../../../../shared/domain/development/rule-set';
import type { StageNo } from '../../../../shared/domain/development/steps';
import { caseWarnings, mailedByReminders } from '../../../../shared/domain/development/warnings';
import { caseWakeEvents, nextCaseWake, stageStartMarker, warningEventKey } from '../../../../shared/domain/development/wake';
import { dueEvents } from '../../../../shared/domain/scheduling/next-wake';

// docs/domain/scheduler.md: a case's wake date is the first day the scanning scheduler would have had something to do.

const rules = DEFAULT_RULE_SET;

function devCase(partial: Partial<DevelopmentCase> & { dates: CaseDates }): DevelopmentCase {
  return {
    id: 'c1', personId: 'p1', personName: '张三', orgId: 'b1', ruleSetVersion: '2014', status: 'active', stage: 1, attempt: 1, stageState: 'running',
    outcomeReasons: [], warnings: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 1, ...partial,
  };
}

test.each([
  // [what, case, asOf, done, wake]
  ['talk due 04-10: due soon from 03-27', devCase({ dates: { applicationDate: '2026-03-10' } }), '2026-03-20', [], '2026-03-27'],
  ['the day before due soon', devCase({ dates: { applicationDate: '2026-03-10' } }), '2026-03-26', [], '2026-03-27'],
  ['due soon on its first day', devCase({ dates: { applicationDate: '2026-03-10' } }), '2026-03-27', [], '2026-03-27'],
  ['due soon mailed: overdue the day after the due date', devCase({ dates: { applicationDate: '2026-03-10' } }), '2026-03-27', ['warning:talk-due#2026-04-10#due-soon'], '2026-04-11'],
  ['due soon missed (past its window): overdue', devCase({ dates: { applicationDate: '2026-03-10' } }), '2026-04-12', [], '2026-04-11'],
  ['everything mailed: none', devCase({ dates: { applicationDate: '2026-03-10' } }), '2026-04-12', ['warning:talk-due#2026-04-10#overdue'], undefined],
  ['an ended case: none', devCase({ status: 'ended', dates: { applicationDate: '2026-03-10' } }), '2026-03-20', [], undefined],
  ['between stages: the stage can start on its date', devCase({ stageState: 'between', nextStage: { stage: 2, attempt: 1, earliestStart: '2026-03-25' }, dates: { applicationDate: '2026-03-10', talkDate: '2026-03-12' } }), '2026-03-20', [], '2026-03-25'],
  ['the stage-start told: nothing left', devCase({ stageState: 'between', nextStage: { stage: 2, attempt: 1, earliestStart: '2026-03-25' }, dates: { applicationDate: '2026-03-10', talkDate: '2026-03-12' } }), '2026-03-25', ['mark:stage-2-1-startable'], undefined],
] as const)('%s', (_what, c, asOf, done, wake) => {
  expect(nextCaseWake(c, rules, asOf, new Set(done))).toBe(wake);
});

test('the admission approval: due soon 14 days before 3 months, overdue the day after, blocked after 6 months', () => {
  const admitted = devCase({ stage: 4, dates: { applicationDate: '2024-01-05', talkDate: '2024-01-10', activistDate: '2024-03-01', targetDate: '2025-03-01', admissionMeetingDate: '2026-01-05' } });
  expect(nextCaseWake(admitted, rules, '2026-03-01')).toBe('2026-03-22');
  expect(nextCaseWake(admitted, rules, '2026-03-22', new Set(['warning:admission-approval-due#2026-04-05#due-soon']))).toBe('2026-04-06');
  const warned = { ...admitted, warnings: [{ code: 'admission-approval-overdue' as const, message: '', since: '2026-04-06T01:00:00.000Z' }] };
  expect(nextCaseWake(warned, rules, '2026-04-06', new Set(['warning:admission-approval-due#2026-04-05#due-soon']))).toBe('2026-06-21'); // the limit (07-05) due soon
  expect(nextCaseWake(warned, rules, '2026-06-21', new Set(['warning:admission-approval-due#2026-04-05#due-soon', 'warning:admission-approval-limit#2026-07-05#due-soon']))).toBe('2026-07-06');
});

// A case somewhere between the application and the conversion approval, with its dates in order.
const caseArb = fc
  .record({
    start: fc.integer({ min: 0, max: 900 }),
    progress: fc.integer({ min: 0, max: 6 }),
    gaps: fc.array(fc.integer({ min: 5, max: 400 }), { minLength: 7, maxLength: 7 }),
    evaluations: fc.array(fc.integer({ min: 1, max: 700 }), { maxLength: 3 }),
    between: fc.boolean(),
    startOffset: fc.integer({ min: -30, max: 200 }),
    warnings: fc.subarray(['admission-approval-overdue', 'admission-approval-blocked'] as CaseWarningCode[]),
    asOffset: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ start, progress, gaps, evaluations, between, startOffset, warnings, asOffset }) => {
    const application = addDays('2024-01-01', start);
    const at: string[] = [application];
    for (const gap of gaps) at.push(addDays(at[at.length - 1], gap));
    const dates: CaseDates = { applicationDate: application };
    if (progress >= 1) dates.talkDate = at[1];
    if (progress >= 2) {
      dates.activistDate = at[2];
      dates.evaluationDates = evaluations.map((d) => addDays(at[2], d)).sort();
    }
    if (progress >= 3) dates.targetDate = addDays(at[2], 366);
    if (progress >= 4) dates.admissionMeetingDate = addDays(dates.targetDate!, gaps[3]);
    if (progress >= 5) dates.admissionApprovalDate = addDays(dates.admissionMeetingDate!, gaps[4] % 90);
    if (progress >= 6) dates.conversionMeetingDate = addDays(dates.admissionMeetingDate!, 366 + gaps[5] % 30);
    const stage = Math.min(5, Math.max(1, progress)) as StageNo;
    const lastDate = Object.values(dates).flat().filter((d): d is string => typeof d === 'string').sort().at(-1)!;
    const c = devCase({
      stage, dates, stageState: between ? 'between' : 'running',
      warnings: warnings.map((code) => ({ code, message: '', since: '' })),
      ...(between ? { nextStage: { stage: Math.min(5, stage + 1) as StageNo, attempt: 1, earliestStart: addDays(lastDate, startOffset) } } : {}),
    });
    return { c, asOf: addDays(lastDate, asOffset % 400) };
  });

/** What the scanning scheduler would do for the case on `day` that is not in `done` (the old tick: reminders and warnings). */
function scanningWork(c: DevelopmentCase, day: string, done: ReadonlySet<string>): string[] {
  const work: string[] = [];
  if (c.stageState === 'between' && c.nextStage && day >= c.nextStage.earliestStart && !done.has(`mark:${stageStartMarker(c.nextStage)}`)) work.push('stage-start');
  const meeting = c.dates.admissionMeetingDate;
  if (c.stage === 4 && c.stageState === 'running' && meeting && !c.dates.admissionApprovalDate) {
    const status = admissionApprovalStatus(meeting, day, rules);
    const code = `admission-approval-${status}`;
    if (status !== 'in-time' && !c.warnings.some((w) => w.code === code) && !done.has(`case-warning:${code}`)) work.push(code);
  }
  for (const item of caseWarnings([{ caseId: c.id, personName: c.personName, orgId: c.orgId, stage: c.stage, dates: c.dates }], day, { rulesOf: () => rules })) {
    if (!mailedByReminders(item) && !done.has(warningEventKey(item))) work.push(item.key);
  }
  return work;
}

test('no day before the wake date has work for the scanning scheduler, and the wake date has (fast-check)', () => {
  fc.assert(
    fc.property(caseArb, ({ c, asOf }) => {
      const done = new Set(dueEvents(caseWakeEvents(c, rules, asOf), asOf, new Set()).map((e) => e.key)); // the tick on asOf did all that was due
      const wake = nextCaseWake(c, rules, asOf, done);
      if (wake !== undefined) expect(wake > asOf).toBe(true);
      const until = wake ?? addDays(asOf, 800);
      for (let day = addDays(asOf, 1); day < until; day = addDays(day, 1)) {
        const work = scanningWork(c, day, done).filter((w) => !(w === 'admission-approval-overdue' && c.warnings.some((x) => x.code === 'admission-approval-blocked')));
        expect({ day, work }).toEqual({ day, work: [] });
      }
      if (wake !== undefined) expect(dueEvents(caseWakeEvents(c, rules, wake), wake, done).length).toBeGreaterThan(0);
    }),
    { numRuns: 100 },
  );
});
