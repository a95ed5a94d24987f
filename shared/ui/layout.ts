import { ERROR_SUMMARY_CLASS } from './form-fields';
import { html, type HtmlValue, type SafeHtml } from './html';
import { SITE_CSS_PATH } from './site-css';

/** The whole system: member development with public notice, elections, the registry. */
export const SITE_NAME = '党建工作流程系统';

/** The site icon inline (a star on red), so no request is needed and the CSP's img-src 'self' data: allows it. */
const FAVICON = `data:image/svg+xml,${encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='6' fill='#b3261e'/>" +
    "<polygon fill='#ffd54f' points='16,5 18.6,12.4 26.5,12.6 20.3,17.4 22.5,24.9 16,20.5 9.5,24.9 11.7,17.4 5.5,12.6 13.4,12.4'/></svg>",
)}`;

/** The signed-in staff member, as the layout needs them (sign-out is a POST carrying the CSRF token). */
export interface LayoutStaff {
  displayName: string;
  role: string;
  csrfToken: string;
  /** Signed in with a password someone else chose: the navigation shows only changing it and signing out. */
  mustChangePassword?: boolean;
}

export interface LayoutOptions {
  title: string;
  body: HtmlValue;
  staff?: LayoutStaff;
  /** A page without header and footer (the printable notice). */
  bare?: boolean;
  /** A page the public reads (the board, a notice): it ends with the call to report truthfully. */
  publicFooter?: boolean;
}

/** The signed-in person's own links, at the right of the header's first line. */
function accountLinks(staff: LayoutStaff): SafeHtml {
  const signOut = html`<form method="post" action="/staff/sign-out"><input type="hidden" name="_csrf" value="${staff.csrfToken}"><button type="submit">退出</button></form>`;
  return html`<div class="account"><span>${staff.displayName}</span> <a href="/staff/password">修改密码</a> ${signOut}</div>`;
}

/** The work areas, on a line of their own under the brand (too many for one line with it). */
function staffNav(staff: LayoutStaff): SafeHtml {
  if (staff.mustChangePassword) return html``;
  const committee = staff.role === 'admin' || staff.role === 'committee-staff';
  return html`<nav class="work-nav" aria-label="工作人员导航">
    <a href="/staff">待办</a>
    <a href="/staff/notices">公示管理</a>
    <a href="/staff/notices/new">发布公示</a>
    <a href="/staff/development">发展党员</a>
    <a href="/staff/elections">换届选举</a>
    <a href="/staff/evaluations">民主评议</a>
    <a href="/staff/transfers">组织关系转接</a>
    <a href="/staff/assessment">党建考核</a>
    <a href="/staff/people">党员名册</a>
    <a href="/staff/people/search">人员查找</a>
    <a href="/staff/orgs">组织管理</a>
    ${committee ? html`<a href="/staff/approvals">审批</a> <a href="/staff/roster/import">花名册导入</a>` : ''}
    ${committee ? html`<a href="/staff/accounts">账号管理</a>` : ''}
    ${staff.role === 'admin' ? html`<a href="/staff/calendar">节假日安排</a>` : ''}
  </nav>`;
}

function header(staff: LayoutStaff | undefined): SafeHtml {
  return html`<header class="site-header"><div class="inner">
    <a class="brand" href="/">${SITE_NAME}</a>
    <nav aria-label="主导航"><a href="/">公示栏</a>${staff ? '' : html` <a href="/staff">工作人员入口</a>`}</nav>
    ${staff ? html`${accountLinks(staff)}${staffNav(staff)}` : ''}
  </div></header>`;
}

/**
 * A whole HTML document in Simplified Chinese, with the site's stylesheet and no scripts. A page showing a form's error
 * summary is titled "错误：…", so a screen reader says so first (WCAG 3.3.1).
 */
export function layout(options: LayoutOptions): SafeHtml {
  const body = html`${options.body}`;
  const failed = body.value.includes(`class="alert ${ERROR_SUMMARY_CLASS}"`);
  const title = `${failed ? '错误：' : ''}${options.title} - ${SITE_NAME}`;
  return html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="icon" type="image/svg+xml" href="${FAVICON}">
<link rel="stylesheet" href="${SITE_CSS_PATH}">
</head>
<body>
<a class="skip-link" href="#main">跳到主要内容</a>
${options.bare ? '' : header(options.staff)}
<main id="main" tabindex="-1">
${body}
</main>
${options.publicFooter ? html`<footer class="site-footer">公示期间如有情况反映，请实事求是，提倡署名反映。</footer>` : ''}
</body>
</html>`;
}
