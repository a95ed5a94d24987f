import { errorSummary, textField, type FormState } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';

export const FORGOT_PASSWORD_PATH = '/staff/forgot-password';

export interface ForgotPasswordPageOptions {
  csrfToken: string;
  /** `request`: ask for the code; `code`: enter the code and the new password. */
  step: 'request' | 'code';
  form: FormState;
  message?: string;
  info?: string;
}

/** 忘记密码 (the sign-in page links here when the identity provider mails codes, i.e. Cognito on AWS). */
export function forgotPasswordPage(options: ForgotPasswordPageOptions): SafeHtml {
  const { form } = options;
  const username = textField({ name: 'username', label: '登录邮箱或用户名', state: form, required: true, autocomplete: 'username', maxLength: 128 });
  const body = options.step === 'request'
    ? html`<h1>忘记密码</h1>
      <p>请填写登录用的电子邮箱（或用户名）。系统会把 6 位验证码发到账号登记的邮箱，验证码 1 小时内有效。</p>
      <form class="stacked" method="post" action="${FORGOT_PASSWORD_PATH}">
        ${errorSummary(options.message, form.errors)}
        <input type="hidden" name="_csrf" value="${options.csrfToken}">
        ${username}
        <button type="submit">发送验证码</button>
      </form>
      <p class="hint">已经收到验证码（包括管理员为您重置密码后收到的邮件）？<a href="${FORGOT_PASSWORD_PATH}?step=code">直接输入验证码</a>。</p>
      <p class="hint"><a href="/staff/sign-in">返回登录</a></p>`
    : html`<h1>用验证码重设密码</h1>
      ${options.info ? html`<div class="alert ok" role="status"><p>${options.info}</p></div>` : ''}
      <form class="stacked" method="post" action="${FORGOT_PASSWORD_PATH}/confirm">
        ${errorSummary(options.message, form.errors)}
        <input type="hidden" name="_csrf" value="${options.csrfToken}">
        ${username}
        ${textField({ name: 'code', label: '验证码（邮件中的 6 位数字）', state: form, required: true, autocomplete: 'one-time-code', maxLength: 6 })}
        ${textField({ name: 'newPassword', label: '新密码', type: 'password', state: { values: {}, errors: form.errors }, required: true, autocomplete: 'new-password', maxLength: 256 })}
        ${textField({ name: 'confirmPassword', label: '再次输入新密码', type: 'password', state: { values: {}, errors: form.errors }, required: true, autocomplete: 'new-password', maxLength: 256 })}
        <button type="submit">重设密码</button>
      </form>
      <p class="hint">没有收到邮件？请检查垃圾邮件，或<a href="${FORGOT_PASSWORD_PATH}">重新获取验证码</a>。</p>`;
  return layout({ title: options.step === 'request' ? '忘记密码' : '用验证码重设密码', body });
}
