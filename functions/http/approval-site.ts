import { awsServiceDeps } from '../adapters/aws-deps';
import { cognitoAuthenticatorFromEnv } from '../adapters/cognito-authenticator';
import { lazyHandler } from '../adapters/lazy-handler';
import { lambdaFaultLogger } from '../adapters/telemetry/telemetry';
import { approvalStaffRoutes } from './approval/staff-routes';
import { LINK_ROUTE_KEYS, linkRoutes } from './approval/link-routes';
import { redactingLogger } from './approval/redaction';
import { withRequestBaseUrl } from './edge/base-url';
import { consoleErrorLogger, type ErrorLogger } from './edge/error-mapper';
import { createSiteApp } from './edge/site-app';
import type { HttpHandlerFn } from './edge/types';
import type { StaffSiteDeps } from './staff/staff-context';

/**
 * The approval decision handler (审批): the approvers' links, and the staff pages and forms of approvals. It is the
 * only Lambda that may complete or fail a task of the approval state machine. The links need no session (the
 * session middleware only reads one if present); every staff route needs one and its CSRF token on POST.
 * Nothing it logs carries a link path.
 */
export function createApprovalSite(deps: StaffSiteDeps, options: { log?: ErrorLogger } = {}): HttpHandlerFn {
  return createSiteApp({
    routes: (event) => {
      const d = withRequestBaseUrl(deps, event);
      return { ...linkRoutes(d), ...approvalStaffRoutes(d) };
    },
    session: { store: deps.store, clock: deps.sessionClock ?? deps.clock, openRouteKeys: LINK_ROUTE_KEYS },
    cacheControl: 'no-store',
    log: redactingLogger(options.log ?? consoleErrorLogger),
  });
}

/** The Lambda handler: built on first use from the AWS environment. */
export const handler = lazyHandler(() => createApprovalSite({ ...awsServiceDeps(), authenticator: cognitoAuthenticatorFromEnv() }, { log: lambdaFaultLogger }));
