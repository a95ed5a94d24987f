import { chinaDate } from '../../domain/calendar';
import type { DevelopmentRuleSet } from '../../domain/development/rule-set';
import { caseWarnings, mailedByReminders, WARNING_KIND_LABELS, WARNING_LEVEL_LABELS, type WarningCase, type WarningItem } from '../../domain/development/warnings';
import { auditPut } from '../../store/audit';
import { casePk } from '../../store/cases-repo';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { staffToNotify } from '../registry/questions';

/**
 * docs/domain/warnings.md: each overdue, due-soon or reached warning of a development case is e-mailed once per level to the staff
 * responsible for the case's organization. A marker item (`DEVWARN#<caseId>` / `<kind>#<dueDate>#<level>`, written
 * only if absent, with the case's audit event in the same transaction) makes it idempotent across scheduler runs:
 * the marker is written first, so a crash between marker and mail loses a mail rather than sending it twice.
 */

export const warningMarkerKey = (item: Pick<WarningItem, 'caseId' | 'kind' | 'dueDate' | 'level'>) => ({
  pk: `DEVWARN#${item.caseId}`,
  sk: `${item.kind}#${item.dueDate}#${item.level}`,
});

/** Where the mail's link points: the case file (the page shows the step to act on). */
export const caseUrl = (publicBaseUrl: string, caseId: string) => `${publicBaseUrl}/staff/cases/${encodeURIComponent(caseId)}`;

function mailOf(item: WarningItem, baseUrl: string) {
  return {
    subject: `【发展党员预警】${item.personName}：${WARNING_KIND_LABELS[item.kind]}${WARNING_LEVEL_LABELS[item.level]}`,
    text: `${item.message}\n\n请及时办理：${caseUrl(baseUrl, item.caseId)}\n（本邮件由系统自动发送，每项预警在每个阶段只提醒一次。）`,
  };
}

async function claim(deps: ServiceDeps, item: WarningItem, alsoWrite: TransactItem[]): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  try {
    await transactWrite(deps.store, [
      { Put: { TableName: deps.store.tableName, Item: { ...warningMarkerKey(item), type: 'development-warning', at }, ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut(deps.store, casePk(item.caseId), { at, action: 'case.warning-sent', actor: 'system', details: { kind: item.kind, dueDate: item.dueDate, level: item.level } }),
      ...alsoWrite,
    ]);
    return true;
  } catch (error) {
    // Told before (the marker), or the case changed meanwhile (its due-index entry): the next tick looks again.
    if (error instanceof StoreConditionFailedError) return false;
    throw error;
  }
}

export interface WarningMailOptions {
  rulesOf?: (item: WarningCase) => DevelopmentRuleSet;
  dueSoonDays?: number;
  /** Written with each warning's marker (the scheduler: the case's due-index entry moved past it). */
  alsoWrite?: (item: WarningItem) => TransactItem[];
}

/** Mails the warnings of `cases` due today (China date); answers the warnings mailed now. */
export async function mailDevelopmentWarnings(deps: ServiceDeps, cases: readonly WarningCase[], options: WarningMailOptions = {}): Promise<WarningItem[]> {
  const items = caseWarnings(cases, chinaDate(deps.clock.now()), { rulesOf: options.rulesOf, dueSoonDays: options.dueSoonDays });
  const recipients = new Map<string, string[]>();
  const mailed: WarningItem[] = [];
  for (const item of items) {
    if (mailedByReminders(item)) continue;
    if (!recipients.has(item.orgId)) recipients.set(item.orgId, [...new Set((await staffToNotify(deps, item.orgId)).map((staff) => staff.email))]);
    const to = recipients.get(item.orgId)!;
    if (to.length === 0) continue; // nobody to tell yet: try again on the next run
    if (!(await claim(deps, item, options.alsoWrite?.(item) ?? []))) continue;
    await deps.mailer.send({ to, ...mailOf(item, deps.publicBaseUrl) });
    mailed.push(item);
  }
  return mailed;
}
