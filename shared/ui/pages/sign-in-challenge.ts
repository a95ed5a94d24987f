import { errorSummary, textField, type FormState, emptyForm } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';

export interface SignInChallengePageOptions {
  kind: 'new-password' | 'totp' | 'totp-setup';
  csrfToken: string;
  next?: string;
  /** totp-setup: the key to add to the authenticator app. */
  secret?: string;
  /** totp-setup: the otpauth:// address of that key. */
  otpauthUri?: string;
  /** totp-setup: that address as a QR code (inline SVG, qr-code.ts), for the app to scan. */
  qrCode?: SafeHtml;
  form?: FormState;
  message?: string;
}

const TITLES = { 'new-password': '设置新密码', totp: '输入验证码', 'totp-setup': '绑定身份验证器' } as const;

/** The key in groups of four, as authenticator apps show it. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * The second page of a sign-in, when the identity provider asks more than the password: the user's own new password
 * (the one they have was set by an administrator), the authenticator app's code, or adding the app first.
 */
export function signInChallengePage(options: SignInChallengePageOptions): SafeHtml {
  const form = options.form ?? emptyForm();
  const blank = { values: {}, errors: form.errors };
  const fields = options.kind === 'new-password'
    ? html`<p>您的密码是管理员设置的初始密码，请设置您自己的新密码：至少 12 位，须同时含大写字母、小写字母、数字和符号。</p>
      ${textField({ name: 'newPassword', label: '新密码', type: 'password', state: blank, required: true, autocomplete: 'new-password', maxLength: 256 })}
      ${textField({ name: 'confirmPassword', label: '再次输入新密码', type: 'password', state: blank, required: true, autocomplete: 'new-password', maxLength: 256 })}`
    : html`${options.kind === 'totp-setup'
      ? html`<p>本系统要求登录时输入动态验证码。请在手机上的身份验证器应用（如 Microsoft Authenticator、Google 身份验证器）中添加账号：用应用扫描下面的二维码；无法扫描时，手动输入二维码下方的密钥（类型选“基于时间”），或在手机上打开<a href="${options.otpauthUri ?? ''}">此链接</a>。</p>
        ${options.qrCode ? html`<div class="totp-qr">${options.qrCode}</div>` : ''}
        <p class="secret"><code>${grouped(options.secret ?? '')}</code></p>
        <p>添加后，输入应用显示的 6 位验证码完成绑定。</p>`
      : html`<p>请输入手机身份验证器应用显示的 6 位验证码。</p>`}
      ${textField({ name: 'code', label: '验证码', state: blank, required: true, autocomplete: 'one-time-code', maxLength: 8 })}`;
  const body = html`<h1>${TITLES[options.kind]}</h1>
    <form class="stacked" method="post" action="/staff/sign-in/challenge">
      ${errorSummary(options.message, form.errors)}
      <input type="hidden" name="_csrf" value="${options.csrfToken}">
      ${options.next ? html`<input type="hidden" name="next" value="${options.next}">` : ''}
      ${fields}
      <button type="submit">${options.kind === 'new-password' ? '设置并登录' : '验证并登录'}</button>
    </form>
    <p class="hint"><a href="/staff/sign-in">重新登录</a></p>`;
  return layout({ title: TITLES[options.kind], body });
}
