import { acknowledgeFiling, viewFilingLink } from '../../../shared/services/development';
import { fileObjection, getPublicNotice, listBoard } from '../../../shared/services/notice';
import type { ServiceDeps } from '../../../shared/services/deps';
import { InputInvalidError, RecordNotFoundError } from '../../../shared/errors';
import { filingAckPage, filingForbiddenPage } from '../../../shared/ui/pages/filing-ack';
import { noticePage } from '../../../shared/ui/pages/notice-page';
import { noticePrintPage } from '../../../shared/ui/pages/notice-print';
import { publicBoardPage } from '../../../shared/ui/pages/public-board';
import { SITE_CSS } from '../../../shared/ui/site-css';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import type { HttpResult } from '../edge/types';
import { FILING_LINK_CSRF, linkCsrfToken, linkCsrfValid } from '../approval/link-csrf';
import { publicNoticeView } from './public-notice-view';

const OBJECTION_FIELDS = ['content', 'name', 'contact'] as const;
/** A filing link's page is never cached, indexed or sent on as a referrer. */
const FILING_HEADERS = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex, nofollow' };

const filingAnswer = (status: number, body: ReturnType<typeof filingAckPage>, cookies?: string[]): HttpResult =>
  ({ ...htmlResponse(status, body), headers: { 'content-type': 'text/html; charset=utf-8', ...FILING_HEADERS }, cookies });
const filingPath = (linkId: string) => `/filings/${encodeURIComponent(linkId)}`;

/** The public notice board: no sign-in, nothing personal beyond what a notice shows. */
export function publicRoutes(deps: ServiceDeps): RouteTable {
  return {
    'GET /': async ({ site }) => {
      const board = await listBoard(deps);
      if (site.json) return jsonResponse(200, { open: board.open.map(publicNoticeView), closed: board.closed.map(publicNoticeView) });
      return htmlResponse(200, publicBoardPage(board, deps.clock.now()));
    },

    'GET /notices/{noticeId}': async ({ site, params, query }) => {
      const notice = await getPublicNotice(deps, params.noticeId);
      if (site.json) return jsonResponse(200, publicNoticeView(notice));
      return htmlResponse(200, noticePage(notice, { now: deps.clock.now(), received: query.objection === 'received' }));
    },

    'GET /notices/{noticeId}/print': async ({ params }) => {
      return htmlResponse(200, noticePrintPage(await getPublicNotice(deps, params.noticeId)));
    },

    'POST /notices/{noticeId}/objections': async ({ site, params }) => {
      const form = Object.fromEntries(OBJECTION_FIELDS.map((name) => [name, site.form[name] ?? '']));
      try {
        const { objectionId } = await fileObjection(deps, params.noticeId, form);
        if (site.json) return jsonResponse(201, { objectionId });
        return redirect(`/notices/${encodeURIComponent(params.noticeId)}?objection=received`);
      } catch (error) {
        if (!(error instanceof InputInvalidError) || site.json) throw error;
        const notice = await getPublicNotice(deps, params.noticeId);
        const page = noticePage(notice, { now: deps.clock.now(), form: { values: form, errors: error.fieldErrors }, formMessage: error.userMessage });
        return htmlResponse(422, page);
      }
    },

    // Filing acknowledgment links (备案回执), protected as approval links are: GET shows and changes nothing; only the
    // POST of the page's own form (CSRF double-submit token, cookie on /filings/) acknowledges, once.
    'GET /filings/{linkId}': async (request) => {
      const { linkId } = request.params;
      const view = await viewFilingLink(deps, linkId);
      const status = view.state === 'invalid' ? 404 : view.state === 'expired' ? 410 : 200;
      const csrf = view.state === 'pending' ? linkCsrfToken(request, FILING_LINK_CSRF) : undefined;
      return filingAnswer(status, filingAckPage(view, filingPath(linkId), { csrfToken: csrf?.token }), csrf?.cookies);
    },

    'POST /filings/{linkId}': async (request) => {
      const { linkId } = request.params;
      if (!linkCsrfValid(request, FILING_LINK_CSRF)) return filingAnswer(403, filingForbiddenPage());
      const before = await viewFilingLink(deps, linkId);
      const view = before.state === 'pending' ? await acknowledgeFiling(deps, linkId) : before;
      return filingAnswer(200, filingAckPage(view, filingPath(linkId), { justAcknowledged: before.state === 'pending' }));
    },

    'GET /assets/{file}': async ({ params }) => {
      if (params.file !== 'site.css') throw new RecordNotFoundError('该文件');
      return { statusCode: 200, headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }, body: SITE_CSS };
    },
  };
}
