import {
  approvalsPage, getApprovalForStaff, reassignApprover, recordPaperDecision, resendApprovalLink,
} from '../../../shared/services/approval';
import { InputInvalidError } from '../../../shared/errors';
import type { Session } from '../../../shared/services/auth';
import { staffApprovalDetailPage, type ApprovalFormError } from '../../../shared/ui/pages/staff-approval-detail';
import { staffApprovalsPage } from '../../../shared/ui/pages/staff-approvals';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import type { HttpResult, SiteRequest } from '../edge/types';
import { formFields, sessionOf, staffLayout, type StaffSiteDeps } from '../staff/staff-context';

const approvalPath = (approvalId: string) => `/staff/approvals/${encodeURIComponent(approvalId)}`;

const FLASH: Record<string, string> = {
  resent: '已重新发送审批链接，原链接已作废。',
  reassigned: '已更换审批人并发送审批链接，原审批人的链接已作废。',
  recorded: '书面决定已录入，审批结束。',
};

const clientOf = (request: SiteRequest) => ({
  ip: request.event.requestContext?.http?.sourceIp ?? '',
  userAgent: request.event.requestContext?.http?.userAgent ?? '',
});

/** The approver a resend or reassignment is about (a form field); not a whole number → the service's 404. */
const approverIndexOf = (request: SiteRequest) => (/^\d{1,3}$/.test(request.site.form.approverIndex ?? '') ? Number(request.site.form.approverIndex) : -1);

/** Committee staff (审批): approvals, one approval with its link states and audit trail, resend, reassign, paper decision. */
export function approvalStaffRoutes(deps: StaffSiteDeps): RouteTable {
  async function detail(request: SiteRequest, session: Session, status: number, error?: ApprovalFormError): Promise<HttpResult> {
    const view = await getApprovalForStaff(deps, session.actor, request.params.approvalId);
    if (request.site.json) return jsonResponse(status, view);
    const flash = FLASH[request.query.done ?? ''];
    return htmlResponse(status, staffApprovalDetailPage({ view, staff: staffLayout(session), now: deps.clock.now(), flash, error }));
  }

  /** Runs a staff form: done → back to the approval (303); invalid input → the page again with the form's messages. */
  async function submit(request: SiteRequest, form: ApprovalFormError['form'], action: (session: Session) => Promise<unknown>, done: string): Promise<HttpResult> {
    const session = sessionOf(request);
    try {
      const result = await action(session);
      if (request.site.json) return jsonResponse(200, result ?? { done });
      return redirect(`${approvalPath(request.params.approvalId)}?done=${done}`);
    } catch (error) {
      if (!(error instanceof InputInvalidError) || request.site.json) throw error;
      const state = { values: formFields(request), errors: error.fieldErrors };
      return detail(request, session, 422, { form, approverIndex: approverIndexOf(request), state, message: error.userMessage });
    }
  }

  return {
    'GET /staff/approvals': async (request) => {
      const session = sessionOf(request);
      const { approvals, next } = await approvalsPage(deps, session.actor, request.query.cursor); // a large scope: a page (?cursor= from 下一页)
      if (request.site.json) return jsonResponse(200, { approvals, ...(next ? { next } : {}) });
      return htmlResponse(200, staffApprovalsPage(approvals, staffLayout(session), { next, firstPage: request.query.cursor === undefined }));
    },

    'GET /staff/approvals/{approvalId}': async (request) => detail(request, sessionOf(request), 200),

    'POST /staff/approvals/{approvalId}/resend': (request) => submit(request, 'resend', (session) =>
      resendApprovalLink(deps, session.actor, request.params.approvalId, approverIndexOf(request), clientOf(request)), 'resent'),

    'POST /staff/approvals/{approvalId}/reassign': (request) => submit(request, 'reassign', (session) => {
      const { name = '', email = '' } = request.site.form;
      return reassignApprover(deps, session.actor, request.params.approvalId, approverIndexOf(request), { name, email }, clientOf(request));
    }, 'reassigned'),

    'POST /staff/approvals/{approvalId}/paper-decision': (request) => submit(request, 'paper-decision', async (session) => {
      await recordPaperDecision(deps, session.actor, request.params.approvalId, formFields(request), clientOf(request));
      return undefined;
    }, 'recorded'),
  };
}
