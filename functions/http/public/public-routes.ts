import { fileObjection, getPublicNotice, listBoard } from '../../../shared/services/notice';
import type { ServiceDeps } from '../../../shared/services/deps';
import { InputInvalidError, RecordNotFoundError } from '../../../shared/services/errors';
import { noticePage } from '../../../shared/ui/pages/notice-page';
import { noticePrintPage } from '../../../shared/ui/pages/notice-print';
import { publicBoardPage } from '../../../shared/ui/pages/public-board';
import { SITE_CSS } from '../../../shared/ui/site-css';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import { publicNoticeView } from './public-notice-view';

const OBJECTION_FIELDS = ['content', 'name', 'contact'] as const;

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

    'GET /assets/{file}': async ({ params }) => {
      if (params.file !== 'site.css') throw new RecordNotFoundError('该文件');
      return { statusCode: 200, headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }, body: SITE_CSS };
    },
  };
}
