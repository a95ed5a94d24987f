import { errorSummary, textField, type FormState, emptyForm } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';

export interface SignInPageOptions {
  /** The sign-in form's own CSRF token (double-submit cookie). */
  csrfToken: string;
  /** Where to go after signing in (a path on this site). */
  next?: string;
  form?: FormState;
  message?: string;
  /** A neutral note, e.g. after signing out. */
  info?: string;
  /** Link 忘记密码 (where the identity provider mails codes: Cognito). */
  recoverable?: boolean;
}

/** Staff sign-in. A failure always shows the same message, whatever was wrong. */
export function signInPage(options: SignInPageOptions): SafeHtml {
  const form = options.form ?? emptyForm();
  const body = html`<h1>工作人员登录</h1>
    ${options.info ? html`<div class="alert ok" role="status"><p>${options.info}</p></div>` : ''}
    <form class="stacked" method="post" action="/staff/sign-in">
      ${errorSummary(options.message, form.errors)}
      <input type="hidden" name="_csrf" value="${options.csrfToken}">
      ${options.next ? html`<input type="hidden" name="next" value="${options.next}">` : ''}
      ${textField({ name: 'username', label: '用户名', state: form, required: true, autocomplete: 'username', maxLength: 128 })}
      ${textField({ name: 'password', label: '密码', type: 'password', state: { values: {}, errors: form.errors }, required: true, autocomplete: 'current-password', maxLength: 256 })}
      <button type="submit">登录</button>
    </form>
    ${options.recoverable ? html`<p class="hint"><a href="/staff/forgot-password">忘记密码？</a></p>` : ''}
    <p class="hint">公众查看公示、反映意见无需登录，请前往<a href="/">公示栏</a>。</p>`;
  return layout({ title: '工作人员登录', body });
}
