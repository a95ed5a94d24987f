import { PASSWORD_MIN_LENGTH } from '../../domain/accounts';
import { PASSWORD_FIELD_LABELS } from '../../services/accounts';
import { csrfField, errorSummary, textField, type FormState } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

export const CHANGE_PASSWORD_PATH = '/staff/password';

const HINT = `至少 ${PASSWORD_MIN_LENGTH} 位，同时包含字母和数字，不能包含用户名。`;
const blank = (form: FormState): FormState => ({ values: {}, errors: form.errors });

function newPasswordFields(form: FormState): SafeHtml {
  return html`${textField({ name: 'newPassword', label: PASSWORD_FIELD_LABELS.newPassword, type: 'password', state: blank(form), required: true, autocomplete: 'new-password', maxLength: 128, hint: HINT })}
    ${textField({ name: 'confirmPassword', label: PASSWORD_FIELD_LABELS.confirmPassword, type: 'password', state: blank(form), required: true, autocomplete: 'new-password', maxLength: 128 })}`;
}

/** 修改密码: one's own password; at the first sign-in (forced) nothing else opens until it is changed. */
export function changePasswordPage(staff: LayoutStaff, form: FormState, options: { forced?: boolean; message?: string; flash?: string } = {}): SafeHtml {
  const body = html`<h1>修改密码</h1>
    ${options.flash ? html`<div class="alert ok" role="status"><p>${options.flash}</p></div>` : ''}
    ${options.forced ? html`<div class="alert" role="status"><p>您正在使用他人为您设置的初始密码。为保护账号安全，请先设置您自己的密码，然后才能办理其他事项。</p></div>` : ''}
    ${errorSummary(options.message, form.errors, PASSWORD_FIELD_LABELS)}
    <form method="post" action="${CHANGE_PASSWORD_PATH}" class="stacked">
      ${csrfField(staff.csrfToken)}
      ${textField({ name: 'currentPassword', label: options.forced ? '初始密码' : PASSWORD_FIELD_LABELS.currentPassword, type: 'password', state: blank(form), required: true, autocomplete: 'current-password', maxLength: 256 })}
      ${newPasswordFields(form)}
      <button type="submit">保存新密码</button>
    </form>`;
  return layout({ title: '修改密码', body, staff });
}

/** The set-password link's page (no sign-in): GET shows the form, only the POST sets the password. */
export function setPasswordPage(displayName: string, action: string, form: FormState, message?: string): SafeHtml {
  const body = html`<h1>设置新密码</h1>
    <p>${displayName}同志，请为您的工作人员账号设置新密码。此链接只能使用一次，设置后请用新密码登录。</p>
    ${errorSummary(message, form.errors, PASSWORD_FIELD_LABELS)}
    <form method="post" action="${action}" class="stacked">
      ${newPasswordFields(form)}
      <button type="submit">设置密码</button>
    </form>`;
  return layout({ title: '设置新密码', body });
}

/** After the link was used. */
export function passwordSetPage(): SafeHtml {
  return layout({ title: '密码已设置', body: html`<h1>密码已设置</h1><div class="alert ok" role="status"><p>新密码已生效，原有的登录已全部退出。</p></div><p><a href="/staff/sign-in">前往登录</a></p>` });
}

/** A set-password link that does not open: why, and what to do. */
export function passwordLinkProblemPage(message: string): SafeHtml {
  return layout({ title: '链接无法使用', body: html`<h1>链接无法使用</h1><div class="alert" role="alert"><p>${message}</p></div><p><a href="/staff/sign-in">返回登录页</a></p>` });
}
