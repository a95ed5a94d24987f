import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

const TITLES: Record<number, string> = {
  400: '请求有误',
  401: '请先登录',
  403: '无权访问',
  404: '页面不存在',
  409: '无法办理',
  410: '链接已失效',
  413: '提交内容过大',
  422: '提交的内容有误',
  429: '请稍后再试',
  500: '系统出现问题',
};

export const GENERIC_ERROR_MESSAGE = '系统暂时无法处理您的请求，请稍后再试。如问题持续出现，请联系系统管理员。';

export interface ErrorPageOptions {
  status: number;
  message: string;
  /** Per-field messages (422) when the form cannot be shown again. */
  fieldErrors?: Record<string, string>;
  staff?: LayoutStaff;
  /** Where "back" leads (defaults to the home page of the area). */
  backHref?: string;
}

/** A friendly error page: the userMessage of the error, never its internals. */
export function errorPage(options: ErrorPageOptions): SafeHtml {
  const title = TITLES[options.status] ?? (options.status >= 500 ? TITLES[500] : TITLES[400]);
  const fieldErrors = Object.values(options.fieldErrors ?? {});
  const back = options.backHref ?? (options.staff ? '/staff' : '/');
  const body = html`<h1>${title}</h1>
    <div class="alert" role="alert"><p>${options.message}</p>
      ${fieldErrors.length > 0 ? html`<ul>${fieldErrors.map((text) => html`<li>${text}</li>`)}</ul>` : ''}
    </div>
    <p>${options.status === 401 ? html`<a class="button" href="/staff/sign-in">登录</a>` : html`<a href="${back}">返回首页</a>`}</p>`;
  return layout({ title, body, staff: options.staff });
}
