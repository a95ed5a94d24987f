import { BatchGetCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DevelopmentCase, StepRecord } from '../domain/development/case';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';
import { fromItem } from './item';
import { caseCountKey, formatCountKey, parseCountKey, type CaseCountKey } from '../domain/development/case-counts';
import { GSI2_KEY_ATTRIBUTES, orgKindRange, pageAcrossOrganizations, type OrgPage } from './org-pages';

/**
 * Development cases (一人一档), keys in shared/store/README.md. The case, its step records, the references to its
 * notices and approvals, its filings and its audit events share the partition CASE#<id>, so the file is one query.
 */
export const casePk = (caseId: string) => `CASE#${caseId}`;
const CASE_SK = 'CASE';
const ACTIVE_KEY = 'CASES#active';
const personCaseKey = (personId: string) => ({ pk: `PERSON#${personId}`, sk: 'DEVCASE' });

/**
 * `countedAs`: the dashboard counter key the stored case is counted under (case-counts.ts; absent: not counted, as a
 * closed case or an active one stored before the counters until the backfill counts it). Written with every case.
 */
const COUNTED_AS = 'countedAs';
const countedAs = new WeakMap<DevelopmentCase, string>();
/** The path an active case read from the store is listed under (caseItem), when it has one. */
const listedUnder = new WeakMap<DevelopmentCase, string>();

/**
 * An active case is listed in gsi1 `CASES#active` under its organization's ancestry path then its id, so the active
 * cases of a subtree are one range (the dashboard's warnings). `orgPath` is the path when the case is written; a case
 * written without it, or before its organization moved, is listed under a path no subtree query matches until its next
 * write (the dashboard then reads that organization's cases: services/development-views/dashboard.ts).
 */
function caseItem(devCase: DevelopmentCase, orgPath = ''): Record<string, unknown> {
  const key = caseCountKey(devCase);
  return {
    ...(key ? { [COUNTED_AS]: formatCountKey(key) } : {}),
    pk: casePk(devCase.id),
    sk: CASE_SK,
    type: 'case',
    gsi2pk: `ORG#${devCase.orgId}#case`,
    gsi2sk: `${devCase.createdAt}#${devCase.id}`,
    ...(devCase.status === 'active' ? { gsi1pk: ACTIVE_KEY, gsi1sk: `${orgPath}${devCase.id}` } : {}),
    ...devCase,
  };
}

function toCase(item: Record<string, unknown>): DevelopmentCase {
  const { [COUNTED_AS]: counted, ...rest } = item;
  const devCase = fromItem<DevelopmentCase>(rest);
  if (typeof counted === 'string') countedAs.set(devCase, counted);
  const listed = item.gsi1pk === ACTIVE_KEY && typeof item.gsi1sk === 'string' ? item.gsi1sk.slice(0, -devCase.id.length) : '';
  if (listed.startsWith('/')) listedUnder.set(devCase, listed);
  return devCase;
}

/** The organization path the case read from the store is listed under (undefined: not active, listed without one, or not read from the store). */
export const listedPathOf = (devCase: DevelopmentCase): string | undefined => listedUnder.get(devCase);

/** The counter key the case read from the store is counted under (undefined: not counted, or not read from the store). */
export function countedAsOf(devCase: DevelopmentCase): CaseCountKey | undefined {
  return parseCountKey(countedAs.get(devCase));
}

/**
 * The backfill's write for an active case stored before the counters (with the ADD to its counter, one
 * transaction): the case marked counted only at the version read and only if nothing counted it meanwhile.
 */
export function markCaseCounted(store: Store, devCase: DevelopmentCase, key: CaseCountKey): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: { pk: casePk(devCase.id), sk: CASE_SK },
      UpdateExpression: 'SET #counted = :key',
      ConditionExpression: 'version = :version AND attribute_not_exists(#counted)',
      ExpressionAttributeNames: { '#counted': COUNTED_AS },
      ExpressionAttributeValues: { ':key': formatCountKey(key), ':version': devCase.version },
    },
  };
}

/** A new case (listed under `orgPath`, its organization's path), and the person's open-case marker (a person has at most one open case). */
export function putNewCase(store: Store, devCase: DevelopmentCase, orgPath?: string): TransactItem[] {
  return [
    { Put: { TableName: store.tableName, Item: caseItem(devCase, orgPath), ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Put: {
        TableName: store.tableName,
        Item: { ...personCaseKey(devCase.personId), type: 'person-case', caseId: devCase.id, open: true },
        ConditionExpression: 'attribute_not_exists(pk) OR #open = :false',
        ExpressionAttributeNames: { '#open': 'open' },
        ExpressionAttributeValues: { ':false': false },
      },
    },
  ];
}

/**
 * Replaces the case if its version is still `expectedVersion` (the next version is in `next`). Given the case as
 * read (`previous`), also only if it is still counted as it was read (`countedAs`: the backfill may have counted it
 * meanwhile without a new version; the change then loses the race and is made again from the case as it is).
 */
export function replaceCase(store: Store, next: DevelopmentCase, expectedVersion: number, previous?: DevelopmentCase, orgPath?: string): TransactItem {
  const counted = previous ? countedAs.get(previous) : undefined;
  const countCondition = previous === undefined ? '' : counted === undefined ? ' AND attribute_not_exists(#counted)' : ' AND #counted = :counted';
  return {
    Put: {
      TableName: store.tableName,
      Item: caseItem(next, orgPath),
      ConditionExpression: `version = :expected${countCondition}`,
      ...(previous ? { ExpressionAttributeNames: { '#counted': COUNTED_AS } } : {}),
      ExpressionAttributeValues: { ':expected': expectedVersion, ...(counted !== undefined ? { ':counted': counted } : {}) },
    },
  };
}

/** The person's open-case marker (the guard of "one open case per person"), released in the transaction that closes the case. */
export function releaseCaseGuard(store: Store, devCase: Pick<DevelopmentCase, 'personId' | 'id'>): TransactItem {
  return { Put: { TableName: store.tableName, Item: { ...personCaseKey(devCase.personId), type: 'person-case', caseId: devCase.id, open: false } } };
}

export async function getCase(store: Store, caseId: string): Promise<DevelopmentCase | undefined> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: casePk(caseId), sk: CASE_SK }, ConsistentRead: true }));
  return result.Item ? toCase(result.Item) : undefined;
}

/** The open case of a person, if any. */
export async function getOpenCaseIdOf(store: Store, personId: string): Promise<string | undefined> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: personCaseKey(personId), ConsistentRead: true }));
  return result.Item?.open === true ? (result.Item.caseId as string) : undefined;
}

export async function listOrgCases(store: Store, orgId: string): Promise<DevelopmentCase[]> {
  const items = await queryAll(store, { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :key', ExpressionAttributeValues: { ':key': `ORG#${orgId}#case` } });
  return items.map(toCase);
}

/** Every active case, each read consistently (the scheduler's reminders, approval deadlines and warnings). */
export async function listActiveCases(store: Store): Promise<DevelopmentCase[]> {
  const items = await queryAll(store, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :key', ExpressionAttributeValues: { ':key': ACTIVE_KEY } });
  const cases = await Promise.all(items.map((item) => getCase(store, item.id as string)));
  return cases.filter((c) => c !== undefined);
}

/** The active cases listed under `pathPrefix` (a subtree), each with the path it is listed under (eventually consistent). */
export async function listActiveCasesUnder(store: Store, pathPrefix: string): Promise<Array<{ devCase: DevelopmentCase; path: string }>> {
  const items = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :key AND begins_with(gsi1sk, :prefix)',
    ExpressionAttributeValues: { ':key': ACTIVE_KEY, ':prefix': pathPrefix },
  });
  return items.map(toCase).flatMap((devCase) => {
    const path = listedUnder.get(devCase);
    return path ? [{ devCase, path }] : [];
  });
}

/** An active case as listed in gsi1 `CASES#active` (eventually consistent): enough to list it under another path. */
export interface ActiveCaseListing {
  id: string;
  orgId: string;
  version: number;
  /** Undefined: listed without a path (written before listing by path). */
  path?: string;
}

export async function listActiveCaseListings(store: Store): Promise<ActiveCaseListing[]> {
  const items = await queryAll(store, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :key', ExpressionAttributeValues: { ':key': ACTIVE_KEY } });
  return items.map((item) => {
    const devCase = toCase(item);
    return { id: devCase.id, orgId: devCase.orgId, version: devCase.version, path: listedUnder.get(devCase) };
  });
}

/** Lists the case under `path`, only at the version listed and while it is active (a change meanwhile listed it itself). */
export async function relistCase(store: Store, listing: ActiveCaseListing, path: string): Promise<void> {
  await store.doc.send(new UpdateCommand({
    TableName: store.tableName, Key: { pk: casePk(listing.id), sk: CASE_SK },
    UpdateExpression: 'SET gsi1sk = :sk', ConditionExpression: 'version = :version AND gsi1pk = :active',
    ExpressionAttributeValues: { ':sk': `${path}${listing.id}`, ':version': listing.version, ':active': ACTIVE_KEY },
  }));
}

/**
 * A step record. Workflow steps are once per attempt (sk STEP#<key>#a<attempt>, refused if present: a retried task or
 * a double submission writes nothing twice); repeatable 'record' steps are keyed by their time.
 */
export function putStepRecord(store: Store, record: StepRecord, repeatable: boolean): TransactItem {
  const suffix = repeatable ? record.at : `a${record.attempt}`;
  return {
    Put: {
      TableName: store.tableName,
      Item: { pk: casePk(record.caseId), sk: `STEP#${record.stepKey}#${suffix}`, type: 'step', ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export type CaseRefKind = 'notice' | 'approval' | 'filing';

/** A reference from the case to a notice, approval or filing it started (idempotent: refused if present). */
export function putCaseRef(store: Store, caseId: string, kind: CaseRefKind, refId: string, details: Record<string, unknown>): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { pk: casePk(caseId), sk: `REF#${kind}#${refId}`, type: 'case-ref', kind, refId, ...details },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export interface CaseRef {
  kind: CaseRefKind;
  refId: string;
  [key: string]: unknown;
}

/** Step records (oldest first; at the same instant by step number) and references of a case. */
export async function listCaseRecords(store: Store, caseId: string): Promise<{ steps: StepRecord[]; refs: CaseRef[] }> {
  // REF#… and STEP#… sort after AUDIT#, CASE and MARK#: one range of the partition, without its audit trail.
  const items = await queryAll(store, { KeyConditionExpression: 'pk = :pk AND sk >= :from', ExpressionAttributeValues: { ':pk': casePk(caseId), ':from': 'REF#' } });
  const steps = items.filter((i) => i.type === 'step').map((i) => fromItem<StepRecord>(i)).sort((a, b) => a.at.localeCompare(b.at) || a.stepNo - b.stepNo);
  const refs = items.filter((i) => i.type === 'case-ref').map((i) => fromItem<CaseRef>(i));
  return { steps, refs };
}

/** A marker written once (e.g. "staff were told stage 3 can start"): false when it was already there. */
export function putCaseMarker(store: Store, caseId: string, marker: string, at: string): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { pk: casePk(caseId), sk: `MARK#${marker}`, type: 'case-mark', at },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * The scheduler's events of a case already done (docs/domain/scheduler.md): its markers (`mark:<marker>`) and the
 * warnings mailed (`warning:<kind>#<dueDate>#<level>`, the items `DEVWARN#<caseId>` of scheduled/development-warnings.ts).
 */
export async function listDoneCaseEvents(store: Store, caseId: string): Promise<Set<string>> {
  const [marks, warnings] = await Promise.all([
    queryAll(store, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :mark)', ExpressionAttributeValues: { ':pk': casePk(caseId), ':mark': 'MARK#' }, ProjectionExpression: 'sk', ConsistentRead: true }),
    queryAll(store, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `DEVWARN#${caseId}` }, ProjectionExpression: 'sk', ConsistentRead: true }),
  ]);
  return new Set([...marks.map((i) => `mark:${(i.sk as string).slice('MARK#'.length)}`), ...warnings.map((i) => `warning:${i.sk as string}`)]);
}

/**
 * One page of the cases of `orgs` (the organizations in path order, each one's cases newest first; org-pages.ts):
 * at most `limit` (≤ 100), and the cursor of the next page.
 */
export async function pageOrgCases(store: Store, orgs: readonly { id: string; path: string }[], options: { limit: number; cursor?: string }): Promise<OrgPage<DevelopmentCase>> {
  const page = await pageAcrossOrganizations(store, orgs.map((org) => orgKindRange(org, 'case')), { ...options, keyAttributes: GSI2_KEY_ATTRIBUTES });
  return { items: page.items.map(toCase), ...(page.next ? { next: page.next } : {}) };
}

/** Which of `personIds` have an open case (their markers `PERSON#<id>` / `DEVCASE`, read 100 a call). */
export async function peopleWithOpenCase(store: Store, personIds: readonly string[]): Promise<Set<string>> {
  const open = new Set<string>();
  const ids = [...new Set(personIds)];
  for (let start = 0; start < ids.length; start += 100) {
    let keys: Record<string, unknown>[] = ids.slice(start, start + 100).map(personCaseKey);
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt > 8) throw new Error(`BatchGetItem left ${keys.length} keys unprocessed`);
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
      const result = await store.doc.send(new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: keys, ProjectionExpression: 'pk, #open', ExpressionAttributeNames: { '#open': 'open' } } } }));
      for (const item of result.Responses?.[store.tableName] ?? []) if (item.open === true) open.add((item.pk as string).slice('PERSON#'.length));
      keys = (result.UnprocessedKeys?.[store.tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return open;
}
