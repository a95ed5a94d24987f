import { ROLE_LABELS } from '../../domain/accounts/account-rules';
import { ACCOUNT_FIELD_LABELS, type AccountListEntry, type AccountsView } from '../../services/accounts';
import { csrfField, errorSummary, selectField, textField, type FormState } from '../form-fields';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

export const ACCOUNTS_PATH = '/staff/accounts';

function statusOf(a: AccountListEntry): string {
  if (a.disabled) return '已停用';
  if (a.signInLocked) return '登录已暂停（失败次数过多）';
  if (a.mustChangePassword) return '待首次登录修改密码';
  return '正常';
}

function actions(a: AccountListEntry, staff: LayoutStaff, isAdmin: boolean, selfId: string): SafeHtml {
  if (a.username === selfId) return html`<a href="/staff/password">修改密码</a>`;
  const button = (path: string, label: string) =>
    html`<form method="post" action="${ACCOUNTS_PATH}/${a.username}/${path}" class="inline">${csrfField(staff.csrfToken)}<button type="submit">${label}</button></form>`;
  return html`${a.disabled ? button('enable', '启用') : button('disable', '停用')}
    ${a.disabled ? '' : button('reset-password', '重置密码')}
    ${isAdmin && a.signInLocked ? button('unlock', '解除登录锁定') : ''}`;
}

/** 账号管理: the accounts the staff member manages, with their last sign-in, and the form for a new one. */
export function accountsPage(view: AccountsView, staff: LayoutStaff & { id: string }, form: FormState, options: { message?: string; flash?: string } = {}): SafeHtml {
  const isAdmin = staff.role === 'admin';
  const body = html`<h1>账号管理</h1>
    ${options.flash ? html`<div class="alert ok" role="status"><p>${options.flash}</p></div>` : ''}
    <p class="muted">${isAdmin ? '系统管理员可管理全部账号。' : '您可管理本党委所属党组织的支部工作人员账号。'}新账号首次登录时须先修改初始密码；停用的账号立即退出登录。</p>
    <div class="table-wrap"><table>
      <thead><tr><th>姓名</th><th>用户名</th><th>角色</th><th>所在党组织</th><th>电子邮箱</th><th>状态</th><th>最近登录</th><th>操作</th></tr></thead>
      <tbody>${view.accounts.length === 0 ? html`<tr><td colspan="8">暂无账号。</td></tr>` : view.accounts.map((a) => html`<tr>
        <td>${a.displayName}</td><td>${a.username}</td><td>${ROLE_LABELS[a.role]}</td><td>${a.orgName}</td><td>${a.email}</td>
        <td>${statusOf(a)}</td><td>${a.lastSignInAt ? formatDateTime(a.lastSignInAt) : '从未登录'}</td><td>${actions(a, staff, isAdmin, staff.id)}</td></tr>`)}</tbody>
    </table></div>
    ${view.lockedAddresses.length > 0 ? html`<h2>暂停登录的访问地址</h2>
      <p class="muted">来自这些网络地址的登录失败次数过多，已暂停登录。确认不是攻击后可解除。</p>
      <ul>${view.lockedAddresses.map((address) => html`<li>${address}
        <form method="post" action="${ACCOUNTS_PATH}/unlock-address" class="inline">${csrfField(staff.csrfToken)}<input type="hidden" name="address" value="${address}"><button type="submit">解除</button></form></li>`)}</ul>` : ''}
    <h2 id="new">新建账号</h2>
    ${errorSummary(options.message, form.errors, ACCOUNT_FIELD_LABELS)}
    <form method="post" action="${ACCOUNTS_PATH}" class="stacked">
      ${csrfField(staff.csrfToken)}
      ${textField({ name: 'displayName', label: ACCOUNT_FIELD_LABELS.displayName, state: form, required: true, maxLength: 20 })}
      ${textField({ name: 'username', label: ACCOUNT_FIELD_LABELS.username, state: form, required: true, maxLength: 32, autocomplete: 'off', hint: '3 至 32 位小写字母、数字或“._-”，登录时使用，创建后不能修改。' })}
      ${selectField({ name: 'role', label: ACCOUNT_FIELD_LABELS.role, state: form, required: true, placeholder: '请选择', options: view.roles.map((r) => [r, ROLE_LABELS[r]] as const) })}
      ${selectField({ name: 'orgId', label: ACCOUNT_FIELD_LABELS.orgId, state: form, required: true, placeholder: '请选择', options: view.orgs })}
      ${textField({ name: 'email', label: ACCOUNT_FIELD_LABELS.email, state: form, type: 'email', required: true, maxLength: 254, hint: '重置密码的邮件发到这里。' })}
      ${textField({ name: 'temporaryPassword', label: ACCOUNT_FIELD_LABELS.temporaryPassword, state: { values: {}, errors: form.errors }, type: 'password', required: true, autocomplete: 'new-password', maxLength: 128, hint: '至少 10 位，同时包含字母和数字。请当面或电话告知本人；本人首次登录时须改为自己的密码。' })}
      <button type="submit">创建账号</button>
    </form>`;
  return layout({ title: '账号管理', body, staff });
}
