import { getTaskView, recordObjectionOutcomes } from '../../../shared/services/notice';
import { pendingTasksPage } from '../../../shared/services/tasks/pending-tasks';
import { termOverview, termWarnings } from '../../../shared/services/registry/term-overview';
import { recentUndeliveredCount, UNDELIVERED_ALERT_DAYS } from '../../../shared/services/mail/mail-log';
import { undeliveredMailAlert } from '../../../shared/ui/pages/mail-log';
import { staffHomePage } from '../../../shared/ui/pages/staff-home';
import { transferWarningList } from '../../../shared/ui/pages/transfer-list';
import { transferWarningsInScope } from '../../../shared/services/transfer';
import { html } from '../../../shared/ui/html';
import { taskFormPage } from '../../../shared/ui/pages/task-form';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import { formFields, handleForm, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

/** The staff home (待办) and the objection-handling step. */
export function taskRoutes(deps: StaffSiteDeps): RouteTable {
  return {
    'GET /staff': async (request) => {
      const session = sessionOf(request);
      const { tasks, next } = await pendingTasksPage(deps, session.actor, request.query.cursor);
      const warnings = termWarnings(await termOverview(deps, session.actor));
      const undeliveredMails = await recentUndeliveredCount(deps, session.actor);
      const transfers = await transferWarningsInScope(deps, session.actor);
      if (request.site.json) return jsonResponse(200, { tasks, ...(next ? { next } : {}), termWarnings: warnings, undeliveredMails, transferWarnings: transfers });
      const alerts = html`${undeliveredMailAlert(undeliveredMails, UNDELIVERED_ALERT_DAYS)}${transferWarningList(transfers)}`;
      return htmlResponse(200, staffHomePage(tasks, staffLayout(session), deps.clock.now(), undefined, warnings, alerts, { next, paged: request.query.cursor !== undefined }));
    },

    'GET /staff/tasks/{taskId}': async (request) => {
      const session = sessionOf(request);
      const view = await getTaskView(deps, session.actor, request.params.taskId);
      if (request.site.json) return jsonResponse(200, view);
      if (view.task.status !== 'open') return redirect(`/staff/notices/${encodeURIComponent(view.notice.id)}?handled=1`);
      return htmlResponse(200, taskFormPage({ ...view, staff: staffLayout(session), now: deps.clock.now() }));
    },

    'POST /staff/tasks/{taskId}': async (request) => {
      const session = sessionOf(request);
      const { taskId } = request.params;
      const form = formFields(request);
      return handleForm(
        request,
        async () => {
          const outcome = await recordObjectionOutcomes(deps, session.actor, taskId, form);
          if (request.site.json) return jsonResponse(200, outcome);
          const { notice } = await getTaskView(deps, session.actor, taskId);
          const query = new URLSearchParams({ outcome: outcome.result, ...(outcome.reviewDate ? { reviewDate: outcome.reviewDate } : {}) });
          return redirect(`/staff/notices/${encodeURIComponent(notice.id)}?${query}`);
        },
        async (error) => {
          const view = await getTaskView(deps, session.actor, taskId);
          const page = taskFormPage({ ...view, staff: staffLayout(session), now: deps.clock.now(), form: { values: form, errors: error.fieldErrors }, message: error.userMessage });
          return htmlResponse(422, page);
        },
      );
    },
  };
}
