import { linkExpired } from '../../domain/approval/approval';
import { linkReminderDue } from '../../domain/approval/link-wake';
import {
  approvalPk, dropLinkFromSchedule, getApproval, getLink, listDueLinks, markLinkReminded, replaceApproval, type StoredApproval, type StoredLink,
} from '../../store/approvals-repo';
import { auditPut } from '../../store/audit';
import { putNewTask, taskPk } from '../../store/tasks-repo';
import { commitWithRetry } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { staffToNotify } from '../registry/questions';
import { chinaTimeText, reminderMail } from './format';

export const overdueTaskId = (approval: Pick<StoredApproval, 'id'>, lastExpiry: string) => `approval-overdue-${approval.id}-${Date.parse(lastExpiry)}`;

/**
 * Scheduler: reminders and escalation of approval links. A reminder goes out once per link from its reminder date
 * (marked before sending: at most once). When every approver still to decide holds an expired link, the committee
 * staff get an 'approval-overdue' pending step (one per expiry: its id carries the last expiry) by e-mail. The
 * scheduler then forgets the expired links. Idempotent across ticks. Reads only the links due (their wake instant:
 * the reminder time, once reminded the expiry), never every open link.
 */
export async function runApprovalReminders(deps: ServiceDeps): Promise<{ reminders: number; overdue: number }> {
  const now = deps.clock.now();
  const links = await listDueLinks(deps.store, now.toISOString()); // only the links whose reminder or expiry has come (docs/domain/scheduler.md)
  const approvals = new Map<string, StoredApproval | undefined>();
  const approvalOf = async (id: string) => {
    if (!approvals.has(id)) approvals.set(id, await getApproval(deps.store, id));
    return approvals.get(id);
  };
  let reminders = 0;
  const expiredByApproval = new Map<string, StoredLink[]>();
  for (const link of links) {
    const approval = await approvalOf(link.approvalId);
    if (!approval || approval.status !== 'pending' || approval.approvers[link.approverIndex]?.linkHash !== link.linkHash) {
      await dropLinkFromSchedule(deps.store, link.linkHash);
      continue;
    }
    if (linkExpired(link.expiresAt, now)) {
      expiredByApproval.set(approval.id, [...(expiredByApproval.get(approval.id) ?? []), link]);
      continue;
    }
    if (linkReminderDue(link, now) && (await markLinkRemindedSafe(deps, link))) {
      await deps.mailer.send(reminderMail(approval, link.approverIndex, link.expiresAt));
      reminders++;
    }
  }
  let overdue = 0;
  for (const [approvalId, expired] of expiredByApproval) {
    if (await escalate(deps, approvalId, now)) overdue++;
    for (const link of expired) {
      // Forget the link only once the approval has its overdue step (or is no longer waiting on this link).
      const approval = await getApproval(deps.store, approvalId);
      if (!approval || approval.status !== 'pending' || approval.overdueTaskId || approval.approvers[link.approverIndex]?.linkHash !== link.linkHash) {
        await dropLinkFromSchedule(deps.store, link.linkHash);
      }
    }
  }
  return { reminders, overdue };
}

const markLinkRemindedSafe = (deps: ServiceDeps, link: StoredLink) => markLinkReminded(deps.store, link, deps.clock.now().toISOString());

/** Opens the overdue step if every approver still to decide holds an expired link; true when it was opened now. */
async function escalate(deps: ServiceDeps, approvalId: string, now: Date): Promise<boolean> {
  const opened = await commitWithRetry(deps.store, async () => {
    const approval = await getApproval(deps.store, approvalId);
    if (!approval || approval.status !== 'pending' || approval.overdueTaskId) return { answer: undefined };
    const undecided = approval.approvers
      .map((approver, index) => ({ approver, index }))
      .filter(({ index }) => !approval.decisions.some((d) => d.byLink && d.approverIndex === index));
    const links = await Promise.all(undecided.map(({ approver }) => getLink(deps.store, approver.linkHash)));
    if (links.some((link) => !link || !linkExpired(link.expiresAt, now))) return { answer: undefined };
    const lastExpiry = links.map((l) => l!.expiresAt).sort().at(-1) ?? now.toISOString();
    const taskId = overdueTaskId(approval, lastExpiry);
    const at = now.toISOString();
    const names = undecided.map(({ approver }) => approver.name).join('、');
    return {
      write: [
        putNewTask(deps.store, {
          id: taskId,
          kind: 'approval-overdue',
          title: `审批逾期：${approval.subject.title}（${names}的审批链接已过期）`,
          orgId: approval.subject.orgId,
          assigneeRole: 'committee-staff',
          subject: { approvalId: approval.id },
          status: 'open',
          createdAt: at,
          dueAt: at,
        }),
        ...replaceApproval(deps.store, { ...approval, overdueTaskId: taskId, version: approval.version + 1 }, approval.version),
        auditPut(deps.store, approvalPk(approval.id), { at, action: 'approval.overdue', actor: 'system', details: { taskId, approvers: undecided.map(({ approver }) => approver.name) } }),
        auditPut(deps.store, taskPk(taskId), { at, action: 'task.opened', actor: 'system', details: { taskId, title: approval.subject.title } }),
      ],
      answer: { approval, lastExpiry, names },
    };
  }, { attempts: 5 });
  if (!opened) return false;
  const { approval, lastExpiry, names } = opened;
  const staff = await staffToNotify(deps, approval.subject.orgId).catch(() => []);
    const to = staff.filter((s) => s.role === 'committee-staff').map((s) => s.email);
    if (to.length > 0) {
      await deps.mailer.send({
        to,
        subject: `【待办】审批逾期：${approval.subject.title}`,
        text:
          `“${approval.subject.title}”的审批链接已于 ${chinaTimeText(lastExpiry)} 过期，${names}尚未作出决定。\n` +
          `请重新发送链接、更换审批人，或登记书面决定：${deps.publicBaseUrl}/staff/approvals/${approval.id}\n`,
      });
    }
  return true;
}
