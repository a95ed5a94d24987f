/**
 * When a development case may move with its person (docs/domain/transfer.md rule T8): never while one of its approvals
 * or notices is open, since the approving committee and the notice's organization would change under them.
 */
export interface CaseOpenItems {
  /** Titles of the case's approvals still undecided. */
  openApprovals: string[];
  /** Titles of the case's notices still open (公示中). */
  openNotices: string[];
}

/** Why the case cannot move now (Chinese, with what to do), empty when it can. */
export function caseMoveBlockers(items: CaseOpenItems): string[] {
  const blockers: string[] = [];
  for (const title of items.openApprovals) blockers.push(`发展材料中的审批“${title}”尚未作出决定，请待审批结束后再接收。`);
  for (const title of items.openNotices) blockers.push(`公示“${title}”尚未结束，请待公示期满后再接收。`);
  return blockers;
}

/**
 * What the receiving branch is offered (docs/domain/transfer.md T8a): accept now, or, while the case cannot move,
 * what it waits for and the choice to have the system accept once it is free (`waitingSince` when already chosen).
 */
export type AcceptanceOffer = { kind: 'accept-now' } | { kind: 'wait'; blockers: string[] };

export function acceptanceOffer(items: CaseOpenItems): AcceptanceOffer {
  const blockers = caseMoveBlockers(items);
  return blockers.length === 0 ? { kind: 'accept-now' } : { kind: 'wait', blockers };
}
