import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DevelopmentCase } from '../../domain/development/case';
import type { Election } from '../../domain/election/election';
import { noticeStepOf, type Notice } from '../../domain/notice/notice';
import { electionGuardKey, electionPk } from '../../store/elections-repo';
import { guardPk, recordGuardHolder, releaseGuard, type GuardKey } from '../../store/guards';
import { noticeGuardKey, noticePk } from '../../store/notices-repo';
import type { Store } from '../../store/store';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';

/**
 * The "at most one X per Y" rules over a whole table, for `dangjian check`: what breaks them (two running elections
 * of one organization, two open cases of one person, two open notices of one person and step), and the guards to
 * bring in line with the records (shared/store/README.md: guards).
 */
export type OneAtATimeRule = 'election' | 'case' | 'notice';

export interface Violation {
  rule: OneAtATimeRule;
  /** The organization or the person concerned, by name. */
  subject: string;
  /** The step of a notice (its kind or, for 其他事项, its proposed step). */
  step?: string;
  holders: { id: string; createdAt: string; orgName: string }[];
}

interface TableRecords {
  elections: Election[];
  cases: DevelopmentCase[];
  notices: Notice[];
  /** pk → holders of the guards found (election and notice guards). */
  guards: Map<string, string[]>;
}

async function readTable(store: Store): Promise<TableRecords> {
  const records: TableRecords = { elections: [], cases: [], notices: [], guards: new Map() };
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(new ScanCommand({ TableName: store.tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    for (const item of page.Items ?? []) {
      if (item.type === 'election') records.elections.push(item as unknown as Election);
      else if (item.type === 'case') records.cases.push(item as unknown as DevelopmentCase);
      else if (item.type === 'notice') records.notices.push(item as unknown as Notice);
      else if (item.type === 'guard') records.guards.set(item.pk as string, item.holders instanceof Set ? [...(item.holders as Set<string>)] : []);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return records;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

const byCreation = <T extends { createdAt: string }>(items: T[]) => [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

/** Every group of more than one X under one Y, oldest first in each. */
export async function findViolations(store: Store): Promise<Violation[]> {
  const { elections, cases, notices } = await readTable(store);
  const violations: Violation[] = [];
  for (const group of groupBy(elections.filter((e) => e.status === 'running'), (e) => e.orgId).values()) {
    if (group.length < 2) continue;
    violations.push({ rule: 'election', subject: group[0].orgName, holders: byCreation(group).map((e) => ({ id: e.id, createdAt: e.createdAt, orgName: e.orgName })) });
  }
  for (const group of groupBy(cases.filter((c) => c.status === 'active'), (c) => c.personId).values()) {
    if (group.length < 2) continue;
    violations.push({ rule: 'case', subject: group[0].personName, holders: byCreation(group).map((c) => ({ id: c.id, createdAt: c.createdAt, orgName: '' })) });
  }
  const open = notices.filter((n) => n.status === 'open');
  for (const group of groupBy(open, (n) => noticeGuardKey(n)?.scope).values()) {
    if (group.length < 2) continue;
    const first = group[0];
    const subject = 'subject' in first ? first.subject.name : '';
    violations.push({
      rule: 'notice', subject, step: noticeStepOf(first)?.step,
      holders: group.map((n) => ({ id: n.id, createdAt: n.publishedAt, orgName: n.orgName })).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    });
  }
  return violations;
}

export interface GuardRepair {
  /** Running elections and open notices that predate their guard, now recorded in it. */
  added: number;
  /** Guard holders whose record has ended without releasing them, now released (a holder not recorded yet, a
   *  notice whose process is starting, is left alone). */
  released: number;
}

/**
 * Brings the election and notice guards in line with the records: each running election and open notice is recorded
 * in its guard (duplicates too: the guard then stays held until all of them have ended), each holder that is no
 * longer running or open is released. Every write is conditioned on the record's state, so it is safe while the
 * system runs. The case guard (PERSON#<id> DEVCASE) is as old as cases: nothing to add.
 */
export async function repairGuards(store: Store): Promise<GuardRepair> {
  const { elections, notices, guards } = await readTable(store);
  const live = new Map<string, { key: GuardKey; pk: string; status: string }>();
  for (const e of elections.filter((e) => e.status === 'running')) live.set(e.id, { key: electionGuardKey(e.orgId), pk: electionPk(e.id), status: 'running' });
  for (const n of notices.filter((n) => n.status === 'open')) {
    const key = noticeGuardKey(n);
    if (key) live.set(n.id, { key, pk: noticePk(n.id), status: 'open' });
  }
  const repair: GuardRepair = { added: 0, released: 0 };
  for (const [id, { key, pk, status }] of live) {
    if (guards.get(guardPk(key))?.includes(id)) continue;
    if (await whileStatus(store, pk, status, recordGuardHolder(store, key, id))) repair.added += 1;
  }
  for (const [guard, holders] of guards) {
    for (const id of holders.filter((holder) => !live.has(holder))) {
      const key = guardKeyOf(guard);
      const record = key.rule === 'election' ? electionPk(id) : noticePk(id);
      if (await whileNotStatus(store, record, key.rule === 'election' ? 'running' : 'open', releaseGuard(store, key, id))) repair.released += 1;
    }
  }
  return repair;
}

/** Written once the guards of a store were brought in line at a start: records stored since keep their own guards. */
const REPAIRED_MARKER = { pk: 'INTEGRITY', sk: 'GUARDS' };

/**
 * `repairGuards` once per store, at the start of the local runtime: a data folder from before the guards is repaired
 * at its first start, and later starts read one item instead of the whole table. Undefined when it was done before.
 * (`dangjian check --repair` repairs whenever it is asked.)
 */
export async function repairGuardsOnce(store: Store, at: Date): Promise<GuardRepair | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: REPAIRED_MARKER, ConsistentRead: true }));
  if (Item) return undefined;
  const repair = await repairGuards(store);
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...REPAIRED_MARKER, type: 'integrity-marker', at: at.toISOString(), ...repair } }));
  return repair;
}

function guardKeyOf(pk: string): GuardKey {
  const [, rule, ...scope] = pk.split('#');
  return { rule: rule as GuardKey['rule'], scope: scope.join('#') };
}

const recordKey = (pk: string) => ({ pk, sk: pk.startsWith('ELECTION#') ? 'ELECTION' : 'NOTICE' });

async function whileStatus(store: Store, pk: string, status: string, write: TransactItem): Promise<boolean> {
  return conditioned(store, write, { ConditionExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':status': status } }, pk);
}

async function whileNotStatus(store: Store, pk: string, status: string, write: TransactItem): Promise<boolean> {
  return conditioned(store, write, { ConditionExpression: 'attribute_exists(pk) AND #status <> :status', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':status': status } }, pk);
}

async function conditioned(
  store: Store,
  write: TransactItem,
  condition: { ConditionExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> },
  pk: string,
): Promise<boolean> {
  try {
    await transactWrite(store, [{ ConditionCheck: { TableName: store.tableName, Key: recordKey(pk), ...condition } }, write]);
    return true;
  } catch (error) {
    if (error instanceof StoreConditionFailedError) return false; // the record changed meanwhile: its own transaction saw to the guard
    throw error;
  }
}
