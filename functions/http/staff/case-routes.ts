import { chinaDate } from '../../../shared/domain/calendar';
import type { DevelopmentTaskKey } from '../../../shared/domain/development/steps';
import { caseEndingFields } from '../../../shared/schemas/case-ending-form';
import { hasForm, stepFormFields } from '../../../shared/schemas/development-steps';
import { parseForm } from '../../../shared/schemas/parse-form';
import { caseEndingView, endCase, getCaseFile, startStage, submitStepForm } from '../../../shared/services/development';
import { stepFormView } from '../../../shared/services/development-views/step-form';
import { developmentPaths } from '../../../shared/ui/development/paths';
import { joinPeopleRows } from '../../../shared/ui/development/step-fields';
import { developmentArchivePrintPage } from '../../../shared/ui/pages/development-archive-print';
import { caseEndConfirmPage, caseEndFormPage } from '../../../shared/ui/pages/development-case-end';
import { developmentCaseFilePage } from '../../../shared/ui/pages/development-case-file';
import { developmentStepFormPage } from '../../../shared/ui/pages/development-step-form';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import type { SiteRequest } from '../edge/types';
import { handleDevelopmentForm } from './development-form';
import { formFields, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

const FLASH: Record<string, string> = { opened: '案件已建立，第一阶段已开始。', step: '已登记。', stage: '新的阶段已开始。', ended: '案件已终止，终止原因已记入全程纪实。' };

/** A case: its file (全程纪实), the printable archive, starting the next stage, and the generic step form. */
export function caseRoutes(deps: StaffSiteDeps): RouteTable {
  const today = () => chinaDate(deps.clock.now());
  const filePage = async (request: SiteRequest, status: number, extra: { flash?: string; stageMessage?: string } = {}) => {
    const session = sessionOf(request);
    const file = await getCaseFile(deps, session.actor, request.params.caseId);
    if (request.site.json) return jsonResponse(status, file);
    return htmlResponse(status, developmentCaseFilePage({ file, staff: staffLayout(session), now: deps.clock.now(), today: today(), ...extra }));
  };

  return {
    'GET /staff/cases/{caseId}': (request) => filePage(request, 200, { flash: FLASH[request.query.done ?? ''] }),

    'GET /staff/cases/{caseId}/archive': async (request) => {
      const file = await getCaseFile(deps, sessionOf(request).actor, request.params.caseId);
      return htmlResponse(200, developmentArchivePrintPage(file, file.orgName, today()));
    },

    'POST /staff/cases/{caseId}/stages': async (request) => {
      const session = sessionOf(request);
      return handleDevelopmentForm(
        request,
        async () => {
          const started = await startStage(deps, session.actor, request.params.caseId, request.site.form.stage ?? '');
          return request.site.json ? jsonResponse(200, started) : redirect(`${developmentPaths.caseFile(started.id)}?done=stage`);
        },
        async (failure) => filePage(request, failure.status, { stageMessage: failure.problems?.join('；') ?? Object.values(failure.fieldErrors)[0] ?? failure.message }),
      );
    },

    'GET /staff/cases/{caseId}/end': async (request) => {
      const session = sessionOf(request);
      const view = await caseEndingView(deps, session.actor, request.params.caseId);
      if (request.site.json) return jsonResponse(200, view);
      return htmlResponse(view.problems.length ? 409 : 200, caseEndFormPage({ devCase: view.devCase, staff: staffLayout(session), form: { values: {}, errors: {} }, problems: view.problems }));
    },

    // Ending a case (终止发展) takes two POSTs: the answers, shown back with what ending does; then the confirmation.
    'POST /staff/cases/{caseId}/end': async (request) => {
      const session = sessionOf(request);
      const { caseId } = request.params;
      const form = formFields(request);
      const view = await caseEndingView(deps, session.actor, caseId);
      return handleDevelopmentForm(
        request,
        async () => {
          if (form.confirmed !== 'yes' && !request.site.json) {
            const { kind, reason } = parseForm(caseEndingFields, form);
            return htmlResponse(200, caseEndConfirmPage({ devCase: view.devCase, staff: staffLayout(session), kind, reason }));
          }
          const ended = await endCase(deps, session.actor, caseId, form);
          return request.site.json ? jsonResponse(200, ended) : redirect(`${developmentPaths.caseFile(caseId)}?done=ended`);
        },
        async (failure) => htmlResponse(failure.status, caseEndFormPage({
          devCase: view.devCase, staff: staffLayout(session), form: { values: form, errors: failure.fieldErrors }, message: failure.message, problems: failure.problems ?? view.problems,
        })),
      );
    },

    'GET /staff/cases/{caseId}/steps/{stepKey}': async (request) => {
      const session = sessionOf(request);
      const view = await stepFormView(deps, session.actor, request.params.caseId, request.params.stepKey);
      if (request.site.json) return jsonResponse(200, view);
      const values: Record<string, string> = view.shouldAttend !== undefined ? { shouldAttend: String(view.shouldAttend) } : {};
      return htmlResponse(200, developmentStepFormPage({ view, staff: staffLayout(session), form: { values, errors: {} } }));
    },

    'POST /staff/cases/{caseId}/steps/{stepKey}': async (request) => {
      const session = sessionOf(request);
      const { caseId, stepKey } = request.params;
      // The people pickers' rows joined by the step's own field list (an unknown step: refused by submitStepForm).
      const fields = hasForm(stepKey as DevelopmentTaskKey) ? stepFormFields(stepKey as Parameters<typeof stepFormFields>[0]) : [];
      const form = joinPeopleRows(formFields(request), fields);
      return handleDevelopmentForm(
        request,
        async () => {
          const record = await submitStepForm(deps, session.actor, caseId, stepKey, form);
          return request.site.json ? jsonResponse(201, record) : redirect(`${developmentPaths.caseFile(caseId)}?done=step`);
        },
        async (failure) => {
          const again = await stepFormView(deps, session.actor, caseId, stepKey, form);
          const page = developmentStepFormPage({ view: again, staff: staffLayout(session), form: { values: formFields(request), errors: failure.fieldErrors }, message: failure.message, problems: failure.problems });
          return htmlResponse(failure.status, page);
        },
      );
    },
  };
}
