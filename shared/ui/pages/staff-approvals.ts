import type { StaffApprovalSummary } from '../../services/approval/staff';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { pagerLinks } from '../pager';
import { kindLabel, policyLabel } from './approval-link';

export const APPROVAL_STATUS_LABELS: Record<StaffApprovalSummary['status'], string> = { pending: '审批中', approved: '已同意', rejected: '未同意', cancelled: '已撤销' };

export function approvalStatusTag(approval: Pick<StaffApprovalSummary, 'status' | 'overdueTaskId'>): SafeHtml {
  return html`<span class="tag${approval.status === 'pending' ? ' open' : ''}">${APPROVAL_STATUS_LABELS[approval.status]}</span>${
    approval.overdueTaskId ? html` <span class="tag overdue">逾期待处理</span>` : ''}`;
}

/** 审批: the approvals of the staff member's organizations, newest first (a large scope: a page, with 下一页). */
export function staffApprovalsPage(approvals: StaffApprovalSummary[], staff: LayoutStaff, page: { next?: string; firstPage: boolean } = { firstPage: true }): SafeHtml {
  const body = html`<h1>审批事项</h1>
    <p class="muted">上级党委通过邮件链接审批的事项。审批人打开链接查阅材料后作出决定；链接过期时可重新发送、更换审批人或录入书面决定。</p>
    ${approvals.length === 0
      ? html`<p>${page.firstPage ? '目前没有审批事项。' : '没有更多审批事项。'}</p>`
      : html`<div class="table-wrap" tabindex="0"><table>
          <thead><tr><th>事项</th><th>类别</th><th>审批人</th><th>审批方式</th><th>办理期限</th><th>状态</th></tr></thead>
          <tbody>${approvals.map((a) => html`<tr>
            <td><a href="/staff/approvals/${encodeURIComponent(a.id)}">${a.subject.title}</a></td>
            <td>${kindLabel(a.subject.kind)}</td>
            <td>${a.approvers.map((p) => p.name).join('、')}</td>
            <td>${policyLabel(a.policy)}</td>
            <td>${formatDateTime(a.dueDate)}</td>
            <td>${approvalStatusTag(a)}</td>
          </tr>`)}</tbody>
        </table></div>`}
    ${pagerLinks('/staff/approvals', {}, page)}`;
  return layout({ title: '审批事项', body, staff });
}
