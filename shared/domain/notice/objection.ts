import type { NoticeResult } from './notice';

export type OutcomeDecision = 'unfounded' | 'postpone' | 'founded';

export const OUTCOME_LABELS: Record<OutcomeDecision, string> = {
  unfounded: '经调查不属实，继续推进',
  postpone: '需进一步核实，暂缓',
  founded: '经调查属实，终止程序',
};

export const OBJECTION_LIMITS = { content: 2000, name: 50, contact: 100 } as const;

export interface ObjectionOutcome {
  decision: OutcomeDecision;
  note: string;
  /** YYYY-MM-DD, for a postponement. */
  reviewDate?: string;
  decidedBy: string;
  decidedAt: string;
}

export interface Objection {
  id: string;
  noticeId: string;
  content: string;
  name?: string;
  contact?: string;
  filedAt: string;
  outcome?: ObjectionOutcome;
}

/**
 * The notice's result from the outcomes of its objections: any founded objection stops the process;
 * otherwise any postponement postpones it until the latest review date; otherwise it proceeds.
 */
export function resultOfOutcomes(outcomes: Pick<ObjectionOutcome, 'decision' | 'reviewDate'>[]): {
  result: Exclude<NoticeResult, 'withdrawn'>;
  reviewDate?: string;
} {
  if (outcomes.some((o) => o.decision === 'founded')) return { result: 'stopped' };
  const reviewDates = outcomes.filter((o) => o.decision === 'postpone').map((o) => o.reviewDate ?? '');
  if (reviewDates.length > 0) return { result: 'postponed', reviewDate: reviewDates.sort().at(-1) };
  return { result: 'proceed' };
}
