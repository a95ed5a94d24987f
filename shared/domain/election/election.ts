import type { ElectionRuleSet } from './rule-set';
import type { TallyResult } from './types';

/** 公推直选 (candidates from recommendation; the meeting elects the secretary and deputy), 海选, or standard. */
export type ElectionForm = 'gongtui' | 'haixuan' | 'standard';

export const ELECTION_FORM_LABELS: Record<ElectionForm, string> = {
  gongtui: '公推直选',
  haixuan: '海选',
  standard: '常规选举（新一届委员会选举书记、副书记）',
};

/** The six steps (docs/domain/elections.md, "The six steps"). */
export type ElectionPhase = 'publicize' | 'evaluation' | 'recommendation' | 'candidates' | 'election' | 'results';

export const ELECTION_PHASE_LABELS: Record<ElectionPhase, string> = {
  publicize: '一、宣传发动',
  evaluation: '二、述职评议',
  recommendation: '三、民主推荐',
  candidates: '四、候选人预备人选报批',
  election: '五、民主选举',
  results: '六、选举结果报批',
};

/**
 * The human steps the election workflow waits on (pending tasks of kind 'election-step', subject
 * `{ electionId, stepKey }`). Round steps are entered with `recordRound`; every other step with `submitElectionStep`.
 */
export type ElectionStepKey =
  | 'announcement' | 'mobilization'
  | 'evaluation'
  | 'recommendation' | 'open-ballot'
  | 'election-round' | 'seats-decision' | 'officers-round' | 'officers-meeting'
  | 'results-rejected';

export const ELECTION_STEPS: Record<ElectionStepKey, { phase: ElectionPhase; label: string; entry: 'form' | 'round' }> = {
  announcement: { phase: 'publicize', label: '向党员公告选举事项', entry: 'form' },
  mobilization: { phase: 'publicize', label: '召开动员大会', entry: 'form' },
  evaluation: { phase: 'evaluation', label: '述职与民主评议', entry: 'form' },
  recommendation: { phase: 'recommendation', label: '民主推荐（提名与推荐票）', entry: 'form' },
  'open-ballot': { phase: 'recommendation', label: '海选：首轮公开投票', entry: 'form' },
  'election-round': { phase: 'election', label: '选举委员（计票）', entry: 'round' },
  'seats-decision': { phase: 'election', label: '名额未选满：另行选举或减少名额', entry: 'form' },
  'officers-round': { phase: 'election', label: '大会选举书记、副书记（计票）', entry: 'round' },
  'officers-meeting': { phase: 'election', label: '新一届委员会第一次全体会议选举书记、副书记', entry: 'form' },
  'results-rejected': { phase: 'results', label: '选举结果未获批准：重新选举或终止', entry: 'form' },
};

export type ElectionStatus = 'running' | 'completed' | 'rejected' | 'ended';

export const ELECTION_STATUS_LABELS: Record<ElectionStatus, string> = {
  running: '进行中',
  completed: '已完成（结果已批准并记入组织）',
  rejected: '选举请示未获批准',
  ended: '已终止',
};

/** What a round elects: the committee members, or (公推直选) the secretary or the deputy. */
export type RoundContest = 'committee' | 'secretary' | 'deputy';

/** One recorded voting round (keyed by its number: a retried entry never adds a second round). */
export interface ElectionRound {
  electionId: string;
  /** 1, 2, … over the whole election. */
  no: number;
  contest: RoundContest;
  seats: number;
  candidates: string[];
  /** The meeting's date (rounds recorded before it was asked for have none). */
  meetingDate?: string;
  shouldAttend: number;
  present: number;
  ballotsIssued: number;
  result: TallyResult;
  /** What follows (see decideNextRound). */
  next: NextRound;
  at: string;
  actorId: string;
  actorName: string;
}

/** The decision after a tally (pure: next-round.ts). */
export type NextRound =
  | { kind: 'invalid' }
  | { kind: 'complete' }
  | { kind: 're-vote'; among: string[]; seats: number }
  | { kind: 'unfilled'; seats: number; others: string[] };

/** One recorded human step. */
export interface ElectionStepRecord {
  electionId: string;
  stepKey: ElectionStepKey;
  /** 1, 2, … per step key (a step may be done again: another recommendation round, a re-run). */
  attempt: number;
  values: Record<string, unknown>;
  /** What the workflow is told (e.g. the ranked list and whether it is short). */
  outcome: Record<string, unknown>;
  at: string;
  actorId: string;
  actorName: string;
}

export interface Election {
  id: string;
  orgId: string;
  orgName: string;
  form: ElectionForm;
  /** Committee seats (委员名额, the secretary and deputy included). */
  seats: number;
  /** Deputy secretaries to elect (0 or 1). */
  deputies: number;
  rulesVersion: string;
  rules: ElectionRuleSet;
  termYears: number;
  /** Planned schedule and method from the written request. */
  plan: { meetingDate: string; structure: string; method: string };
  status: ElectionStatus;
  phase: ElectionPhase;
  /** The step now waiting, and its task. */
  currentStep?: ElectionStepKey;
  currentTaskId?: string;
  /** Steps recorded so far, per key (the next attempt is count + 1). */
  stepCounts: Partial<Record<ElectionStepKey, number>>;
  roundCount: number;
  /**
   * What the next steps need of the last round (its number, meeting date and decision), kept with the election so that
   * they do not read the round; absent on elections whose rounds were recorded before it was kept.
   */
  lastRound?: Pick<ElectionRound, 'no' | 'meetingDate' | 'next'>;
  /** Names not nominated again (不称职 by more than the threshold). */
  excluded: string[];
  /** The approved candidate list (预备人选). */
  candidates: string[];
  /** The ballot paper of the next voting round (set when a round step opens or a decision follows a round). */
  ballot?: { contest: RoundContest; seats: number; candidates: string[]; reVote?: boolean };
  /** Elected so far, in order of election. */
  elected: string[];
  secretary?: string;
  deputy?: string;
  /** The higher organization's decisions so far (request, candidate list, results), oldest first. */
  approvals: { kind: 'request' | 'candidate-list' | 'election-result'; approvalId: string; outcome: 'approved' | 'rejected'; decidedAt: string }[];
  /** Rounds of the candidate notice started so far. */
  noticeRounds: number;
  /** The internal notice of the announcement to members (step 1), once the workflow publishes it. */
  announcementNoticeId?: string;
  /** A request to end the election (终止), awaiting the higher committee's decision; cleared when it is decided. */
  endRequest?: { approvalId: string; reason: string; requestedBy: string; requestedAt: string };
  /** Why the election was ended, once it is (终止). */
  endReason?: string;
  /** The new committee's term, once recorded. */
  termStart?: string;
  termEnd?: string;
  createdAt: string;
  createdBy: string;
  completedAt?: string;
  version: number;
}

/** The workflow's execution name: one execution per election. */
export const electionExecutionName = (electionId: string) => `election-${electionId}`;
