import type { ServiceDeps } from '../../../shared/services/deps';
import { InputInvalidError } from '../../../shared/errors';
import { openRatingBallot, RaterCodeRefusedError, submitRating } from '../../../shared/services/evaluation';
import { ratingBallotPage, ratingCodePage, ratingDonePage, ratingRefusedPage } from '../../../shared/ui/pages/evaluation-rating';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import type { HttpResult } from '../edge/types';

/** The rater's pages are never cached, indexed or sent on as a referrer (a code is in the address). */
const NO_STORE = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex, nofollow' };
const page = (status: number, body: ReturnType<typeof ratingCodePage>): HttpResult => ({ ...htmlResponse(status, body), headers: NO_STORE });

async function refusedOr(run: () => Promise<HttpResult>): Promise<HttpResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RaterCodeRefusedError) return page(error.httpStatus, ratingRefusedPage(error.userMessage));
    throw error;
  }
}

/**
 * The public rating pages (docs/domain/evaluation.md, V4): GET /rate asks for the code; GET /rate/{code} shows the
 * ballot (GET and HEAD change nothing: a scanner or a second look spends nothing); only POST /rate/{code} rates.
 */
export function ratingRoutes(deps: ServiceDeps): RouteTable {
  return {
    'GET /rate': async ({ query }) => {
      if (query.code) return redirect(`/rate/${encodeURIComponent(query.code.replace(/[\s-]/g, '').toUpperCase())}`);
      return page(200, ratingCodePage());
    },
    'GET /rate/{code}': ({ params }) => refusedOr(async () => page(200, ratingBallotPage(await openRatingBallot(deps, params.code)))),
    'HEAD /rate/{code}': ({ params }) => refusedOr(async () => page(200, ratingBallotPage(await openRatingBallot(deps, params.code)))),
    'POST /rate/{code}': ({ params, site }) => refusedOr(async () => {
      try {
        await submitRating(deps, params.code, site.form);
      } catch (error) {
        if (!(error instanceof InputInvalidError) || site.json) throw error;
        return page(422, ratingBallotPage(await openRatingBallot(deps, params.code), { values: site.form, errors: error.fieldErrors }));
      }
      if (site.json) return jsonResponse(201, { rated: true });
      return page(200, ratingDonePage());
    }),
  };
}
