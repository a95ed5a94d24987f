import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ApprovalDecision, ApprovalPolicy, ApprovalResolution, ApprovalState, ApprovalSubject, DecisionWindow } from '../domain/approval/approval';
import { queryAll } from './query-all';
import type { Store } from './store';
import { taskPk } from './tasks-repo';
import { conditionFailed, type TransactItem } from './transact';
import { linkWakeAt } from '../domain/approval/link-wake';
import { fromItem } from './item';
import { pageListing, putListingEntry, replaceListingEntry, type ListingEntry } from './listings';

/**
 * Approvals by e-mail link, in the single table:
 *   pk APPROVAL#<id>, sk APPROVAL              the approval: request, approvers, decisions, resolution, the workflow's
 *                                              task token (never shown). gsi2 ORG#<orgId>#approval / <createdAt>#<id>;
 *                                              gsi1 APPROVALS#callback / <resolvedAt>#<id> while the workflow is not told
 *   pk APPROVAL#<id>, sk SUMMARY               the case summary (案情摘要) the approver reads, written once with the
 *                                              approval and never changed: kept apart so that the approval's many
 *                                              writes (decisions, callback, resends) and its index entries stay small
 *   pk APPROVAL#<id>, sk LISTED                its entry in the province-wide list of approvals, newest first
 *                                              (listings.ts; gsi2 LIST#approval / <createdAt>#<id>) with what the
 *                                              approvals list shows (`ListedApproval`), put again with every change
 *   pk APPROVAL#<id>, sk AUDIT#…               its audit trail
 *   pk APPROVALLINK#<sha256 hex>, sk LINK      one approver's link, keyed by the HASH of its raw id (the raw id is
 *                                              never stored); gsi1 APPROVALLINKS#open / <wakeAt>#<hash> while the
 *                                              scheduler still has to remind or escalate (its reminder time, once
 *                                              reminded its expiry: `linkWakeAt`, docs/domain/scheduler.md)
 * Every change of an approval is conditioned on its `version`, so decisions, resends and resolutions are serialized.
 */
export const approvalPk = (approvalId: string) => `APPROVAL#${approvalId}`;
const APPROVAL_SK = 'APPROVAL';
const SUMMARY_SK = 'SUMMARY';
export const approvalLinkPk = (linkHash: string) => `APPROVALLINK#${linkHash}`;
const LINK_SK = 'LINK';
const CALLBACK_KEY = 'APPROVALS#callback';
const OPEN_LINKS_KEY = 'APPROVALLINKS#open';
const orgApprovalsKey = (orgId: string) => `ORG#${orgId}#approval`;

export interface StoredApprover {
  name: string;
  email: string;
  /** SHA-256 (hex) of the approver's current link id. */
  linkHash: string;
}

/**
 * The subject as stored on the approval: the summary lives in its own item (`approvalSummary`). Approvals stored
 * before the summary had its own item carry it here; they keep it here.
 */
export type StoredApprovalSubject = Omit<ApprovalSubject, 'summary'> & { summary?: string };

export interface StoredApproval {
  id: string;
  subject: StoredApprovalSubject;
  policy: ApprovalPolicy;
  dueDate: string;
  approvers: StoredApprover[];
  linkValidDays?: number;
  reminderDaysBefore?: number;
  /** After `reasonRequiredAfter` a decision needs a reason (comment); after `closesAt` none is taken. */
  decisionWindow?: DecisionWindow;
  status: ApprovalState;
  /** Decisions in the order recorded. */
  decisions: ApprovalDecision[];
  resolution?: ApprovalResolution;
  taskToken: string;
  executionArn: string;
  createdAt: string;
  /** The open 'approval-overdue' task, if any. */
  overdueTaskId?: string;
  /** Set when the approval was withdrawn before a decision (its subject ended): no link decides any more. */
  cancelled?: { at: string; reason: string };
  /** Whether the workflow has been told the resolution. */
  callbackDelivered?: boolean;
  version: number;
}

export type LinkStatus = 'pending' | 'used' | 'revoked';

export interface StoredLink {
  linkHash: string;
  approvalId: string;
  approverIndex: number;
  approverName: string;
  status: LinkStatus;
  issuedAt: string;
  expiresAt: string;
  reminderAt: string;
  remindedAt?: string;
  usedAt?: string;
  revokedAt?: string;
}

export async function getApproval(store: Store, approvalId: string): Promise<StoredApproval | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: approvalPk(approvalId), sk: APPROVAL_SK }, ConsistentRead: true }));
  return Item ? fromItem<StoredApproval>(Item) : undefined;
}

export async function getLink(store: Store, linkHash: string): Promise<StoredLink | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: approvalLinkPk(linkHash), sk: LINK_SK }, ConsistentRead: true }));
  return Item ? fromItem<StoredLink>(Item) : undefined;
}

/**
 * The case summary of an approval: the approval's own copy if it was stored before the summary had an item of its
 * own, else that item (written once with the approval, so an eventually consistent read is tried first).
 */
export async function approvalSummary(store: Store, approval: Pick<StoredApproval, 'id' | 'subject'>): Promise<string> {
  if (approval.subject.summary !== undefined) return approval.subject.summary;
  const read = async (consistent: boolean) => (await store.doc.send(new GetCommand({
    TableName: store.tableName, Key: { pk: approvalPk(approval.id), sk: SUMMARY_SK }, ConsistentRead: consistent,
  }))).Item?.summary as string | undefined;
  return (await read(false)) ?? (await read(true)) ?? '';
}

/** What the approvals list shows of an approval (and its JSON answer): no token, no link hashes, no summary. */
export interface ListedApproval {
  id: string;
  subject: Omit<StoredApprovalSubject, 'summary'>;
  policy: ApprovalPolicy;
  dueDate: string;
  status: ApprovalState;
  createdAt: string;
  approvers: { name: string; email: string }[];
  resolution?: ApprovalResolution;
  overdueTaskId?: string;
}

export function listedApproval(approval: StoredApproval): ListedApproval {
  const { summary: _summary, ...subject } = approval.subject;
  return {
    id: approval.id, subject, policy: approval.policy, dueDate: approval.dueDate, status: approval.status, createdAt: approval.createdAt,
    approvers: approval.approvers.map(({ name, email }) => ({ name, email })),
    ...(approval.resolution ? { resolution: approval.resolution } : {}),
    ...(approval.overdueTaskId ? { overdueTaskId: approval.overdueTaskId } : {}),
  };
}

/** About what an approval's entry weighs in the index, with what the list shows (for the choice of the way to read). */
export const APPROVAL_ENTRY_BYTES = 1024;

/** An approval's entry in the province-wide list of approvals (listings.ts), with what the list shows of it. */
export const approvalListingEntry = (approval: StoredApproval): ListingEntry => ({
  kind: 'approval', id: approval.id, pk: approvalPk(approval.id), orgId: approval.subject.orgId, at: approval.createdAt,
  shown: { ...listedApproval(approval) },
});

/** A check that an approval is still at the version read (the backfill's entry is put only beside it). */
export function approvalStillAt(store: Store, approval: Pick<StoredApproval, 'id' | 'version'>): TransactItem {
  return {
    ConditionCheck: {
      TableName: store.tableName, Key: { pk: approvalPk(approval.id), sk: APPROVAL_SK },
      ConditionExpression: '#version = :version', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':version': approval.version },
    },
  };
}

/**
 * A new approval (condition: absent), its summary's item and its entry in the province-wide list: the approval itself
 * carries no summary.
 */
export function putNewApproval(store: Store, approval: StoredApproval & { subject: ApprovalSubject }): TransactItem[] {
  const { summary, ...subject } = approval.subject;
  return [
    {
      Put: {
        TableName: store.tableName,
        Item: {
          pk: approvalPk(approval.id), sk: APPROVAL_SK, type: 'approval',
          gsi2pk: orgApprovalsKey(approval.subject.orgId), gsi2sk: `${approval.createdAt}#${approval.id}`,
          ...approval, subject,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { TableName: store.tableName, Item: { pk: approvalPk(approval.id), sk: SUMMARY_SK, type: 'approval-summary', summary }, ConditionExpression: 'attribute_not_exists(pk)' } },
    putListingEntry(store, approvalListingEntry(approval)),
  ];
}

/**
 * Replaces an approval with its next version (condition: still at `expectedVersion` and pending), and its entry in the
 * province-wide list with what the list shows of it now. A resolved approval enters the callback listing until the
 * workflow has been told.
 */
export function replaceApproval(store: Store, next: StoredApproval, expectedVersion: number): TransactItem[] {
  const resolvedUntold = next.status !== 'pending' && !next.callbackDelivered;
  return [{
    Put: {
      TableName: store.tableName,
      Item: {
        pk: approvalPk(next.id), sk: APPROVAL_SK, type: 'approval',
        gsi2pk: orgApprovalsKey(next.subject.orgId), gsi2sk: `${next.createdAt}#${next.id}`,
        ...(resolvedUntold ? { gsi1pk: CALLBACK_KEY, gsi1sk: `${next.resolution?.decidedAt ?? next.createdAt}#${next.id}` } : {}),
        ...next,
      },
      ConditionExpression: '#version = :expected AND #status = :pending',
      ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
      ExpressionAttributeValues: { ':expected': expectedVersion, ':pending': 'pending' },
    },
  }, replaceListingEntry(store, approvalListingEntry(next))];
}

/** Gives a pending approval the workflow's new task token (retried or redriven task); false when no longer pending. */
export async function renewApprovalToken(store: Store, approvalId: string, taskToken: string, executionArn: string): Promise<boolean> {
  try {
    await store.doc.send(new UpdateCommand({
      TableName: store.tableName,
      Key: { pk: approvalPk(approvalId), sk: APPROVAL_SK },
      UpdateExpression: 'SET taskToken = :token, executionArn = :arn',
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pending': 'pending', ':token': taskToken, ':arn': executionArn },
    }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/** The workflow has been told the resolution: the approval leaves the callback listing. */
export async function markApprovalCallbackDelivered(store: Store, approvalId: string): Promise<void> {
  await store.doc.send(new UpdateCommand({
    TableName: store.tableName,
    Key: { pk: approvalPk(approvalId), sk: APPROVAL_SK },
    UpdateExpression: 'SET callbackDelivered = :true REMOVE gsi1pk, gsi1sk',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':true': true },
  }));
}

/** Resolved approvals whose workflow has not been told, resolved before `beforeIso`. */
export async function listUndeliveredApprovals(store: Store, beforeIso: string): Promise<StoredApproval[]> {
  const items = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :key AND gsi1sk < :before',
    ExpressionAttributeValues: { ':key': CALLBACK_KEY, ':before': beforeIso },
  });
  return items.map((item) => fromItem<StoredApproval>(item));
}

export async function listOrgApprovals(store: Store, orgIds: string[]): Promise<StoredApproval[]> {
  const lists = await Promise.all(orgIds.map((orgId) => queryAll(store, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :key',
    ExpressionAttributeValues: { ':key': orgApprovalsKey(orgId) },
  })));
  return lists.flat().map((item) => fromItem<StoredApproval>(item)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * One page of the approvals of the organizations `keep` accepts, newest first, as the list shows them: the entries of
 * the province-wide list (`pageListing`: `share` the part of the province's approvals expected in scope), one query.
 */
export async function pageProvinceApprovals(store: Store, keep: (orgId: string) => boolean, options: { limit: number; cursor?: string; share: number }): Promise<{ approvals: ListedApproval[]; next?: string }> {
  const page = await pageListing(store, 'approval', approvalPk, keep, options);
  const approvals = page.entries.map(({ shown: { orgId: _orgId, ...listed } }) => listed as unknown as ListedApproval);
  return { approvals, ...(page.next ? { next: page.next } : {}) };
}

export function putNewLink(store: Store, link: StoredLink): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { pk: approvalLinkPk(link.linkHash), sk: LINK_SK, type: 'approval-link', gsi1pk: OPEN_LINKS_KEY, gsi1sk: `${linkWakeAt(link)}#${link.linkHash}`, ...link },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The link's single use (condition: still pending). */
export function useLink(store: Store, linkHash: string, usedAt: string): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: { pk: approvalLinkPk(linkHash), sk: LINK_SK },
      UpdateExpression: 'SET #status = :used, usedAt = :at REMOVE gsi1pk, gsi1sk',
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':used': 'used', ':pending': 'pending', ':at': usedAt },
    },
  };
}

/** Invalidates a link (resent, reassigned, decided on paper); condition: still pending. */
export function revokeLink(store: Store, linkHash: string, revokedAt: string): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: { pk: approvalLinkPk(linkHash), sk: LINK_SK },
      UpdateExpression: 'SET #status = :revoked, revokedAt = :at REMOVE gsi1pk, gsi1sk',
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':revoked': 'revoked', ':pending': 'pending', ':at': revokedAt },
    },
  };
}

/** Links the scheduler still has to look at (pending: reminder or escalation not yet done). */
export async function listOpenLinks(store: Store): Promise<StoredLink[]> {
  const items = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :key',
    ExpressionAttributeValues: { ':key': OPEN_LINKS_KEY },
  });
  return items.map((item) => fromItem<StoredLink>(item));
}

/** The links in the scheduler's list whose wake instant has come by `nowIso` (a reminder or an escalation due). */
export async function listDueLinks(store: Store, nowIso: string): Promise<StoredLink[]> {
  const items = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :key AND gsi1sk < :after',
    ExpressionAttributeValues: { ':key': OPEN_LINKS_KEY, ':after': `${nowIso}~` },
  });
  return items.map((item) => fromItem<StoredLink>(item));
}

/**
 * Marks the reminder of a link as sent and moves its wake instant to its expiry in the same write; false when it
 * already was (or the link is no longer pending).
 */
export async function markLinkReminded(store: Store, link: Pick<StoredLink, 'linkHash' | 'reminderAt' | 'expiresAt'>, at: string): Promise<boolean> {
  try {
    await store.doc.send(new UpdateCommand({
      TableName: store.tableName,
      Key: { pk: approvalLinkPk(link.linkHash), sk: LINK_SK },
      UpdateExpression: 'SET remindedAt = :at, gsi1sk = :wake',
      ConditionExpression: 'attribute_not_exists(remindedAt) AND #status = :pending AND attribute_exists(gsi1pk)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':at': at, ':pending': 'pending', ':wake': `${linkWakeAt({ ...link, remindedAt: at })}#${link.linkHash}` },
    }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/**
 * The one-time move of a link stored before the wake instants (listed by its expiry, not reminded yet) to its
 * reminder time; nothing when it was reminded or left the schedule meanwhile. True when moved.
 */
export async function rescheduleLinkAtWake(store: Store, link: StoredLink): Promise<boolean> {
  if (link.remindedAt) return false;
  try {
    await store.doc.send(new UpdateCommand({
      TableName: store.tableName,
      Key: { pk: approvalLinkPk(link.linkHash), sk: LINK_SK },
      UpdateExpression: 'SET gsi1sk = :wake',
      ConditionExpression: 'attribute_not_exists(remindedAt) AND attribute_exists(gsi1pk) AND gsi1sk <> :wake',
      ExpressionAttributeValues: { ':wake': `${linkWakeAt(link)}#${link.linkHash}` },
    }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/** The scheduler is done with a link (expired and escalated, or its approval resolved). */
export async function dropLinkFromSchedule(store: Store, linkHash: string): Promise<void> {
  await store.doc.send(new UpdateCommand({
    TableName: store.tableName,
    Key: { pk: approvalLinkPk(linkHash), sk: LINK_SK },
    UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
    ConditionExpression: 'attribute_exists(pk)',
  }));
}

/** Closes an open pending task (an 'approval-overdue' step settled by staff's action): it leaves both open lists (tasks-repo.ts). */
export function closeTask(store: Store, taskId: string, completedBy: string, completedAt: string): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: { pk: taskPk(taskId), sk: 'TASK' },
      UpdateExpression: 'SET #status = :done, completedBy = :by, completedAt = :at REMOVE gsi1pk, gsi1sk, gsi2pk, gsi2sk',
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':done': 'done', ':open': 'open', ':by': completedBy, ':at': completedAt },
    },
  };
}

/**
 * Withdraws a pending approval whose subject ended (e.g. the development case was ended): its links decide nothing
 * any more and show why; no workflow waits for it (the caller stops the execution), so no callback is owed.
 */
export function cancelApproval(store: Store, approval: StoredApproval, cancel: { at: string; reason: string }): TransactItem[] {
  return replaceApproval(store, { ...approval, status: 'cancelled', cancelled: cancel, callbackDelivered: true, overdueTaskId: undefined, version: approval.version + 1 }, approval.version);
}
