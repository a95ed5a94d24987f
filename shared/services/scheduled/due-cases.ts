import { chinaDate } from '../../domain/calendar';
import type { DevelopmentCase } from '../../domain/development/case';
import type { DevelopmentRuleSet } from '../../domain/development/rule-set';
import { nextCaseWake, stageStartEvent, warningEventKey } from '../../domain/development/wake';
import { casePk, getCase, listDoneCaseEvents } from '../../store/cases-repo';
import { forEachDueEntry, moveDueEntry, type DueEntry } from '../../store/due-index';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { remindStageStart, watchAdmissionApproval } from '../development/reminders';
import { getRuleSet } from '../development/rule-sets';
import { mailDevelopmentWarnings } from './development-warnings';

export interface DueCaseCounts {
  /** Cases whose due-index entry was due (read and looked at). */
  casesWoken: number;
  stageReminders: number;
  approvalsOverdue: number;
  approvalsBlocked: number;
  warnings: number;
}

/**
 * The scheduler's development work (docs/domain/scheduler.md): the cases whose wake date has come, read from the due
 * index (never every active case), each given its stage-start reminder, its admission approval's deadlines and its
 * warnings, in that order. Each write that records one as done moves the case's entry past it in the same
 * transaction; the case's entry is finally set to the wake date of what is left (or deleted).
 */
export async function runDueCases(deps: ServiceDeps): Promise<DueCaseCounts> {
  const today = chinaDate(deps.clock.now());
  const counts: DueCaseCounts = { casesWoken: 0, stageReminders: 0, approvalsOverdue: 0, approvalsBlocked: 0, warnings: 0 };
  const rules = new Map<string, Promise<DevelopmentRuleSet>>();
  const rulesOf = (version: string) => {
    if (!rules.has(version)) rules.set(version, getRuleSet(deps, version));
    return rules.get(version)!;
  };
  await forEachDueEntry(deps.store, 'case', today, async (entry) => {
    counts.casesWoken += 1;
    await wakeCase(deps, entry, today, rulesOf, counts);
  });
  return counts;
}

async function wakeCase(deps: ServiceDeps, entry: DueEntry, today: string, rulesOf: (version: string) => Promise<DevelopmentRuleSet>, counts: DueCaseCounts): Promise<void> {
  const found = await getCase(deps.store, entry.id);
  if (!found || found.status !== 'active') {
    await moveEntry(deps, { ...entry, wakeAt: undefined, version: found?.version ?? entry.version });
    return;
  }
  const rules = await rulesOf(found.ruleSetVersion);
  const done = await listDoneCaseEvents(deps.store, found.id);
  let devCase: DevelopmentCase = found;
  let stored: string | undefined | null = found.version === entry.version ? entry.wakeAt : null; // the entry's wake date as last written (null: unknown)
  const written = new Map<string, string | undefined>();
  const entryAfter = (c: DevelopmentCase, doneKeys: readonly string[]) => {
    const wakeAt = nextCaseWake(c, rules, today, new Set([...done, ...doneKeys]));
    written.set(doneKeys.at(-1) ?? '', wakeAt);
    return moveDueEntry(deps.store, { kind: 'case', pk: casePk(c.id), id: c.id, wakeAt, version: c.version });
  };

  const start = await remindStageStart(deps, devCase, today, (c, key) => [entryAfter(c, key ? [key] : [])]);
  if (start === 'changed') return; // the case changed meanwhile: its own entry is due again
  if (start === 'sent' || start === 'told-before') {
    const key = stageStartEvent(devCase)!.key;
    if (start === 'sent') {
      counts.stageReminders += 1;
      stored = written.get(key);
    }
    done.add(key);
  }

  const watched = await watchAdmissionApproval(deps, devCase, rules, today, done);
  if (watched) {
    devCase = watched.devCase; // its entry was written with the change
    stored = nextCaseWake(devCase, rules, today, done);
    if (watched.status === 'overdue') counts.approvalsOverdue += 1;
    else counts.approvalsBlocked += 1;
  }

  const attempted: string[] = [];
  const mailed = await mailDevelopmentWarnings(deps, [{ caseId: devCase.id, personName: devCase.personName, orgId: devCase.orgId, stage: devCase.stage, dates: devCase.dates }], {
    rulesOf: () => rules,
    alsoWrite: (item) => {
      attempted.push(warningEventKey(item));
      return [entryAfter(devCase, attempted)];
    },
  });
  counts.warnings += mailed.length;
  for (const item of mailed) done.add(warningEventKey(item));
  if (mailed.length > 0) stored = written.get(warningEventKey(mailed.at(-1)!));

  // What is left (a mail with nobody to tell yet stays due: the next tick tries again).
  const wakeAt = nextCaseWake(devCase, rules, today, done);
  if (stored === null || wakeAt !== stored) await moveEntry(deps, { kind: 'case', pk: casePk(devCase.id), id: devCase.id, wakeAt, version: devCase.version });
}

async function moveEntry(deps: ServiceDeps, target: Parameters<typeof moveDueEntry>[1]): Promise<void> {
  try {
    await transactWrite(deps.store, [moveDueEntry(deps.store, target)]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error; // changed meanwhile: its own entry stands
  }
}
