import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { noticeStepOf, type Notice, type NoticeDraft } from '../domain/notice/notice';
import { claimGuard, releaseGuard, type GuardKey } from './guards';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';
import { fromItem } from './item';
import { mirrorOnListingEntry, pageListing, putListingEntry, type ListingEntry } from './listings';
import { noticeHeadline } from '../domain/notice/notice-headline';

/**
 * Notices: pk NOTICE#<id>, sk NOTICE.
 *   the board (gsi1): public notices BOARD#public, internal ones BOARD#internal#<orgId>; sort <endsAt UTC>#<id>;
 *                     a withdrawn notice leaves the board
 *   an organization's notices (gsi2): ORG#<orgId>#notice, sort <publishedAt>#<id>
 * and its entry in the province-wide list of notices, newest first: pk NOTICE#<id>, sk LISTED (listings.ts; gsi2
 * LIST#notice / <publishedAt>#<id>) with what the notice list shows (`ListedNotice`), written with the notice and
 * changed by the same SET / ADD in the transaction of every change of the notice (`updateNotice`, `countObjectionOnNotice`).
 */
export const noticePk = (noticeId: string) => `NOTICE#${noticeId}`;
const NOTICE_SK = 'NOTICE';

export function boardKey(notice: Pick<Notice, 'audience' | 'orgId'>): string {
  return notice.audience === 'public' ? 'BOARD#public' : `BOARD#internal#${notice.orgId}`;
}

const orgNoticesKey = (orgId: string) => `ORG#${orgId}#notice`;

function boardSortKey(notice: Pick<Notice, 'endsAtMs' | 'id'>): string {
  return `${new Date(notice.endsAtMs).toISOString()}#${notice.id}`;
}

/** A notice (`consistent: false`: half the read units, possibly a moment behind). */
export async function getNotice(store: Store, noticeId: string, options: { consistent?: boolean } = {}): Promise<Notice | undefined> {
  const result = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: { pk: noticePk(noticeId), sk: NOTICE_SK }, ConsistentRead: options.consistent ?? true }),
  );
  if (!result.Item) return undefined;
  return toNotice(result.Item);
}

/**
 * A notice read as history (an approval's summary of what came before): eventually consistent, half the read units;
 * read again consistently only if it still looks open (it may have ended a moment ago).
 */
export async function getEndedNotice(store: Store, noticeId: string): Promise<Notice | undefined> {
  const notice = await getNotice(store, noticeId, { consistent: false });
  return notice?.status === 'open' ? getNotice(store, noticeId) : notice;
}

/** What the notice list shows of a notice (and its JSON answer). */
export type ListedNotice = Pick<Notice, (typeof LISTED_FIXED)[number] | (typeof LISTED_CHANGING)[number] | 'objectionGates'> & {
  /** Who or what the notice is about (`noticeHeadline`). */
  headline: string;
};

/** About what a notice's entry weighs in the index (for the choice of the way to read). */
export const LISTED_NOTICE_BYTES = 512;

const LISTED_FIXED = ['id', 'orgId', 'orgName', 'kind', 'audience', 'publishedAt'] as const;
/** The attributes shown that a change of a notice may set: mirrored on its entry by `updateNotice`. */
const LISTED_CHANGING = ['status', 'endsAt', 'endsAtMs', 'provisional', 'objectionCount', 'result', 'reviewDate'] as const;

export function listedNotice(notice: Notice): ListedNotice {
  const pick = (names: readonly string[]) => Object.fromEntries(names.filter((name) => notice[name as keyof Notice] !== undefined).map((name) => [name, notice[name as keyof Notice]]));
  return { ...pick([...LISTED_FIXED, ...LISTED_CHANGING, 'objectionGates']), headline: noticeHeadline(notice) } as ListedNotice;
}

/** A notice's entry in the province-wide list of notices (listings.ts), with what the list shows of it. */
export const noticeListingEntry = (notice: Notice): ListingEntry => ({
  kind: 'notice', id: notice.id, pk: noticePk(notice.id), orgId: notice.orgId, at: notice.publishedAt, shown: { ...listedNotice(notice) },
});

/**
 * A check that a notice still has the attributes the list shows as `notice` has them (the backfill's entry is put
 * only beside it): each equal, or absent when absent.
 */
export function noticeStillAsRead(store: Store, notice: Notice): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const terms = LISTED_CHANGING.map((name, index) => {
    names[`#c${index}`] = name;
    const value = notice[name as keyof Notice];
    if (value === undefined) return `attribute_not_exists(#c${index})`;
    values[`:c${index}`] = value;
    return `#c${index} = :c${index}`;
  });
  return {
    ConditionCheck: {
      TableName: store.tableName, Key: { pk: noticePk(notice.id), sk: NOTICE_SK }, ConditionExpression: terms.join(' AND '),
      ExpressionAttributeNames: names, ...(Object.keys(values).length > 0 && { ExpressionAttributeValues: values }),
    },
  };
}

/** Put of a new notice (refused if the id exists) and of its entry in the province-wide list. */
export function putNewNotice(store: Store, notice: Notice): TransactItem[] {
  return [{
    Put: {
      TableName: store.tableName,
      Item: {
        pk: noticePk(notice.id),
        sk: NOTICE_SK,
        type: 'notice',
        gsi1pk: boardKey(notice),
        gsi1sk: boardSortKey(notice),
        gsi2pk: orgNoticesKey(notice.orgId),
        gsi2sk: `${notice.publishedAt}#${notice.id}`,
        ...notice,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }, putListingEntry(store, noticeListingEntry(notice))];
}

/** The guard of "one open notice per person and step": GUARD#notice#<personId>#<step>; none for a matter notice. */
export function noticeGuardKey(notice: NoticeDraft): GuardKey | undefined {
  const of = noticeStepOf(notice);
  return of ? { rule: 'notice', scope: `${of.personId}#${of.step}` } : undefined;
}

/** Claimed with the notice (and when staff submit it): refused while the person has an open notice of the step. */
export function claimNoticeGuard(store: Store, notice: NoticeDraft): TransactItem[] {
  const key = noticeGuardKey(notice);
  return key ? [claimGuard(store, key, notice.id)] : [];
}

/** Released in the transaction that ends the notice (closed at its end, withdrawn). */
export function releaseNoticeGuard(store: Store, notice: NoticeDraft): TransactItem[] {
  const key = noticeGuardKey(notice);
  return key ? [releaseGuard(store, key, notice.id)] : [];
}

export interface NoticeUpdate {
  /** SET assignments as name → value. */
  set?: Record<string, unknown>;
  /** Attribute names to REMOVE. */
  remove?: string[];
  /** Extra condition (ConditionExpression) with its values, using #status and the given #name / :name placeholders. */
  condition?: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/** Counts one objection on a notice published before objection gates existed; refused once it is closed or past its end. */
export function countObjectionOnNotice(store: Store, noticeId: string, nowMs: number): TransactItem[] {
  return [{
    Update: {
      TableName: store.tableName,
      Key: { pk: noticePk(noticeId), sk: NOTICE_SK },
      UpdateExpression: 'SET objectionCount = objectionCount + :one',
      ConditionExpression: '#status = :open AND endsAtMs >= :now',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':one': 1, ':open': 'open', ':now': nowMs },
    },
  }, ...mirrorOnListingEntry(store, noticePk(noticeId), LISTED_CHANGING, { add: { objectionCount: 1 } })];
}

/** A conditional update of a notice, and the same SET / REMOVE on its list entry for the attributes the list shows. */
export function updateNotice(store: Store, noticeId: string, update: NoticeUpdate): TransactItem[] {
  const names: Record<string, string> = { '#status': 'status', ...update.names };
  const values: Record<string, unknown> = { ...update.values };
  const sets = Object.entries(update.set ?? {}).map(([name, value], index) => {
    names[`#s${index}`] = name;
    values[`:s${index}`] = value;
    return `#s${index} = :s${index}`;
  });
  const removes = (update.remove ?? []).map((name, index) => {
    names[`#r${index}`] = name;
    return `#r${index}`;
  });
  const expression = [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : '']
    .filter(Boolean)
    .join(' ');
  const condition = ['attribute_exists(pk)', update.condition].filter(Boolean).join(' AND ');
  const used = `${expression} ${condition}`;
  for (const name of Object.keys(names)) if (!used.includes(name)) delete names[name];
  return [{
    Update: {
      TableName: store.tableName,
      Key: { pk: noticePk(noticeId), sk: NOTICE_SK },
      UpdateExpression: expression,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
    },
  }, ...mirrorOnListingEntry(store, noticePk(noticeId), LISTED_CHANGING, { set: update.set, remove: update.remove })];
}

/** Notices on a board whose end is at or after `sinceMs`, soonest end first. */
export async function listBoardNotices(store: Store, board: string, sinceMs: number): Promise<Notice[]> {
  const items = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :board AND gsi1sk >= :since',
    ExpressionAttributeValues: { ':board': board, ':since': new Date(sinceMs).toISOString() },
  });
  return items.map(toNotice);
}

/** An organization's notices, newest first. */
export async function listOrgNotices(store: Store, orgId: string): Promise<Notice[]> {
  const items = await queryAll(store, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :org',
    ExpressionAttributeValues: { ':org': orgNoticesKey(orgId) },
    ScanIndexForward: false,
  });
  return items.map(toNotice);
}

/**
 * One page of the notices of the organizations `keep` accepts, newest first, as the list shows them: the entries of
 * the province-wide list (`pageListing`: `share` the part of the province's notices expected in scope), one query.
 */
export async function pageProvinceNotices(store: Store, keep: (orgId: string) => boolean, options: { limit: number; cursor?: string; share: number }): Promise<{ notices: ListedNotice[]; next?: string }> {
  const page = await pageListing(store, 'notice', noticePk, keep, options);
  return { notices: page.entries.map((entry) => entry.shown as unknown as ListedNotice), ...(page.next ? { next: page.next } : {}) };
}

function toNotice(item: Record<string, unknown>): Notice {
  return fromItem<Notice>(item);
}

/**
 * Notices whose end is provisional (a year without calendar) are listed under pk PROVISIONAL, so that adding a year
 * finds them without scanning; the marker is written and removed in the same transaction as the notice.
 */
const PROVISIONAL_PK = 'PROVISIONAL';

export function putProvisionalMarker(store: Store, noticeId: string): TransactItem {
  return { Put: { TableName: store.tableName, Item: { pk: PROVISIONAL_PK, sk: noticePk(noticeId), noticeId } } };
}

export function deleteProvisionalMarker(store: Store, noticeId: string): TransactItem {
  return { Delete: { TableName: store.tableName, Key: { pk: PROVISIONAL_PK, sk: noticePk(noticeId) } } };
}

export async function listProvisionalNoticeIds(store: Store): Promise<string[]> {
  const items = await queryAll<{ noticeId: string }>(store, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': PROVISIONAL_PK },
  });
  return items.map((item) => item.noticeId);
}
