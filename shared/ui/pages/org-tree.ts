import { ORG_KIND_LABELS } from '../../domain/registry/organization';
import type { OrgTreeView } from '../../services/registry';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { orgLink } from '../registry-fields';

/** 组织管理: the organizations in the actor's scope as an indented tree, with kind, term end and approver. */
export function orgTreePage(view: OrgTreeView, staff: LayoutStaff, today: string, flash?: string): SafeHtml {
  const body = html`<h1>组织管理</h1>
    ${flash ? html`<div class="alert ok" role="status"><p>${flash}</p></div>` : ''}
    ${view.canCreateRoot ? html`<p><a class="button" href="/staff/orgs/new">新建组织</a></p>` : ''}
    ${view.nodes.length === 0
      ? html`<p>您的账号没有可查看的组织。</p>`
      : html`<div class="table-wrap" tabindex="0"><table class="org-tree">
          <thead><tr><th>组织</th><th>类别</th><th>任期届满</th><th>审批组织</th><th>名册</th></tr></thead>
          <tbody>${view.nodes.map(({ org, depth, approver }) => html`<tr${org.status === 'closed' ? html` class="muted"` : ''}>
            <td><span class="indent" data-depth="${depth}">${'　'.repeat(depth)}${depth > 0 ? '└ ' : ''}</span>${orgLink(org)}${org.status === 'closed' ? html` <span class="tag">已撤销</span>` : ''}</td>
            <td>${ORG_KIND_LABELS[org.kind]}</td>
            <td>${org.termEnd ?? ''}${org.termEnd && org.status === 'active' && org.termEnd < today ? html` <span class="tag overdue">已届满</span>` : ''}</td>
            <td>${approver ? approver.name : html`<span class="muted">（无上级审批组织）</span>`}</td>
            <td><a href="/staff/orgs/${org.id}/people">党员名册</a></td>
          </tr>`)}</tbody>
        </table></div>`}`;
  return layout({ title: '组织管理', body, staff });
}
