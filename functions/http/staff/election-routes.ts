import { termOverview, termWarnings } from '../../../shared/services/registry/term-overview';
import { electionsOverviewPage } from '../../../shared/ui/pages/elections-overview';
import { htmlResponse, jsonResponse } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import { sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

/** 换届选举: the terms overview. */
export function electionRoutes(deps: StaffSiteDeps): RouteTable {
  return {
    'GET /staff/elections': async (request) => {
      const session = sessionOf(request);
      const terms = await termOverview(deps, session.actor);
      if (request.site.json) return jsonResponse(200, { terms, warnings: termWarnings(terms) });
      return htmlResponse(200, electionsOverviewPage({ terms, staff: staffLayout(session) }));
    },
  };
}
