import { getStaffNotice, publishNotice, staffNoticeList, withdrawNotice } from '../../../shared/services/notice';
import { publishFormDefaults, publishFormPage } from '../../../shared/ui/pages/publish-form';
import { noticePrintPage } from '../../../shared/ui/pages/notice-print';
import { staffNoticeDetailPage } from '../../../shared/ui/pages/staff-notice-detail';
import { staffNoticesPage } from '../../../shared/ui/pages/staff-notices';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import { noticeFlash } from './notice-flash';
import { publishCandidates } from '../../../shared/services/notice/publish-candidates';
import { formFields, handleForm, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

const noticePath = (noticeId: string) => `/staff/notices/${encodeURIComponent(noticeId)}`;

/** Staff notices: list, publish (发布公示), detail with its 全程纪实, the printable version, withdrawal. */
export function noticeRoutes(deps: StaffSiteDeps): RouteTable {
  return {
    'GET /staff/notices': async (request) => {
      const session = sessionOf(request);
      const { notices, next } = await staffNoticeList(deps, session.actor, request.query.cursor); // a large scope: a page (?cursor= from 下一页)
      if (request.site.json) return jsonResponse(200, { notices, ...(next ? { next } : {}) });
      const page = { next, firstPage: request.query.cursor === undefined };
      return htmlResponse(200, staffNoticesPage(notices, staffLayout(session), deps.clock.now(), request.query.published, page));
    },

    'GET /staff/notices/new': async (request) => {
      const session = sessionOf(request);
      const picker = await publishCandidates(deps, session.actor, request.query.orgId || undefined);
      const form = { values: publishFormDefaults(deps.newId()), errors: {} };
      return htmlResponse(200, publishFormPage(picker, form, staffLayout(session)));
    },

    'POST /staff/notices': async (request) => {
      const session = sessionOf(request);
      const form = formFields(request);
      return handleForm(
        request,
        async () => {
          const { noticeId } = await publishNotice(deps, session.actor, form);
          if (request.site.json) return jsonResponse(202, { noticeId });
          return redirect(`/staff/notices?published=${encodeURIComponent(noticeId)}`);
        },
        async (error) => {
          const picker = await publishCandidates(deps, session.actor, (typeof form.orgId === 'string' && form.orgId) || undefined);
          const page = publishFormPage(picker, { values: form, errors: error.fieldErrors }, staffLayout(session), error.userMessage);
          return htmlResponse(422, page);
        },
      );
    },

    'GET /staff/notices/{noticeId}': async (request) => {
      const session = sessionOf(request);
      const view = await getStaffNotice(deps, session.actor, request.params.noticeId);
      if (request.site.json) return jsonResponse(200, view);
      const page = staffNoticeDetailPage({ ...view, staff: staffLayout(session), now: deps.clock.now(), flash: noticeFlash(request.query) });
      return htmlResponse(200, page);
    },

    /** The A4 version for staff to post inside the unit: any notice of their organizations, internal ones too. */
    'GET /staff/notices/{noticeId}/print': async (request) => {
      const { notice } = await getStaffNotice(deps, sessionOf(request).actor, request.params.noticeId);
      return htmlResponse(200, noticePrintPage(notice, noticePath(notice.id)));
    },

    'POST /staff/notices/{noticeId}/withdraw': async (request) => {
      const session = sessionOf(request);
      const { noticeId } = request.params;
      const form = { reason: request.site.form.reason ?? '' };
      return handleForm(
        request,
        async () => {
          await withdrawNotice(deps, session.actor, noticeId, form);
          return request.site.json ? jsonResponse(200, { withdrawn: true }) : redirect(`${noticePath(noticeId)}?withdrawn=1`);
        },
        async (error) => {
          const view = await getStaffNotice(deps, session.actor, noticeId);
          const page = staffNoticeDetailPage({
            ...view, staff: staffLayout(session), now: deps.clock.now(), withdrawForm: { values: form, errors: error.fieldErrors }, withdrawMessage: error.userMessage,
          });
          return htmlResponse(422, page);
        },
      );
    },
  };
}
