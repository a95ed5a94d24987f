import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Session } from '../../../shared/services/auth';
import type { UploadedFile } from './multipart';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;
/** A site as the local server and the Lambda runtime call it. */
export type HttpHandlerFn = (event: HttpEvent) => Promise<HttpResult>;

/** What the edge middlewares read from the raw event, attached to it as `event.site`. */
export interface SiteContext {
  /** Form fields (urlencoded, JSON or multipart body), one string per name. */
  form: Record<string, string>;
  /** Files of a multipart body (only on routes that accept uploads). */
  files?: UploadedFile[];
  /** Answer JSON instead of HTML (JSON body, or a client that accepts only JSON). */
  json: boolean;
  cookies: Record<string, string>;
  /** The request came over https (cookies get `Secure`). */
  https: boolean;
  /** The staff session, once the session middleware found one. */
  session?: Session;
}

export type SiteEvent = HttpEvent & { site?: SiteContext };

/** What a route handler receives. */
export interface SiteRequest {
  event: HttpEvent;
  site: SiteContext;
  params: Record<string, string>;
  query: Record<string, string>;
}

export interface StaffRequest extends SiteRequest {
  session: Session;
}

export type RouteHandler<R extends SiteRequest = SiteRequest> = (request: R) => Promise<HttpResult>;

export function siteOf(event: SiteEvent): SiteContext {
  event.site ??= { form: {}, json: false, cookies: {}, https: false };
  return event.site;
}
