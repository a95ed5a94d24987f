import { createElection, getElectionFile, pageElections, requestElectionEnd } from '../../../shared/services/election';
import { termOverview, termWarnings } from '../../../shared/services/registry/term-overview';
import { getTermReminderRules } from '../../../shared/services/settings/term-reminder-settings';
import { createElectionFields } from '../../../shared/schemas/election-steps';
import { createElectionPage, electionList } from '../../../shared/ui/pages/election-list';
import type { FormState } from '../../../shared/ui/form-fields';
import { electionFilePage } from '../../../shared/ui/pages/election-file';
import { electionsOverviewPage } from '../../../shared/ui/pages/elections-overview';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import type { SiteRequest } from '../edge/types';
import { formFields, handleForm, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

const FLASH: Record<string, string> = { created: '换届选举已发起，请示已报上级党组织审批。', step: '已提交。', round: '计票结果已记录。', end: '终止选举的请示已报上级党组织审批。' };

/** 换届选举: the terms and elections overview, creating an election, and its file. */
export function electionRoutes(deps: StaffSiteDeps): RouteTable {
  const orgChoices = async (request: SiteRequest) => (await termOverview(deps, sessionOf(request).actor)).map((row) => row.org);
  const createPage = async (request: SiteRequest, values: Record<string, string>, errors: Record<string, string> = {}, message?: string) =>
    createElectionPage({ orgs: await orgChoices(request), fields: createElectionFields, form: { values, errors }, staff: staffLayout(sessionOf(request)), message });

  const filePage = async (request: SiteRequest, status: number, endForm?: FormState & { message?: string }) => {
    const session = sessionOf(request);
    const file = await getElectionFile(deps, session.actor, request.params.electionId);
    if (request.site.json) return jsonResponse(status, file);
    const page = electionFilePage({ file, notices: file.notices, staff: staffLayout(session), now: deps.clock.now(), flash: FLASH[request.query.done ?? ''], endForm });
    return htmlResponse(status, page);
  };

  return {
    'GET /staff/elections': async (request) => {
      const session = sessionOf(request);
      const reminders = await getTermReminderRules(deps);
      const terms = await termOverview(deps, session.actor, { rules: reminders });
      const cursor = request.query.cursor || undefined;
      const { elections, next } = await pageElections(deps, session.actor, terms.map((row) => row.org.id), cursor);
      if (request.site.json) return jsonResponse(200, { terms, warnings: termWarnings(terms), elections, ...(next ? { next } : {}) });
      const list = electionList(elections, terms.length > 0, { next, firstPage: !cursor });
      return htmlResponse(200, electionsOverviewPage({ terms, staff: staffLayout(session), elections: list, reminders }));
    },

    'GET /staff/elections/new': async (request) =>
      htmlResponse(200, await createPage(request, { orgId: request.query.orgId ?? '', form: 'gongtui', deputies: '1', rulesVersion: '2020' })),

    'POST /staff/elections': async (request) => {
      const session = sessionOf(request);
      const form = formFields(request);
      return handleForm(
        request,
        async () => {
          const election = await createElection(deps, session.actor, { ...form, orgId: form.orgId ?? '' });
          if (request.site.json) return jsonResponse(201, { election });
          return redirect(`/staff/elections/${encodeURIComponent(election.id)}?done=created`);
        },
        async (error) => htmlResponse(422, await createPage(request, form, error.fieldErrors, error.userMessage)),
      );
    },

    'GET /staff/elections/{electionId}': (request) => filePage(request, 200),

    'POST /staff/elections/{electionId}/end': async (request) => {
      const form = formFields(request);
      return handleForm(
        request,
        async () => {
          const election = await requestElectionEnd(deps, sessionOf(request).actor, request.params.electionId, form);
          if (request.site.json) return jsonResponse(200, { election });
          return redirect(`/staff/elections/${encodeURIComponent(election.id)}?done=end`);
        },
        async (error) => filePage(request, 422, { values: form, errors: error.fieldErrors, message: error.userMessage }),
      );
    },
  };
}
