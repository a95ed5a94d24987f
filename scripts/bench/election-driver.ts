import type { ManualClock } from '../../infra/local/clock';
import type { LocalRuntime } from '../../infra/local/runtime';
import { chinaDate } from '../../shared/domain/calendar';
import { decideByLink, viewApprovalLink } from '../../shared/services/approval';
import { candidateNoticeId, createElection, getElectionFile, recordRound, submitElectionStep } from '../../shared/services/election';
import { getElection } from '../../shared/store/elections-repo';
import { getNotice } from '../../shared/store/notices-repo';
import type { MemoryMailer } from './drafts';
import { announcementForm, approvalLinkIn, recommendationForm, summaryRound } from './election-forms';
import { BRANCH_MEMBERS, ELECTION_APPROVER_EMAIL, type ElectionBranch, type ElectionWorld } from './election-world';
import { mapLimit } from './stats';

const client = { ip: '203.0.113.7', userAgent: 'bench' };
const VOTERS = BRANCH_MEMBERS.length;
const [ZHANG, WANG, LI, LIU] = BRANCH_MEMBERS;

/** The dates of the path, each at 10:00 China time; `meeting` is the planned general meeting (all four rounds). */
const DAYS = {
  request: '2026-09-01', requestDecision: '2026-09-03', announcement: '2026-09-04', mobilization: '2026-09-08', evaluation: '2026-09-11',
  recommendation: '2026-09-15', listDecision: '2026-09-17', meeting: '2026-09-28', resultsDecision: '2026-09-30',
} as const;
export const ELECTION_START = `${DAYS.request}T02:00:00.000Z`;

/** Approval titles by kind, as prepareElectionApproval writes them for a branch. */
const TITLES = {
  request: (org: string) => `关于${org}召开党员大会进行换届选举的请示`,
  candidateList: (org: string) => `${org}新一届委员会委员候选人预备人选`,
  results: (org: string) => `${org}换届选举结果`,
};

/**
 * Takes the election of every branch of the world (公推直选, 3 seats, 1 deputy) from the written request to the
 * approved results through the services the pages call, on a hand-moved clock: all elections take each step
 * (`clients` requests in flight), then time jumps to the next date. The request, the candidate list and the results
 * are approved from the mailed links; 4 candidates are recommended, the list's notice runs out, round 1 ties at the last
 * seat (re-vote), then the meeting elects the secretary and the deputy. Counts the HTTP requests staff and the
 * approver would have sent.
 */
export class ElectionsDriver {
  electionIds: string[] = [];
  httpRequests = 0;

  constructor(
    private readonly runtime: LocalRuntime,
    private readonly clock: ManualClock,
    private readonly mailer: MemoryMailer,
    private readonly world: ElectionWorld,
    private readonly clients: number,
  ) {}

  private today = () => chinaDate(this.clock.now());

  /** One request per election, `clients` at a time, then the workflows run until they wait again. */
  private async each<R>(fn: (branch: ElectionBranch, electionId: string) => Promise<R>): Promise<R[]> {
    const results = await mapLimit(this.world.branches, this.clients, async (branch, index) => {
      this.httpRequests += 1;
      return fn(branch, this.electionIds[index]);
    });
    await this.runtime.stepFunctions.settled();
    return results;
  }

  private async on(day: string) {
    this.clock.set(new Date(`${day}T02:00:00.000Z`));
    await this.runtime.stepFunctions.settled();
  }

  private submit(stepKey: string, form: (branch: ElectionBranch) => Record<string, unknown>) {
    return this.each((branch, electionId) => submitElectionStep(this.runtime.deps, branch.staff, electionId, stepKey, form(branch)));
  }

  /** The counters' summary of a round: all 15 members present, 15 ballots issued and returned. */
  private round(votes: Record<string, number>, candidates?: string[]) {
    return this.each(async (branch, electionId) => {
      const { roundCount } = (await getElection(this.runtime.deps.store, electionId))!;
      await recordRound(this.runtime.deps, branch.staff, electionId, summaryRound(VOTERS, roundCount + 1, votes, { meetingDate: this.today(), ...(candidates ? { candidates } : {}) }));
    });
  }

  /** The approver opens each branch's mailed link (GET) and approves (POST): two requests per election. */
  private async approveAll(titleOf: (orgName: string) => string) {
    const links = new Map(this.world.branches.map((b) => [b.orgId, approvalLinkIn(this.mailer.sent, ELECTION_APPROVER_EMAIL, (s) => s === `【审批】${titleOf(b.orgName)}`)]));
    await this.each(async (branch) => {
      this.httpRequests += 1;
      const link = links.get(branch.orgId)!;
      await viewApprovalLink(this.runtime.deps, link);
      await decideByLink(this.runtime.deps, link, { outcome: 'approved', meetingDate: this.today(), comment: '同意' }, client);
    });
  }

  /** Moves the clock past the latest end of the announcement and candidate notices. */
  private async endNotices() {
    const ends = await Promise.all(this.electionIds.map(async (electionId) => {
      const election = (await getElection(this.runtime.deps.store, electionId))!;
      const ids = [`${electionId}-announcement`, candidateNoticeId(electionId, election.noticeRounds + 1)];
      return Math.max(...(await Promise.all(ids.map(async (id) => (await getNotice(this.runtime.deps.store, id))!.endsAtMs))));
    }));
    this.clock.set(new Date(Math.max(...ends) + 1000));
    await this.runtime.stepFunctions.settled();
  }

  async allElections(): Promise<void> {
    await this.on(DAYS.request);
    const created = await this.each((branch) => createElection(this.runtime.deps, branch.staff, {
      orgId: branch.orgId, form: 'gongtui', seats: '3', deputies: '1', meetingDate: DAYS.meeting,
      structure: '委员 3 名：书记、副书记、组织委员', method: '公推直选，差额选举委员，等额选举书记、副书记，无记名投票',
    }));
    this.electionIds = created.map((election) => election.id);
    await this.on(DAYS.requestDecision);
    await this.approveAll(TITLES.request);

    await this.on(DAYS.announcement);
    await this.submit('announcement', (b) => announcementForm({}, b.orgName));
    await this.on(DAYS.mobilization);
    await this.submit('mobilization', () => ({ meetingDate: this.today(), attendees: String(VOTERS), notes: '传达换届选举工作安排，部署公推直选。' }));
    await this.on(DAYS.evaluation);
    await this.submit('evaluation', () => ({
      meetingDate: this.today(), raters: String(VOTERS), teamGood: '10', teamFairlyGood: '4', teamAverage: '1', teamPoor: '0',
      personRatings: `${ZHANG} 10 5 0 0\n${WANG} 8 6 1 0\n${LI} 6 7 2 0`,
    }));
    await this.on(DAYS.recommendation);
    await this.submit('recommendation', () => recommendationForm([ZHANG, WANG, LI, LIU], [], VOTERS));
    await this.on(DAYS.listDecision);
    await this.approveAll(TITLES.candidateList);
    await this.endNotices();

    await this.on(DAYS.meeting);
    // Round 1: 李娜 and 刘洋 tie for the last seat (both above half) → a new vote between them for one seat.
    await this.round({ [ZHANG]: 13, [WANG]: 12, [LI]: 9, [LIU]: 9 });
    await this.round({ [LI]: 10, [LIU]: 5 });
    await this.round({ [ZHANG]: 14 }, [ZHANG]);
    await this.round({ [WANG]: 13 }, [WANG]);
    await this.on(DAYS.resultsDecision);
    await this.approveAll(TITLES.results);
    // The election file a committee member opens at the end (全程纪实): one page view per election.
    await this.each((_branch, electionId) => getElectionFile(this.runtime.deps, this.world.committeeStaff, electionId));
  }
}
