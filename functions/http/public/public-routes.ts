import { acknowledgeFiling, viewFilingLink } from '../../../shared/services/development';
import { fileObjection, getPublicNotice, listBoard } from '../../../shared/services/notice';
import type { ServiceDeps } from '../../../shared/services/deps';
import { InputInvalidError, RecordNotFoundError } from '../../../shared/services/errors';
import { filingAckPage } from '../../../shared/ui/pages/filing-ack';
import { noticePage } from '../../../shared/ui/pages/notice-page';
import { noticePrintPage } from '../../../shared/ui/pages/notice-print';
import { publicBoardPage } from '../../../shared/ui/pages/public-board';
import { SITE_CSS } from '../../../shared/ui/site-css';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import { publicNoticeView } from './public-notice-view';

const OBJECTION_FIELDS = ['content', 'name', 'contact'] as const;
/** A filing link's page is never cached, indexed or sent on as a referrer. */
const FILING_HEADERS = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex, nofollow' };

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

    // Filing acknowledgment links (备案回执): GET shows and changes nothing; only the page's POST acknowledges, once.
    'GET /filings/{linkId}': async ({ params }) => {
      const view = await viewFilingLink(deps, params.linkId);
      const status = view.state === 'invalid' ? 404 : view.state === 'expired' ? 410 : 200;
      return { ...htmlResponse(status, filingAckPage(view, `/filings/${encodeURIComponent(params.linkId)}`)), headers: { 'content-type': 'text/html; charset=utf-8', ...FILING_HEADERS } };
    },

    'POST /filings/{linkId}': async ({ params }) => {
      const before = await viewFilingLink(deps, params.linkId);
      const view = before.state === 'pending' ? await acknowledgeFiling(deps, params.linkId) : before;
      return { ...htmlResponse(200, filingAckPage(view, `/filings/${encodeURIComponent(params.linkId)}`, before.state === 'pending')), headers: { 'content-type': 'text/html; charset=utf-8', ...FILING_HEADERS } };
    },

    'GET /assets/{file}': async ({ params }) => {
      if (params.file !== 'site.css') throw new RecordNotFoundError('该文件');
      return { statusCode: 200, headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }, body: SITE_CSS };
    },
  };
}
