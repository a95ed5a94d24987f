import { ELECTION_STEPS, type ElectionStepKey } from '../../../shared/domain/election/election';
import { getElectionFile, submitElectionStep } from '../../../shared/services/election';
import { RecordNotFoundError } from '../../../shared/errors';
import { ELECTION_STEP_FIELDS, isFormStep, officersMeetingFields } from '../../../shared/schemas/election-steps';
import type { Election } from '../../../shared/domain/election/election';
import { announcementPeriod, proposedAnnouncement } from '../../../shared/domain/election/announcement';
import { electionStepFormPage } from '../../../shared/ui/pages/election-step-form';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import type { SiteRequest } from '../edge/types';
import { formFields, handleForm, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

const filePath = (electionId: string, done?: string) => `/staff/elections/${encodeURIComponent(electionId)}${done ? `?done=${done}` : ''}`;

function fieldsOf(election: Election, stepKey: string) {
  if (!isFormStep(stepKey)) throw new RecordNotFoundError('该步骤');
  return stepKey === 'officers-meeting' ? officersMeetingFields(election.elected) : ELECTION_STEP_FIELDS[stepKey];
}

/** What a step's form first shows: the announcement proposed from the election and its rules; others empty. */
function firstValues(election: Election, stepKey: string): Record<string, string> {
  if (stepKey !== 'announcement') return {};
  const period = announcementPeriod(election);
  return { ...proposedAnnouncement(election), periodUnit: period.unit, periodCount: String(period.count) };
}

/** An election's form steps, rendered from their field lists; a step not waiting goes back to the file. */
export function electionStepRoutes(deps: StaffSiteDeps): RouteTable {
  const page = async (request: SiteRequest, values?: Record<string, string>, errors: Record<string, string> = {}, message?: string) => {
    const session = sessionOf(request);
    const { election, openTask } = await getElectionFile(deps, session.actor, request.params.electionId);
    const stepKey = request.params.stepKey as ElectionStepKey;
    const fields = fieldsOf(election, stepKey);
    return { election, waiting: openTask !== undefined && election.currentStep === stepKey, html: electionStepFormPage({ election, stepKey, fields, form: { values: values ?? firstValues(election, stepKey), errors }, staff: staffLayout(session), message }) };
  };

  return {
    'GET /staff/elections/{electionId}/steps/{stepKey}': async (request) => {
      const { election, waiting, html } = await page(request);
      if (!waiting) return redirect(filePath(election.id));
      if (request.site.json) return jsonResponse(200, { election, step: ELECTION_STEPS[request.params.stepKey as ElectionStepKey] });
      return htmlResponse(200, html);
    },

    'POST /staff/elections/{electionId}/steps/{stepKey}': async (request) => {
      const session = sessionOf(request);
      const { electionId, stepKey } = request.params;
      const form = formFields(request);
      return handleForm(
        request,
        async () => {
          const outcome = await submitElectionStep(deps, session.actor, electionId, stepKey, form);
          return request.site.json ? jsonResponse(200, { outcome }) : redirect(filePath(electionId, 'step'));
        },
        async (error) => htmlResponse(422, (await page(request, form, error.fieldErrors, error.userMessage)).html),
      );
    },
  };
}
