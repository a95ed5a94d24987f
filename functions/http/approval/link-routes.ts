import { decideByLink, viewApprovalLink } from '../../../shared/services/approval';
import type { ServiceDeps } from '../../../shared/services/deps';
import { InputInvalidError, ServiceError } from '../../../shared/errors';
import {
  approvalCancelledPage, approvalDecidedPage, approvalExpiredPage, approvalForbiddenPage, approvalInvalidPage, approvalPendingPage,
} from '../../../shared/ui/pages/approval-link';
import type { FormState } from '../../../shared/ui/form-fields';
import { htmlResponse } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import type { HttpResult, SiteRequest } from '../edge/types';
import { linkCsrfToken, linkCsrfValid } from './link-csrf';
import { redactedFault } from './redaction';

export const LINK_GET = 'GET /approvals/{linkId}';
export const LINK_HEAD = 'HEAD /approvals/{linkId}';
export const LINK_POST = 'POST /approvals/{linkId}';
export const LINK_ROUTE_KEYS: ReadonlySet<string> = new Set([LINK_GET, LINK_HEAD, LINK_POST]);

/** Headers of every link answer: never cached or indexed, never sent on as a referrer. */
export const LINK_HEADERS = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex, nofollow' } as const;

type LinkView = Awaited<ReturnType<typeof viewApprovalLink>>;
/** Only the characters a link id is made of; anything else cannot be a link and is not looked up. */
const LINK_ID_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

const linkPath = (rawLinkId: string) => `/approvals/${rawLinkId}`;

function page(statusCode: number, result: HttpResult, cookies?: string[]): HttpResult {
  return { ...result, statusCode, headers: { ...result.headers, ...LINK_HEADERS }, cookies };
}

function render(request: SiteRequest, view: LinkView, extra: { justDecided?: boolean; form?: FormState; message?: string } = {}): HttpResult {
  const rawLinkId = request.params.linkId;
  switch (view.state) {
    case 'pending': {
      const csrf = linkCsrfToken(request);
      const body = approvalPendingPage({ ...view, action: linkPath(rawLinkId), csrfToken: csrf.token, form: extra.form, message: extra.message });
      return page(extra.form ? 422 : 200, htmlResponse(200, body), csrf.cookies);
    }
    case 'decided':
      return page(200, htmlResponse(200, approvalDecidedPage({ ...view, justDecided: extra.justDecided })));
    case 'expired':
      return page(410, htmlResponse(410, approvalExpiredPage(view)));
    case 'cancelled':
      return page(410, htmlResponse(410, approvalCancelledPage(view)));
    default:
      return invalid();
  }
}

const invalid = (): HttpResult => page(404, htmlResponse(404, approvalInvalidPage()));

/** Runs a link route; a fault is rethrown with the raw link id taken out of its message and stack (they get logged). */
async function guarded(request: SiteRequest, serve: (rawLinkId: string) => Promise<HttpResult>): Promise<HttpResult> {
  const rawLinkId = request.params.linkId ?? '';
  if (!LINK_ID_PATTERN.test(rawLinkId)) return invalid();
  try {
    return await serve(rawLinkId);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw redactedFault(error, rawLinkId);
  }
}

/**
 * The approver's link (审批链接): GET and HEAD show, never decide (mail scanners open links); only the POST of
 * the page's own form (CSRF double-submit token) decides, for the approver the link is bound to, whoever is signed in.
 */
export function linkRoutes(deps: ServiceDeps): RouteTable {
  const show = (request: SiteRequest) => guarded(request, async (rawLinkId) => render(request, await viewApprovalLink(deps, rawLinkId)));
  return {
    [LINK_GET]: show,
    [LINK_HEAD]: async (request) => ({ ...(await show(request)), body: '' }),
    [LINK_POST]: (request) => guarded(request, async (rawLinkId) => {
      if (!linkCsrfValid(request)) return page(403, htmlResponse(403, approvalForbiddenPage()));
      const { outcome = '', comment = '', meetingDate = '' } = request.site.form;
      const form = { outcome, comment: comment || undefined, meetingDate };
      const client = { ip: request.event.requestContext?.http?.sourceIp ?? '', userAgent: request.event.requestContext?.http?.userAgent ?? '' };
      try {
        const before = await viewApprovalLink(deps, rawLinkId);
        if (before.state !== 'pending') return render(request, before);
        const after = await decideByLink(deps, rawLinkId, form, client);
        return render(request, after, { justDecided: isOwnDecision(after, form) });
      } catch (error) {
        if (!(error instanceof InputInvalidError)) throw error;
        const view = await viewApprovalLink(deps, rawLinkId);
        if (view.state !== 'pending') return render(request, view);
        return render(request, view, { form: { values: { outcome, comment, meetingDate }, errors: error.fieldErrors }, message: error.userMessage });
      }
    }),
  };
}

/**
 * Whether the decision now recorded is the one this POST submitted (the link was pending just before). A POST that
 * lost a race to a different decision sees "already used"; two identical POSTs racing both see their (one) decision.
 */
function isOwnDecision(view: LinkView, form: { outcome: string; comment?: string; meetingDate: string }): boolean {
  if (view.state !== 'decided' || !view.decision.byLink) return false;
  const { decision } = view;
  return decision.outcome === form.outcome && decision.meetingDate === form.meetingDate && (decision.comment ?? '') === (form.comment?.trim() ?? '');
}
