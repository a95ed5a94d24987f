import type { Election } from '../../../shared/domain/election/election';
import type { OfficerContest } from '../../../shared/domain/election/officer-candidates';
import { getElectionFile, recordRound, setOfficerCandidates } from '../../../shared/services/election';
import { InputInvalidError } from '../../../shared/errors';
import { ballotFromForm, formCandidates, parseCarriedBallots, parseRoundForm, type FormBallot, type RoundEntryMode } from '../../../shared/schemas/round-entry-form';
import { ballotPaperPage, parseCopies, type BallotPaper } from '../../../shared/ui/pages/ballot-paper';
import { candidatesFromForm, officerCandidatesPage } from '../../../shared/ui/pages/officer-candidates';
import { roundEntryPage } from '../../../shared/ui/pages/round-entry';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import type { SiteRequest } from '../edge/types';
import { formFields, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

const ROUND_STEPS = new Set(['election-round', 'officers-round']);

function paperOf(election: Election): BallotPaper & FormBallot {
  const ballot = election.ballot ?? { contest: 'committee' as const, seats: election.seats, candidates: election.candidates };
  return { electionId: election.id, orgName: election.orgName, ...ballot, candidatesOnForm: ballot.contest !== 'committee' };
}

const modeOf = (request: SiteRequest): RoundEntryMode => (request.query.mode === 'ballots' ? 'ballots' : 'summary');

/** Ballot papers to print, and the entry of a voting round (summary counts, or one ballot at a time) reconciled before it is recorded. */
export function electionRoundRoutes(deps: StaffSiteDeps): RouteTable {
  const open = async (request: SiteRequest) => {
    const { election } = await getElectionFile(deps, sessionOf(request).actor, request.params.electionId);
    const waiting = election.status === 'running' && election.currentStep !== undefined && ROUND_STEPS.has(election.currentStep);
    return { election, waiting, paper: paperOf(election) };
  };
  const render = (request: SiteRequest, election: Election, values: Record<string, string>, ballots: (string[] | 'spoiled')[], error?: InputInvalidError) => {
    const paper = paperOf(election);
    const shown = { ...paper, candidates: formCandidates(values, paper) };
    const roundNo = Number(values.roundNo) || election.roundCount + 1;
    const page = roundEntryPage({ paper: shown, candidatesOnForm: paper.candidatesOnForm, mode: modeOf(request), roundNo, ballots, form: { values, errors: error?.fieldErrors ?? {} }, staff: staffLayout(sessionOf(request)), message: error?.userMessage });
    return htmlResponse(error ? 422 : 200, page);
  };

  const candidatesPage = (request: SiteRequest, election: Election, contest: OfficerContest, values: Record<string, string>, error?: InputInvalidError) =>
    htmlResponse(error ? 422 : 200, officerCandidatesPage({ election, contest, form: { values, errors: error?.fieldErrors ?? {} }, staff: staffLayout(sessionOf(request)), message: error?.userMessage }));

  return {
    'GET /staff/elections/{electionId}/ballot': async (request) => {
      const { election, paper } = await open(request);
      const copies = parseCopies(request.query.copies);
      if (copies === undefined) throw new InputInvalidError({ copies: '份数须为 1 至 500 的整数。' });
      // The secretary's or deputy's ballot is never printed empty: its candidates are entered first.
      if (paper.contest !== 'committee' && (paper.candidates.length === 0 || request.query.change === 'candidates')) {
        const values = Object.fromEntries(paper.candidates.map((name) => [`candidate.${name}`, 'on']));
        return candidatesPage(request, election, paper.contest, values);
      }
      return htmlResponse(200, ballotPaperPage(paper, copies));
    },

    'POST /staff/elections/{electionId}/ballot/candidates': async (request) => {
      const { election } = await open(request);
      const values = formFields(request);
      const contest = values.contest === 'deputy' ? 'deputy' : 'secretary';
      try {
        const next = await setOfficerCandidates(deps, sessionOf(request).actor, election.id, { contest: values.contest || undefined, candidates: candidatesFromForm(values) });
        if (request.site.json) return jsonResponse(200, { ballot: next.ballot });
        return redirect(`/staff/elections/${encodeURIComponent(election.id)}/ballot`);
      } catch (error) {
        if (!(error instanceof InputInvalidError) || request.site.json) throw error;
        return candidatesPage(request, election, contest, values, error);
      }
    },

    'GET /staff/elections/{electionId}/round': async (request) => {
      const { election, waiting, paper } = await open(request);
      if (!waiting) return redirect(`/staff/elections/${encodeURIComponent(election.id)}`);
      return render(request, election, { candidates: paper.candidates.join('\n') }, []);
    },

    'POST /staff/elections/{electionId}/round': async (request) => {
      const session = sessionOf(request);
      const { election, paper } = await open(request);
      const { action, ballots: carried, ...values } = formFields(request);
      const mode = modeOf(request);
      try {
        if (mode === 'ballots' && (action === 'add' || action === 'undo')) {
          const ballots = parseCarriedBallots(carried);
          if (action === 'add') ballots.push(ballotFromForm(values, formCandidates(values, paper), paper.seats));
          else ballots.pop();
          return render(request, election, values, ballots);
        }
        const submission = parseRoundForm({ ...values, ballots: carried ?? '' }, mode, paper);
        const round = await recordRound(deps, session.actor, election.id, { ...submission, roundNo: values.roundNo });
        if (request.site.json) return jsonResponse(200, { round });
        return redirect(`/staff/elections/${encodeURIComponent(election.id)}?done=round#round-${round.no}`);
      } catch (error) {
        if (!(error instanceof InputInvalidError) || request.site.json) throw error;
        return render(request, election, values, mode === 'ballots' ? safeBallots(carried) : [], error);
      }
    },
  };
}

function safeBallots(raw: string | undefined): (string[] | 'spoiled')[] {
  try {
    return parseCarriedBallots(raw);
  } catch {
    return [];
  }
}
