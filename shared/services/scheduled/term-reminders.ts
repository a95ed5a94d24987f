import { loadOrgTree } from '../authorization';
import { chinaDate } from '../../domain/calendar';
import { reminderText, termStatus, type TermReminderRule } from '../../domain/election/term-reminders';
import type { Organization } from '../../domain/registry/organization';
import { nextTermWake } from '../../domain/registry/term-wake';
import { auditPut } from '../../store/audit';
import { forEachDueEntry, type DueEntry } from '../../store/due-index';
import { orgPk } from '../../store/orgs-repo';
import { dropTermEntry, moveTermEntry, termReminderMarkerSk, termReminderSent } from '../../store/term-due';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { staffToNotify } from '../registry/questions';
import { getTermReminderRulesInForce } from '../settings/term-reminder-settings';
import { keyTermEntries } from './term-keying';

/**
 * Term-end reminders and the overdue warning by e-mail (docs/domain/elections.md, docs/domain/warnings.md), each once per organization and term end:
 * a marker item `ORG#<id>` / `TERMREMINDER#<termEnd>#<key>` is put only if absent, with the organization's audit
 * event, in one transaction; only the run that wrote the marker sends the mail. When a term is renewed its end
 * moves, so the next term's reminders have new markers. The keys come from the months (`6m`, `request-1m`), so a
 * changed setting never sends again a reminder already sent for the same months.
 *
 * Only the organizations whose term entry is due are looked at (docs/domain/scheduler.md): the same transaction
 * moves the entry to the wake date of what is left.
 */

function markerPut(deps: Pick<ServiceDeps, 'store'>, org: Organization, termEnd: string, key: string, at: string): TransactItem {
  return {
    Put: {
      TableName: deps.store.tableName,
      Item: { pk: orgPk(org.id), sk: termReminderMarkerSk(termEnd, key), type: 'term-reminder', at },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Writes the marker, the audit event and the entry's move; false when another run already did, or the term or the setting changed meanwhile. */
async function claimReminder(deps: ServiceDeps, org: Organization, termEnd: string, key: string, details: Record<string, unknown>, move: TransactItem[]): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  try {
    await transactWrite(deps.store, [
      markerPut(deps, org, termEnd, key, at),
      auditPut(deps.store, orgPk(org.id), { at, action: 'org.term-reminder-sent', actor: 'system', details: { termEnd, ...details } }),
      ...move,
    ]);
    return true;
  } catch (error) {
    if (error instanceof StoreConditionFailedError) return false; // sent by another run, or changed: the next tick looks again
    throw error;
  }
}

async function moveEntry(deps: ServiceDeps, move: TransactItem[]): Promise<void> {
  try {
    await transactWrite(deps.store, move);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error; // the term or the setting changed: its own entry stands
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
  /** Organizations whose term entry was due (looked at). */
  woken: number;
  /** Entries written by the keying (term-keying.ts), or undefined when the entries were keyed for the setting before. */
  keyed: number | undefined;
}

interface Look {
  rules: readonly TermReminderRule[];
  rulesVersion: number;
  requestMonths: number | undefined;
  today: string;
}

/**
 * Sends the term reminders due today (China time) and the overdue warnings, each once, to the organizations whose
 * term entry is due. The rules in force are read once per run from the stored setting (换届提醒设置, the defaults
 * when none); the entries are keyed for them first (keyTermEntries).
 */
export async function sendTermReminders(deps: ServiceDeps): Promise<TermReminderRun> {
  const { rules, version: rulesVersion } = await getTermReminderRulesInForce(deps);
  const today = chinaDate(deps.clock.now());
  const keyed = await keyTermEntries(deps, rules, rulesVersion, today);
  const look: Look = { rules, rulesVersion, today, requestMonths: rules.find((rule) => rule.kind === 'request-deadline')?.monthsBefore };
  const tree = await loadOrgTree(deps.store);
  const run: TermReminderRun = { sent: [], woken: 0, keyed };
  await forEachDueEntry(deps.store, 'term', today, async (entry) => {
    run.woken += 1;
    const sent = await wakeTerm(deps, entry, tree.get(entry.id), look);
    if (sent) run.sent.push(sent);
  });
  return run;
}

/** One organization whose entry is due: its reminder or warning due today, if not sent yet; answers `<orgId>:<key>` when mailed. */
async function wakeTerm(deps: ServiceDeps, entry: DueEntry, org: Organization | undefined, look: Look): Promise<string | undefined> {
  const { rules, rulesVersion, today } = look;
  if (!org || entry.termEnd === undefined || org.termEnd !== entry.termEnd) {
    // The organization's write replaced or deleted the entry (the index lags); one left behind is removed.
    if (entry.termEnd !== undefined && (!org || nextTermWake(org, rules, today) === undefined)) await moveEntry(deps, [dropTermEntry(deps.store, entry.id, entry.termEnd)]);
    return undefined;
  }
  const termEnd = entry.termEnd;
  const move = (done: string[]) => moveTermEntry(deps.store, { ...org, termEnd }, nextTermWake(org, rules, today, new Set(done)), rulesVersion);
  if (org.status !== 'active') {
    await moveEntry(deps, move([]));
    return undefined;
  }
  const status = termStatus(org, today, { rules });
  let key: string;
  let mail: { subject: string; text: string };
  if (status.state === 'overdue') {
    key = 'overdue';
    mail = overdueText(org, termEnd, status.daysOverdue!);
  } else if (status.due) {
    key = status.due.key;
    mail = reminderText(org.name, status.due, look.requestMonths);
  } else {
    await moveEntry(deps, move([])); // woken early (a lower bound): on to the first reminder
    return undefined;
  }
  if (await termReminderSent(deps.store, org.id, termEnd, key)) {
    await moveEntry(deps, move([key]));
    return undefined;
  }
  const to = [...new Set((await staffToNotify(deps, org.id)).map((s) => s.email))];
  if (!(await claimReminder(deps, org, termEnd, key, { reminder: key, recipients: to.length }, move([key])))) return undefined;
  if (to.length > 0) await deps.mailer.send({ to, subject: mail.subject, text: `${mail.text}\n${deps.publicBaseUrl}/staff/elections` });
  return `${org.id}:${key}`;
}
