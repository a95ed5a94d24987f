import {
  changeOwnPassword, createAccount, createLocalAccountDirectory, listAccounts, PasswordLinkInvalidError, resetAccountPassword, setAccountDisabled,
  setPasswordByLink, unlockSignIn, viewPasswordLink, type AccountDeps,
} from '../../../shared/services/accounts';
import { InputInvalidError } from '../../../shared/errors';
import { ACCOUNTS_PATH, accountsPage } from '../../../shared/ui/pages/accounts-admin';
import { CHANGE_PASSWORD_PATH, changePasswordPage, passwordLinkProblemPage, passwordSetPage, setPasswordPage } from '../../../shared/ui/pages/password-forms';
import { emptyForm } from '../../../shared/ui/form-fields';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import { SESSION_COOKIE } from '../edge/staff-session';
import type { SiteRequest } from '../edge/types';
import { formFields, handleForm, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

/** The set-password link's pages: never cached, never indexed, no referrer (the link is the secret). */
const LINK_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex, nofollow' };

/** Routes a session that must change its password may still use. */
export const PASSWORD_CHANGE_ROUTES: ReadonlySet<string> = new Set([`GET ${CHANGE_PASSWORD_PATH}`, `POST ${CHANGE_PASSWORD_PATH}`, 'POST /staff/sign-out']);
/** The set-password link needs no session. */
export const OPEN_ACCOUNT_ROUTES = ['GET /staff/set-password/{linkId}', 'POST /staff/set-password/{linkId}'];

const FLASH: Record<string, string> = {
  created: '账号已创建。请将用户名和初始密码告知本人，首次登录时须修改密码。',
  disabled: '账号已停用，该账号的登录已全部退出。',
  enabled: '账号已启用。',
  reset: '重置密码邮件已发送，链接 24 小时内有效、只能使用一次。',
  unlocked: '已解除登录锁定。',
};

export const accountDepsOf = (deps: StaffSiteDeps): AccountDeps => ({ ...deps, accounts: deps.accounts ?? createLocalAccountDirectory(deps.store) });

/** 账号管理 (administrators; committee staff for their subtree's branch staff), 修改密码, and the set-password link. */
export function accountRoutes(staffDeps: StaffSiteDeps): RouteTable {
  const deps = accountDepsOf(staffDeps);
  const done = (request: SiteRequest, flash: string, data: unknown) => (request.site.json ? jsonResponse(200, data) : redirect(`${ACCOUNTS_PATH}?done=${flash}`));
  const accountAction = (run: (request: SiteRequest, username: string) => Promise<unknown>, flash: string) => async (request: SiteRequest) =>
    done(request, flash, await run(request, request.params.username));

  return {
    [`GET ${ACCOUNTS_PATH}`]: async (request) => {
      const session = sessionOf(request);
      const view = await listAccounts(deps, session.actor);
      if (request.site.json) return jsonResponse(200, view);
      return htmlResponse(200, accountsPage(view, { ...staffLayout(session), id: session.actor.id }, emptyForm(), { flash: FLASH[request.query.done ?? ''] }));
    },

    [`POST ${ACCOUNTS_PATH}`]: async (request) => {
      const session = sessionOf(request);
      const form = formFields(request);
      return handleForm(
        request,
        async () => done(request, 'created', await createAccount(deps, session.actor, form)),
        async (error) => htmlResponse(422, accountsPage(await listAccounts(deps, session.actor), { ...staffLayout(session), id: session.actor.id }, { values: form, errors: error.fieldErrors }, { message: error.userMessage })),
      );
    },

    [`POST ${ACCOUNTS_PATH}/{username}/disable`]: accountAction((r, u) => setAccountDisabled(deps, sessionOf(r).actor, u, true), 'disabled'),
    [`POST ${ACCOUNTS_PATH}/{username}/enable`]: accountAction((r, u) => setAccountDisabled(deps, sessionOf(r).actor, u, false), 'enabled'),
    [`POST ${ACCOUNTS_PATH}/{username}/reset-password`]: accountAction((r, u) => resetAccountPassword(deps, sessionOf(r).actor, u), 'reset'),
    [`POST ${ACCOUNTS_PATH}/{username}/unlock`]: accountAction(async (r, u) => unlockSignIn(deps, sessionOf(r).actor, { kind: 'user', value: u }).then(() => ({ unlocked: u })), 'unlocked'),
    [`POST ${ACCOUNTS_PATH}/unlock-address`]: async (request) => {
      const address = (request.site.form.address ?? '').trim();
      await unlockSignIn(deps, sessionOf(request).actor, { kind: 'address', value: address });
      return done(request, 'unlocked', { unlocked: address });
    },

    [`GET ${CHANGE_PASSWORD_PATH}`]: async (request) => {
      const session = sessionOf(request);
      const flash = request.query.changed ? '密码已修改。' : undefined;
      return htmlResponse(200, changePasswordPage(staffLayout(session), emptyForm(), { forced: session.mustChangePassword, flash }));
    },

    [`POST ${CHANGE_PASSWORD_PATH}`]: async (request) => {
      const session = sessionOf(request);
      return handleForm(
        request,
        async () => {
          await changeOwnPassword(deps, session.actor, request.site.cookies[SESSION_COOKIE] ?? '', formFields(request));
          if (request.site.json) return jsonResponse(200, { changed: true });
          return redirect(session.mustChangePassword ? '/staff' : `${CHANGE_PASSWORD_PATH}?changed=1`);
        },
        async (error) => htmlResponse(422, changePasswordPage(staffLayout(session), { values: {}, errors: error.fieldErrors }, { forced: session.mustChangePassword, message: error.userMessage })),
      );
    },

    'GET /staff/set-password/{linkId}': async (request) => {
      const action = `/staff/set-password/${encodeURIComponent(request.params.linkId)}`;
      try {
        const view = await viewPasswordLink(deps, request.params.linkId);
        return { ...htmlResponse(200, setPasswordPage(view.displayName, action, emptyForm())), headers: LINK_HEADERS };
      } catch (error) {
        if (!(error instanceof PasswordLinkInvalidError)) throw error;
        return { ...htmlResponse(error.httpStatus, passwordLinkProblemPage(error.userMessage)), headers: LINK_HEADERS };
      }
    },

    'POST /staff/set-password/{linkId}': async (request) => {
      const action = `/staff/set-password/${encodeURIComponent(request.params.linkId)}`;
      try {
        await setPasswordByLink(deps, request.params.linkId, request.site.form);
        return { ...htmlResponse(200, passwordSetPage()), headers: LINK_HEADERS };
      } catch (error) {
        if (error instanceof PasswordLinkInvalidError) return { ...htmlResponse(error.httpStatus, passwordLinkProblemPage(error.userMessage)), headers: LINK_HEADERS };
        if (!(error instanceof InputInvalidError)) throw error;
        const view = await viewPasswordLink(deps, request.params.linkId);
        return { ...htmlResponse(422, setPasswordPage(view.displayName, action, { values: {}, errors: error.fieldErrors }, error.userMessage)), headers: LINK_HEADERS };
      }
    },
  };
}
