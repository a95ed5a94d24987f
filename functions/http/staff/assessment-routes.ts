import {
  addAdjustment, assessmentBoard, exportSchemeWorkbook, importSchemeWorkbook, assessmentFile, assessmentHome, createSchemeDraft, editSchemeIndicator, getSchemeVersions, publishScheme, reportView,
  reviewAssessmentReport, saveYearEnd, startYearEnd, submitAssessmentReport, yearEndView,
} from '../../../shared/services/assessment';
import { authorize, loadOrgTree, permits } from '../../../shared/services/authorization';
import { InputInvalidError, RecordNotFoundError } from '../../../shared/errors';
import { assessmentPaths } from '../../../shared/ui/assessment-paths';
import { emptyForm } from '../../../shared/ui/form-fields';
import { html } from '../../../shared/ui/html';
import { layout } from '../../../shared/ui/layout';
import { assessmentBoardPage } from '../../../shared/ui/pages/assessment-board';
import { assessmentFilePage } from '../../../shared/ui/pages/assessment-file';
import { assessmentReportPage } from '../../../shared/ui/pages/assessment-report';
import { assessmentSchemePage } from '../../../shared/ui/pages/assessment-scheme';
import { assessmentYearEndPage } from '../../../shared/ui/pages/assessment-year-end';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteBodyOptions } from '../edge/body-parser';
import type { RouteTable } from '../edge/router';
import type { SiteRequest } from '../edge/types';
import { formFields, handleForm, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';
import { boardWorkbook } from './assessment-export';

const yearOf = (request: SiteRequest) => {
  const year = Number(request.params.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RecordNotFoundError('该年度的考核');
  return year;
};
const reportRequest = (request: SiteRequest) => ({ committeeId: request.params.committeeId, periodKey: request.params.periodKey, orgId: request.params.orgId });

const SCHEME_IMPORT = 'POST /staff/assessment/schemes/{committeeId}/{year}/versions/{version}/import';
const SCHEME_FILE_BYTES = 1024 * 1024;
/** The scheme's XLSX upload is multipart, at most 1 MB (24 indicators take some 10 KB). */
export const ASSESSMENT_BODY_ROUTES: Record<string, RouteBodyOptions> = {
  [SCHEME_IMPORT]: { limitBytes: SCHEME_FILE_BYTES + 64 * 1024, multipart: { fileBytes: SCHEME_FILE_BYTES }, tooLargeMessage: '文件过大，最大 1 MB。请上传从本页导出的考核方案表格。' },
};

/** 党建工作目标考核: the committee's board, an organization's file, a report with its forms, the scheme editor. */
export function assessmentRoutes(deps: StaffSiteDeps): RouteTable {
  const committeeOf = async (committeeId: string) => {
    const org = (await loadOrgTree(deps.store)).get(committeeId);
    if (!org) throw new RecordNotFoundError('该考核单位');
    return { id: org.id, name: org.name };
  };
  const schemePage = async (request: SiteRequest, status: number, state: Parameters<typeof assessmentSchemePage>[4] = {}) => {
    const session = sessionOf(request);
    const year = yearOf(request);
    const versions = await getSchemeVersions(deps, session.actor, request.params.committeeId, year);
    authorize(session.actor, 'assessment.scheme', request.params.committeeId, await loadOrgTree(deps.store));
    return htmlResponse(status, assessmentSchemePage(await committeeOf(request.params.committeeId), year, versions, staffLayout(session), state));
  };
  const reportPage = async (request: SiteRequest, status: number, form = emptyForm(), options: { message?: string; flash?: string } = {}) => {
    const session = sessionOf(request);
    const view = await reportView(deps, session.actor, reportRequest(request));
    return htmlResponse(status, assessmentReportPage(view, staffLayout(session), form, options));
  };

  const yearEndPage = async (request: SiteRequest, status: number, form = emptyForm(), options: { message?: string; flash?: string } = {}) => {
    const session = sessionOf(request);
    const view = await yearEndView(deps, session.actor, request.params.committeeId, yearOf(request));
    return htmlResponse(status, assessmentYearEndPage(view, staffLayout(session), form, options));
  };

  return {
    'GET /staff/assessment': async (request) => {
      const session = sessionOf(request);
      const home = await assessmentHome(deps, session.actor);
      if (home.committees.length === 0) return redirect(assessmentPaths.file(session.actor.orgId));
      if (home.committees.length === 1) return redirect(assessmentPaths.board(home.committees[0].id, home.year));
      const body = html`<h1>党建工作目标考核</h1><ul>${home.committees.map((c) => html`<li><a href="${assessmentPaths.board(c.id, home.year)}">${c.name}</a></li>`)}</ul>`;
      return htmlResponse(200, layout({ title: '党建工作目标考核', body, staff: staffLayout(session) }));
    },

    'GET /staff/assessment/boards/{committeeId}/{year}': async (request) => {
      const session = sessionOf(request);
      const board = await assessmentBoard(deps, session.actor, request.params.committeeId, yearOf(request));
      if (request.site.json) return jsonResponse(200, board);
      const canEditScheme = permits(session.actor, 'assessment.scheme', board.committee.id, await loadOrgTree(deps.store));
      return htmlResponse(200, assessmentBoardPage(board, staffLayout(session), { sort: request.query.sort ?? 'name', canEditScheme }));
    },

    'GET /staff/assessment/boards/{committeeId}/{year}/export.xlsx': async (request) => {
      const session = sessionOf(request);
      const board = await assessmentBoard(deps, session.actor, request.params.committeeId, yearOf(request));
      const body = await boardWorkbook(board);
      return {
        statusCode: 200,
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="assessment-${board.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${board.committee.name}${board.year}年党建考核.xlsx`)}`,
          'cache-control': 'no-store',
        },
        body: body.toString('base64'),
        isBase64Encoded: true,
      };
    },

    'GET /staff/assessment/orgs/{orgId}': async (request) => {
      const session = sessionOf(request);
      const file = await assessmentFile(deps, session.actor, request.params.orgId);
      if (request.site.json) return jsonResponse(200, file);
      return htmlResponse(200, assessmentFilePage(file.org, file.reports, staffLayout(session)));
    },

    'GET /staff/assessment/reports/{committeeId}/{periodKey}/{orgId}': async (request) => {
      if (request.site.json) return jsonResponse(200, await reportView(deps, sessionOf(request).actor, reportRequest(request)));
      const flash = request.query.done === 'submitted' ? '报告已报送，等待审核。' : request.query.done === 'scored' ? '已评分。' : request.query.done === 'returned' ? '已退回修改。' : request.query.done === 'adjusted' ? '加减分已录入。' : undefined;
      return reportPage(request, 200, emptyForm(), { flash });
    },

    'POST /staff/assessment/reports/{committeeId}/{periodKey}/{orgId}/submit': async (request) => {
      const session = sessionOf(request);
      const form = formFields(request);
      return handleForm(
        request,
        async () => {
          const report = await submitAssessmentReport(deps, session.actor, reportRequest(request), form);
          return request.site.json ? jsonResponse(200, report) : redirect(`${assessmentPaths.report(report.committeeId, report.periodKey, report.orgId)}?done=submitted`);
        },
        async (error: InputInvalidError) => reportPage(request, 422, { values: form, errors: error.fieldErrors }, { message: error.userMessage }),
      );
    },

    'POST /staff/assessment/reports/{committeeId}/{periodKey}/{orgId}/review': async (request) => {
      const session = sessionOf(request);
      const form = formFields(request);
      return handleForm(
        request,
        async () => {
          const report = await reviewAssessmentReport(deps, session.actor, reportRequest(request), form);
          return request.site.json ? jsonResponse(200, report) : redirect(`${assessmentPaths.report(report.committeeId, report.periodKey, report.orgId)}?done=${report.status}`);
        },
        async (error: InputInvalidError) => reportPage(request, 422, { values: form, errors: error.fieldErrors }, { message: error.userMessage }),
      );
    },

    'POST /staff/assessment/reports/{committeeId}/{periodKey}/{orgId}/adjustments': async (request) => {
      const session = sessionOf(request);
      const form = formFields(request);
      return handleForm(
        request,
        async () => {
          const adjustments = await addAdjustment(deps, session.actor, reportRequest(request), form);
          return request.site.json ? jsonResponse(200, adjustments) : redirect(`${assessmentPaths.report(request.params.committeeId, request.params.periodKey, request.params.orgId)}?done=adjusted#adjustments`);
        },
        async (error: InputInvalidError) => reportPage(request, 422, { values: form, errors: error.fieldErrors }, { message: error.userMessage }),
      );
    },

    'GET /staff/assessment/year-end/{committeeId}/{year}': async (request) => {
      if (request.site.json) return jsonResponse(200, await yearEndView(deps, sessionOf(request).actor, request.params.committeeId, yearOf(request)));
      const flash = request.query.done === 'started' ? '年终考核已开始，请评定述职评议得分。' : request.query.done === 'saved' ? '述职评议得分已保存。' : request.query.done === 'submitted' ? '已提交审批，审批人将收到邮件。' : undefined;
      return yearEndPage(request, 200, emptyForm(), { flash });
    },

    'POST /staff/assessment/year-end/{committeeId}/{year}/start': async (request) => {
      const session = sessionOf(request);
      return handleForm(
        request,
        async () => {
          const yearEnd = await startYearEnd(deps, session.actor, request.params.committeeId, yearOf(request));
          return request.site.json ? jsonResponse(200, yearEnd) : redirect(`${assessmentPaths.yearEnd(yearEnd.committeeId, yearEnd.year)}?done=started`);
        },
        async (error: InputInvalidError) => yearEndPage(request, 422, emptyForm(), { message: Object.values(error.fieldErrors).join(' ') || error.userMessage }),
      );
    },

    'POST /staff/assessment/year-end/{committeeId}/{year}': async (request) => {
      const session = sessionOf(request);
      const form = formFields(request);
      return handleForm(
        request,
        async () => {
          const submit = form.decision === 'submit';
          const yearEnd = await saveYearEnd(deps, session.actor, request.params.committeeId, yearOf(request), form, submit);
          return request.site.json ? jsonResponse(200, yearEnd) : redirect(`${assessmentPaths.yearEnd(yearEnd.committeeId, yearEnd.year)}?done=${submit ? 'submitted' : 'saved'}`);
        },
        async (error: InputInvalidError) => yearEndPage(request, 422, { values: form, errors: error.fieldErrors }, { message: error.userMessage }),
      );
    },

    'GET /staff/assessment/schemes/{committeeId}/{year}': async (request) => {
      if (request.site.json) return jsonResponse(200, await getSchemeVersions(deps, sessionOf(request).actor, request.params.committeeId, yearOf(request)));
      const flash = request.query.published ? `第 ${request.query.published} 版已发布。` : request.query.saved ? '指标已保存。' : request.query.imported ? `已导入 ${Number(request.query.imported)} 项指标，请核对后发布。` : undefined;
      return schemePage(request, 200, { flash });
    },

    'POST /staff/assessment/schemes/{committeeId}/{year}/drafts': async (request) => {
      const session = sessionOf(request);
      const draft = await createSchemeDraft(deps, session.actor, request.params.committeeId, yearOf(request));
      return request.site.json ? jsonResponse(200, draft) : redirect(assessmentPaths.scheme(draft.committeeId, draft.year));
    },

    'POST /staff/assessment/schemes/{committeeId}/{year}/versions/{version}/indicators/{key}': async (request) => {
      const session = sessionOf(request);
      const form = formFields(request);
      const { committeeId, key } = request.params;
      return handleForm(
        request,
        async () => {
          const scheme = await editSchemeIndicator(deps, session.actor, committeeId, yearOf(request), Number(request.params.version), key, { maxPoints: form.maxPoints ?? '', requirement: form.requirement ?? '' });
          return request.site.json ? jsonResponse(200, scheme) : redirect(`${assessmentPaths.scheme(committeeId, scheme.year)}?saved=${encodeURIComponent(key)}#indicator-${encodeURIComponent(key)}`);
        },
        async (error: InputInvalidError) => schemePage(request, 422, { failed: { key, values: form, errors: error.fieldErrors }, message: Object.values(error.fieldErrors).join(' ') || error.userMessage }),
      );
    },

    'GET /staff/assessment/schemes/{committeeId}/{year}/versions/{version}/export.xlsx': async (request) => {
      const { committeeId, version } = request.params;
      const year = yearOf(request);
      const body = await exportSchemeWorkbook(deps, sessionOf(request).actor, committeeId, year, Number(version));
      return {
        statusCode: 200,
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="scheme-${year}-v${Number(version)}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${year}年考核方案第${Number(version)}版.xlsx`)}`,
          'cache-control': 'no-store',
        },
        body: body.toString('base64'),
        isBase64Encoded: true,
      };
    },

    [SCHEME_IMPORT]: async (request) => {
      const session = sessionOf(request);
      const file = request.site.files?.find((f) => f.fieldName === 'file');
      return handleForm(
        request,
        async () => {
          if (!file || file.bytes.length === 0) throw new InputInvalidError({ file: '请选择要导入的考核方案表格（.xlsx）。' });
          const scheme = await importSchemeWorkbook(deps, session.actor, request.params.committeeId, yearOf(request), Number(request.params.version), file.bytes);
          return request.site.json ? jsonResponse(200, scheme) : redirect(`${assessmentPaths.scheme(scheme.committeeId, scheme.year)}?imported=${scheme.indicators.length}`);
        },
        async (error: InputInvalidError) => schemePage(request, 422, { message: Object.values(error.fieldErrors).join(' ') || error.userMessage }),
      );
    },

    'POST /staff/assessment/schemes/{committeeId}/{year}/versions/{version}/publish': async (request) => {
      const session = sessionOf(request);
      const form = formFields(request);
      return handleForm(
        request,
        async () => {
          if (form.confirm !== 'yes') throw new InputInvalidError({ confirm: '发布后不能修改，请勾选确认后再发布。' });
          const scheme = await publishScheme(deps, session.actor, request.params.committeeId, yearOf(request), Number(request.params.version));
          return request.site.json ? jsonResponse(200, scheme) : redirect(`${assessmentPaths.scheme(scheme.committeeId, scheme.year)}?published=${scheme.version}`);
        },
        async (error: InputInvalidError) => schemePage(request, 422, { message: Object.values(error.fieldErrors).join(' ') || error.userMessage }),
      );
    },
  };
}
