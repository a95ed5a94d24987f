import { ELECTION_FORM_LABELS, ELECTION_PHASE_LABELS, ELECTION_STATUS_LABELS, ELECTION_STEPS, type Election } from '../../domain/election/election';
import type { Organization } from '../../domain/registry/organization';
import type { FormField } from '../../schemas/form-fields';
import { genericField } from '../generic-fields';
import { csrfField, errorSummary, fieldLabels, selectField, type FormState } from '../form-fields';
import { formatDate } from '../format';
import { pagerLinks } from '../pager';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

/** One page of the elections of the organizations in scope (tree order, newest first within one), with their phase and the step now waiting. */
export function electionList(elections: readonly Election[], canCreate: boolean, page: { next?: string; firstPage: boolean } = { firstPage: true }): SafeHtml {
  return html`<h2>换届选举</h2>
    ${canCreate ? html`<p><a href="/staff/elections/new">发起换届选举</a></p>` : ''}
    ${elections.length === 0
      ? html`<p>${page.firstPage ? '尚无换届选举。' : '没有更多换届选举。'}</p>`
      : html`<div class="table-wrap" tabindex="0"><table>
          <thead><tr><th>组织</th><th>选举方式</th><th>当前阶段</th><th>待办步骤</th><th>状态</th><th>发起日期</th></tr></thead>
          <tbody>${elections.map((e) => html`<tr>
            <td><a href="/staff/elections/${e.id}">${e.orgName}</a></td>
            <td>${ELECTION_FORM_LABELS[e.form]}</td>
            <td>${ELECTION_PHASE_LABELS[e.phase]}</td>
            <td>${e.status === 'running' && e.currentStep ? ELECTION_STEPS[e.currentStep].label : '—'}</td>
            <td>${ELECTION_STATUS_LABELS[e.status]}</td>
            <td>${formatDate(e.createdAt)}</td>
          </tr>`)}</tbody>
        </table></div>
        <p class="muted">按组织排列，同一组织内新发起的在前。</p>`}
    ${pagerLinks('/staff/elections', {}, page)}`;
}

export interface CreateElectionOptions {
  orgs: readonly Pick<Organization, 'id' | 'name'>[];
  fields: readonly FormField[];
  form: FormState;
  staff: LayoutStaff;
  message?: string;
}

/** 发起换届选举: the organization, and the written request (form chosen here, fixed afterwards; seats; schedule; method). */
export function createElectionPage(o: CreateElectionOptions): SafeHtml {
  const labels = { orgId: '组织', ...fieldLabels(o.fields) };
  const body = html`<p><a href="/staff/elections">← 返回换届选举</a></p>
    <h1>发起换届选举</h1>
    <p>提交后系统将生成换届选举请示，通过电子邮件链接报上级党组织审批。</p>
    <form class="stacked" method="post" action="/staff/elections" novalidate>
      ${csrfField(o.staff.csrfToken)}
      ${errorSummary(o.message, o.form.errors, labels)}
      ${selectField({ name: 'orgId', label: '组织', state: o.form, required: true, options: o.orgs.map((org) => [org.id, org.name] as const), placeholder: '请选择' })}
      ${o.fields.map((f) => genericField(f, o.form))}
      <button type="submit">提交换届选举请示</button>
    </form>`;
  return layout({ title: '发起换届选举', body, staff: o.staff });
}
