import type { ServiceDeps } from '../../shared/services/deps';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';
import { lambdaFaultLogger } from '../adapters/telemetry/telemetry';
import { withRequestBaseUrl } from './edge/base-url';
import type { ErrorLogger } from './edge/error-mapper';
import { createSiteApp } from './edge/site-app';
import type { HttpHandlerFn } from './edge/types';
import { publicRoutes } from './public/public-routes';
import { ratingRoutes } from './public/rating-routes';

/** The public site (公示栏): board, notices, printable notices, objections, the stylesheet; the raters' page (民主评议). */
export function createPublicSite(deps: ServiceDeps, options: { log?: ErrorLogger } = {}): HttpHandlerFn {
  return createSiteApp({ routes: (event) => {
    const requestDeps = withRequestBaseUrl(deps, event);
    return { ...publicRoutes(requestDeps), ...ratingRoutes(requestDeps) };
  }, log: options.log });
}

/** The Lambda handler: built on first use from the AWS environment. */
export const handler = lazyHandler(() => createPublicSite(awsServiceDeps(), { log: lambdaFaultLogger }));
