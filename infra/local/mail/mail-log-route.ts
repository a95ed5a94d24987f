import { createSiteApp } from '../../../functions/http/edge/site-app';
import { htmlResponse } from '../../../functions/http/edge/responses';
import { sessionOf, staffLayout } from '../../../functions/http/staff/staff-context';
import { mailLog } from '../../../shared/services/mail/mail-log';
import type { Clock } from '../../../shared/services/ports';
import { mailLogPage } from '../../../shared/ui/pages/mail-log';
import type { Store } from '../../../shared/store/store';
import type { ExtraRoute } from '../server';

/** 发件记录 `/staff/mail-log`: the SMTP delivery log, for administrators (the staff site's session and headers). */
export function mailLogRoute(options: { store: Store; sessionClock: Clock }): ExtraRoute {
  const site = createSiteApp({
    routes: {
      'GET /staff/mail-log': async (request) => {
        const session = sessionOf(request);
        return htmlResponse(200, mailLogPage(await mailLog(options, session.actor), staffLayout(session)));
      },
    },
    session: { store: options.store, clock: options.sessionClock },
    cacheControl: 'no-store',
  });
  return { method: 'GET', path: '/staff/mail-log', handler: site };
}
