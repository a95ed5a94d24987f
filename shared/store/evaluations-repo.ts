import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DecidedGrade, Evaluation, EvaluationStepKey } from '../domain/evaluation/evaluation';
import { GRADES, type Grade, type RaterKind } from '../domain/evaluation/grades';
import { emptyCounts, emptyRatingCounts, type GradeCounts, type RatingCounts } from '../domain/evaluation/tally';
import { claimGuard, type GuardKey } from './guards';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';
import { fromItem } from './item';

/**
 * Annual evaluations (民主评议党员, docs/domain/evaluation.md), in the single table:
 *   pk EVALUATION#<id>, sk EVALUATION                the evaluation; gsi2 ORG#<orgId>#evaluation / <year>#<id>;
 *                                                   gsi1 EVALUATIONS#<year> / <orgId>#<id> (the committee's overview)
 *   pk EVALUATION#<id>, sk STEP#<stepKey>#<nnn>      a recorded human step (written once)
 *   pk EVALUATION#<id>, sk SELF#<personId>           a member's self-evaluation (the latest)
 *   pk EVALUATION#<id>, sk CODES#<raterKind>         codes issued (counter `issued`)
 *   pk EVALUATION#<id>, sk TALLY#online#<raterKind>#<nn>  online ratings, on TALLY_SHARDS shard items per kind (a
 *                                                   rating adds to one chosen at random; a read sums them): counter
 *                                                   `returned` and one counter per member and grade (`<personId>|<grade>`);
 *                                                   no time, no code, no rater; `closed` once the rating step is closed
 *   pk EVALUATION#<id>, sk TALLY#paper#<raterKind>   the paper counts as entered (issued, returned, counts)
 *   pk RATERCODE#<code>, sk CODE                     a rater's code: evaluationId, raterKind, validUntil (a day), spent
 *   pk PERSON#<personId>, sk EVALGRADE#<year>        the grade on the person's record (history by year)
 * Every change of the evaluation is conditioned on its `version`; the counters are separate items (never replaced).
 */
export const evaluationPk = (evaluationId: string) => `EVALUATION#${evaluationId}`;
const EVALUATION_SK = 'EVALUATION';
const pad = (n: number) => String(n).padStart(3, '0');
export const evaluationStepSk = (stepKey: EvaluationStepKey, attempt: number) => `STEP#${stepKey}#${pad(attempt)}`;
const orgKey = (orgId: string) => `ORG#${orgId}#evaluation`;
const yearKey = (year: number) => `EVALUATIONS#${year}`;
export const raterCodePk = (code: string) => `RATERCODE#${code}`;

function evaluationItem(evaluation: Evaluation): Record<string, unknown> {
  return {
    pk: evaluationPk(evaluation.id), sk: EVALUATION_SK, type: 'evaluation',
    gsi1pk: yearKey(evaluation.year), gsi1sk: `${evaluation.orgId}#${evaluation.id}`,
    gsi2pk: orgKey(evaluation.orgId), gsi2sk: `${evaluation.year}#${evaluation.id}`,
    ...evaluation,
  };
}

export function putNewEvaluation(store: Store, evaluation: Evaluation): TransactItem {
  return { Put: { TableName: store.tableName, Item: evaluationItem(evaluation), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** The guard of "one evaluation per branch and year": GUARD#evaluation#<orgId>#<year>, claimed and never released. */
export const evaluationGuardKey = (orgId: string, year: number): GuardKey => ({ rule: 'evaluation', scope: `${orgId}#${year}` });

export function claimEvaluationGuard(store: Store, evaluation: Pick<Evaluation, 'id' | 'orgId' | 'year'>): TransactItem {
  return claimGuard(store, evaluationGuardKey(evaluation.orgId, evaluation.year), evaluation.id);
}

/** Replaces the evaluation whose stored version is `next.version - 1`. */
export function replaceEvaluation(store: Store, next: Evaluation): TransactItem {
  return {
    Put: {
      TableName: store.tableName, Item: evaluationItem(next), ConditionExpression: '#version = :previous',
      ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':previous': next.version - 1 },
    },
  };
}

export interface EvaluationStepRecord {
  evaluationId: string;
  stepKey: EvaluationStepKey;
  attempt: number;
  values: Record<string, unknown>;
  outcome: Record<string, unknown>;
  at: string;
  actorId: string;
  actorName: string;
}

export function putEvaluationStep(store: Store, record: EvaluationStepRecord): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { pk: evaluationPk(record.evaluationId), sk: evaluationStepSk(record.stepKey, record.attempt), type: 'evaluation-step', ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export interface SelfEvaluation {
  personId: string;
  name: string;
  text?: string;
  fileName?: string;
  /** The day it was collected (YYYY-MM-DD). */
  collectedOn: string;
  recordedBy: string;
}

export function putSelfEvaluation(store: Store, evaluationId: string, self: SelfEvaluation): TransactItem {
  return { Put: { TableName: store.tableName, Item: { pk: evaluationPk(evaluationId), sk: `SELF#${self.personId}`, type: 'evaluation-self', ...self } } };
}

/** Codes issued: the counter of the kind, never replaced (reconciliation: ratings returned ≤ codes issued). */
export function countCodesIssued(store: Store, evaluationId: string, raterKind: RaterKind, count: number): TransactItem {
  return {
    Update: {
      TableName: store.tableName, Key: { pk: evaluationPk(evaluationId), sk: `CODES#${raterKind}` },
      UpdateExpression: 'SET #type = :type, raterKind = :kind ADD issued :n',
      ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':type': 'evaluation-codes', ':kind': raterKind, ':n': count },
    },
  };
}

export interface RaterCode {
  code: string;
  evaluationId: string;
  raterKind: RaterKind;
  /** The last day it may be used (YYYY-MM-DD, China time). */
  validUntil: string;
  spent: boolean;
}

export function putNewRaterCode(store: Store, code: RaterCode): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { pk: raterCodePk(code.code), sk: 'CODE', type: 'rater-code', gsi2pk: `EVALUATION#${code.evaluationId}#code`, gsi2sk: `${code.raterKind}#${code.code}`, ...code },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function getRaterCode(store: Store, code: string): Promise<RaterCode | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: raterCodePk(code), sk: 'CODE' }, ConsistentRead: true }));
  return Item ? fromItem<RaterCode>(Item) : undefined;
}

/** An evaluation's codes (slips to print, how many are spent). */
export async function listRaterCodes(store: Store, evaluationId: string): Promise<RaterCode[]> {
  const items = await queryAll(store, { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :key', ExpressionAttributeValues: { ':key': `EVALUATION#${evaluationId}#code` } });
  return items.map((item) => fromItem<RaterCode>(item));
}

/**
 * Online ratings are counted on this many shard items per kind of rater: the raters of one branch rating at the same
 * moment then rarely write the same item (a transaction conflicting with another is tried again). Closing the rating
 * writes each of them once.
 */
export const TALLY_SHARDS = 10;

const tallyShardSk = (raterKind: RaterKind, shard: number) => `TALLY#online#${raterKind}#${String(shard).padStart(2, '0')}`;

/**
 * One rating online (docs/domain/evaluation.md, V4): the code spent — only if it exists for this evaluation, is
 * unspent and still valid on `today` — and the grades added to the counters of shard `shard` (the caller draws it at
 * random), only if the rating is not closed, in ONE transaction. The evaluation item is not part of it (ratings of one
 * branch do not queue on it): the closed flag on every shard stands for "the rating step is over". The counters carry
 * no time and nothing of the code: the spent flag and the ratings are apart. Item 0 is the code, item 1 the shard.
 */
export function spendCodeAndCount(store: Store, input: { code: string; evaluationId: string; raterKind: RaterKind; today: string; grades: Record<string, Grade>; shard: number }): TransactItem[] {
  if (!Number.isInteger(input.shard) || input.shard < 0 || input.shard >= TALLY_SHARDS) throw new Error(`No tally shard ${input.shard}`);
  const names: Record<string, string> = { '#returned': 'returned', '#type': 'type' };
  const adds = ['#returned :one'];
  Object.entries(input.grades).forEach(([personId, grade], i) => {
    names[`#c${i}`] = `${personId}|${grade}`;
    adds.push(`#c${i} :one`);
  });
  return [
    {
      Update: {
        TableName: store.tableName, Key: { pk: raterCodePk(input.code), sk: 'CODE' },
        UpdateExpression: 'SET spent = :true',
        ConditionExpression: 'attribute_exists(pk) AND spent = :false AND evaluationId = :evaluation AND validUntil >= :today',
        ExpressionAttributeValues: { ':true': true, ':false': false, ':evaluation': input.evaluationId, ':today': input.today },
      },
    },
    {
      Update: {
        TableName: store.tableName, Key: { pk: evaluationPk(input.evaluationId), sk: tallyShardSk(input.raterKind, input.shard) },
        UpdateExpression: `SET #type = :type ADD ${adds.join(', ')}`,
        ConditionExpression: 'attribute_not_exists(closed)',
        ExpressionAttributeNames: names, ExpressionAttributeValues: { ':one': 1, ':type': 'evaluation-tally' },
      },
    },
  ];
}

/**
 * Closes the online rating (with the rating step's record): every shard of each kind marked closed (created if no
 * rating reached it), so that a rating racing the close either counts before it or is refused.
 */
export function closeOnlineRating(store: Store, evaluationId: string, raterKinds: readonly RaterKind[]): TransactItem[] {
  return raterKinds.flatMap((kind) => Array.from({ length: TALLY_SHARDS }, (_, shard): TransactItem => ({
    Update: {
      TableName: store.tableName, Key: { pk: evaluationPk(evaluationId), sk: tallyShardSk(kind, shard) },
      UpdateExpression: 'SET #type = :type, closed = :true',
      ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':type': 'evaluation-tally', ':true': true },
    },
  })));
}

export interface PaperCounts {
  raterKind: RaterKind;
  issued: number;
  returned: number;
  counts: Record<string, GradeCounts>;
}

export function putPaperCounts(store: Store, evaluationId: string, paper: PaperCounts): TransactItem {
  return { Put: { TableName: store.tableName, Item: { pk: evaluationPk(evaluationId), sk: `TALLY#paper#${paper.raterKind}`, type: 'evaluation-paper', ...paper } } };
}

export interface EvaluationPartition {
  evaluation?: Evaluation;
  steps: EvaluationStepRecord[];
  selfEvaluations: SelfEvaluation[];
  codesIssued: Record<RaterKind, number>;
  online: RatingCounts;
  paper: PaperCounts[];
}

/** Adds a shard's counters (TALLY#online#<kind>#<nn>; an item of before the shards, TALLY#online#<kind>, alike). */
function addOnline(online: RatingCounts, item: Record<string, unknown>): void {
  const kind: RaterKind = String(item.sk).split('#')[2] === 'mass' ? 'mass' : 'member';
  online.returned[kind] += Number(item.returned ?? 0);
  for (const [key, value] of Object.entries(item)) {
    const [personId, grade] = key.split('|');
    if (!grade || !(GRADES as readonly string[]).includes(grade)) continue;
    const counts = (online.counts[kind][personId] ??= emptyCounts());
    counts[grade as Grade] += Number(value);
  }
}

/** The evaluation's partition: the evaluation, its steps, self-evaluations, code counters and tallies. */
export async function readEvaluationPartition(store: Store, evaluationId: string): Promise<EvaluationPartition> {
  const items = await queryAll(store, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': evaluationPk(evaluationId) }, ConsistentRead: true });
  const result: EvaluationPartition = { steps: [], selfEvaluations: [], codesIssued: { member: 0, mass: 0 }, online: emptyRatingCounts(), paper: [] };
  for (const item of items) {
    if (item.type === 'evaluation') result.evaluation = fromItem<Evaluation>(item);
    if (item.type === 'evaluation-step') result.steps.push(fromItem<EvaluationStepRecord>(item));
    if (item.type === 'evaluation-self') result.selfEvaluations.push(fromItem<SelfEvaluation>(item));
    if (item.type === 'evaluation-codes') result.codesIssued[item.raterKind as RaterKind] = Number(item.issued ?? 0);
    if (item.type === 'evaluation-tally') addOnline(result.online, item);
    if (item.type === 'evaluation-paper') result.paper.push(fromItem<PaperCounts>(item));
  }
  result.steps.sort((a, b) => a.at.localeCompare(b.at) || a.attempt - b.attempt);
  return result;
}

export async function getEvaluation(store: Store, evaluationId: string): Promise<Evaluation | undefined> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: evaluationPk(evaluationId), sk: EVALUATION_SK }, ConsistentRead: true }));
  return Item ? fromItem<Evaluation>(Item) : undefined;
}

export async function listOrgEvaluations(store: Store, orgId: string): Promise<Evaluation[]> {
  const items = await queryAll(store, { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :key', ExpressionAttributeValues: { ':key': orgKey(orgId) }, ScanIndexForward: false });
  return items.map((item) => fromItem<Evaluation>(item));
}

export async function listYearEvaluations(store: Store, year: number): Promise<Evaluation[]> {
  const items = await queryAll(store, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :key', ExpressionAttributeValues: { ':key': yearKey(year) } });
  return items.map((item) => fromItem<Evaluation>(item));
}

/** A grade on the person's record (history by year). */
export interface PersonGrade {
  year: number;
  grade: Grade;
  evaluationId: string;
  orgName: string;
  followUp?: DecidedGrade['followUp'];
  correction?: DecidedGrade['correction'];
}

export function putPersonGrade(store: Store, personId: string, grade: PersonGrade): TransactItem {
  return { Put: { TableName: store.tableName, Item: { pk: `PERSON#${personId}`, sk: `EVALGRADE#${grade.year}`, type: 'person-grade', ...grade } } };
}

export async function listPersonGrades(store: Store, personId: string): Promise<PersonGrade[]> {
  const { Items = [] } = await store.doc.send(new QueryCommand({
    TableName: store.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': `PERSON#${personId}`, ':prefix': 'EVALGRADE#' }, ScanIndexForward: false,
  }));
  return Items.map((item) => fromItem<PersonGrade>(item));
}
