import { loadOrgTree } from '../authorization';
import { chinaDate } from '../../domain/calendar';
import { reminderText, termStatus, type TermReminderRule } from '../../domain/election/term-reminders';
import type { Organization } from '../../domain/registry/organization';
import { auditPut } from '../../store/audit';
import { orgPk } from '../../store/orgs-repo';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { staffToNotify } from '../registry/questions';
import { getTermReminderRules } from '../settings/term-reminder-settings';

/**
 * Term-end reminders and the overdue warning by e-mail (docs/domain/elections.md, docs/domain/warnings.md), each once per organization and term end:
 * a marker item `ORG#<id>` / `TERMREMINDER#<termEnd>#<key>` is put only if absent, with the organization's audit
 * event, in one transaction; only the run that wrote the marker sends the mail. When a term is renewed its end
 * moves, so the next term's reminders have new markers. The keys come from the months (`6m`, `request-1m`), so a
 * changed setting never sends again a reminder already sent for the same months.
 */

const markerSk = (termEnd: string, key: string) => `TERMREMINDER#${termEnd}#${key}`;

function markerPut(deps: Pick<ServiceDeps, 'store'>, org: Organization, termEnd: string, key: string, at: string): TransactItem {
  return {
    Put: {
      TableName: deps.store.tableName,
      Item: { pk: orgPk(org.id), sk: markerSk(termEnd, key), type: 'term-reminder', at },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Writes the marker and the audit event; false when another run already did. */
async function claimReminder(deps: ServiceDeps, org: Organization, termEnd: string, key: string, details: Record<string, unknown>): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  try {
    await transactWrite(deps.store, [
      markerPut(deps, org, termEnd, key, at),
      auditPut(deps.store, orgPk(org.id), { at, action: 'org.term-reminder-sent', actor: 'system', details: { termEnd, ...details } }),
    ]);
    return true;
  } catch (error) {
    if (error instanceof StoreConditionFailedError && error.failedAt(0)) return false;
    throw error;
  }
}

function overdueText(org: Organization, termEnd: string, days: number): { subject: string; text: string } {
  return {
    subject: `${org.name}换届逾期：任期已于 ${termEnd} 届满`,
    text: `${org.name}本届任期已于 ${termEnd} 届满（已超过 ${days} 天），尚无经上级党组织批准的换届选举结果。\n请尽快组织换届选举；确需延期的，须报上级党组织批准，延期一般不超过 1 年。`,
  };
}

export interface TermReminderRun {
  /** `<orgId>:<key>` of each mail sent by this run. */
  sent: string[];
}

/**
 * Sends the term reminders due today (China time) and the overdue warnings, each once. `rules`: the reminders in
 * force, read once per run from the stored setting (换届提醒设置, the defaults when none) unless given.
 */
export async function sendTermReminders(deps: ServiceDeps, given?: readonly TermReminderRule[]): Promise<TermReminderRun> {
  const rules = given ?? (await getTermReminderRules(deps));
  const requestMonths = rules.find((rule) => rule.kind === 'request-deadline')?.monthsBefore;
  const today = chinaDate(deps.clock.now());
  const orgs = (await loadOrgTree(deps.store)).organizations.filter((org) => org.status === 'active' && org.termEnd);
  const sent: string[] = [];
  for (const org of orgs) {
    const status = termStatus(org, today, { rules });
    const termEnd = status.termEnd!;
    let key: string;
    let mail: { subject: string; text: string };
    if (status.state === 'overdue') {
      key = 'overdue';
      mail = overdueText(org, termEnd, status.daysOverdue!);
    } else if (status.due) {
      key = status.due.key;
      mail = reminderText(org.name, status.due, requestMonths);
    } else continue;
    const to = [...new Set((await staffToNotify(deps, org.id)).map((s) => s.email))];
    if (!(await claimReminder(deps, org, termEnd, key, { reminder: key, recipients: to.length }))) continue;
    if (to.length > 0) await deps.mailer.send({ to, subject: mail.subject, text: `${mail.text}\n${deps.publicBaseUrl}/staff/elections` });
    sent.push(`${org.id}:${key}`);
  }
  return { sent };
}
