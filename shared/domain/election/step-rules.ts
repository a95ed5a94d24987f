import type { Election, NextRound } from './election';
import { applyUnfitRule, rankRecommendation } from './nomination';
import { sortBySurnameStrokes } from './stroke-order';
import { rankOpenBallot } from './open-ballot';
import { checkSeatsDecision } from './next-round';
import type { ElectionFormStepKey, ElectionStepValues } from '../../schemas/election-steps';
import { InputInvalidError } from '../../errors';

/** What a recorded form step changes on the election, and what the workflow is told. */
export interface StepEffect {
  changes: Partial<Election>;
  outcome: Record<string, unknown>;
}

export interface StepContext {
  /** Names of the organization's voting members today (candidates must be among them). */
  votingNames: ReadonlySet<string>;
  /** Names on the roster without a vote, with the reason (是预备党员，不是正式党员…). */
  noVote?: ReadonlyMap<string, string>;
  /** The decision of the last round (for the seats decision). */
  lastNext?: NextRound;
  /** When the step is recorded (ISO instant). */
  at: string;
}

function requireVoting(list: readonly string[], context: StepContext, field: string): void {
  const refused = list.filter((name) => !context.votingNames.has(name));
  if (refused.length === 0) return;
  const why = refused.map((name) => `“${name}”${context.noVote?.get(name) ?? '不在本组织名册中，请核对姓名'}`);
  throw new InputInvalidError({ [field]: `候选人预备人选须是本组织有表决权的正式党员：${why.join('；')}。` });
}

type Handler<K extends ElectionFormStepKey> = (election: Election, values: ElectionStepValues<K>, context: StepContext) => StepEffect;

const none: StepEffect = { changes: {}, outcome: {} };

/** Each form step's rules, applied when it is recorded (the same transaction writes the record and the outcome). */
export const FORM_STEP_EFFECTS: { [K in ElectionFormStepKey]: Handler<K> } = {
  announcement: () => none,
  mobilization: () => none,
  evaluation: (election, values) => {
    const ratings = Object.fromEntries(Object.entries(values.personRatings).map(([name, c]) => [name, [c[0], c[1], c[2], c[3]] as const]));
    const { excluded, problems } = applyUnfitRule(ratings, values.raters, election.rules);
    const team = values.teamGood + values.teamFairlyGood + values.teamAverage + values.teamPoor;
    if (team > values.raters) problems.push(`班子评价票合计 ${team} 张，多于参加评议的 ${values.raters} 人`);
    if (problems.length > 0) throw new InputInvalidError({ personRatings: `${problems.join('；')}。` });
    return { changes: { excluded }, outcome: { excluded } };
  },
  recommendation: (election, values, context) => {
    const votes = Object.fromEntries(Object.entries(values.votes).map(([name, [m, s]]) => [name, [m, s] as const]));
    const joint = Object.fromEntries(Object.entries(values.jointNominations).map(([name, [n]]) => [name, n]));
    const ranked = rankRecommendation({
      organization: values.organizationNominees, joint, self: values.selfNominees,
      memberVoters: values.memberVoters, staffVoters: values.staffVoters, votes, seats: election.seats, excluded: election.excluded,
    }, election.rules);
    if (ranked.problems.length > 0) throw new InputInvalidError({ votes: `${ranked.problems.join('；')}。` });
    if (!ranked.short) requireVoting(ranked.list, context, 'votes');
    const outcome = { short: ranked.short, list: ranked.list, needed: ranked.needed, invalidJoint: ranked.invalidJoint };
    return { changes: ranked.short ? {} : { candidates: ranked.list }, outcome };
  },
  'open-ballot': (election, values, context) => {
    const votes = Object.fromEntries(Object.entries(values.votes).map(([name, [n]]) => [name, n]));
    if (values.present > values.shouldAttend) throw new InputInvalidError({ present: '实到人数不能多于应到人数。' });
    const over = Object.entries(votes).filter(([, n]) => n > values.ballotsReturned).map(([name]) => name);
    if (over.length > 0) throw new InputInvalidError({ votes: `“${over.join('、')}”的得票多于收回的选票数。` });
    const ranked = rankOpenBallot({ ...values, votes, seats: election.seats, excluded: election.excluded }, election.rules);
    const repeat = ranked.problems.length > 0 || ranked.short;
    if (!repeat) requireVoting(ranked.list, context, 'votes');
    const outcome = { repeat, list: ranked.list, needed: ranked.needed, problems: ranked.problems.map((p) => p.message) };
    return { changes: repeat ? {} : { candidates: ranked.list }, outcome };
  },
  'seats-decision': (election, values, context) => {
    const last = context.lastNext;
    if (last?.kind !== 'unfilled' || !election.ballot) throw new InputInvalidError({ decision: '上一轮选举没有未选满的名额。' });
    const check = checkSeatsDecision(values.decision, last, values, election.rules);
    if (!check.ok) throw new InputInvalidError({ [check.field]: check.message });
    const changes: Partial<Election> = values.decision === 'further'
      ? { ballot: { contest: election.ballot.contest, seats: last.seats, candidates: [...last.others] } }
      : { seats: election.elected.length };
    return { changes, outcome: { decision: values.decision } };
  },
  'officers-meeting': (election, values) => {
    const elected = new Set(election.elected);
    if (!elected.has(values.secretary)) throw new InputInvalidError({ secretary: '书记须从当选委员中选出。' });
    if (values.deputy !== undefined && !elected.has(values.deputy)) throw new InputInvalidError({ deputy: '副书记须从当选委员中选出。' });
    if (values.deputy === values.secretary) throw new InputInvalidError({ deputy: '副书记与书记不能是同一人。' });
    if (election.deputies > 0 && values.deputy === undefined) throw new InputInvalidError({ deputy: '请选择副书记。' });
    return { changes: { secretary: values.secretary, deputy: values.deputy }, outcome: {} };
  },
  'results-rejected': (election, values, context) => {
    const changes: Partial<Election> = values.decision === 'end'
      ? { status: 'ended', completedAt: context.at }
      : { elected: [], secretary: undefined, deputy: undefined, seats: election.seats, ballot: { contest: 'committee', seats: election.seats, candidates: sortBySurnameStrokes(election.candidates) } };
    return { changes, outcome: { decision: values.decision } };
  },
};
