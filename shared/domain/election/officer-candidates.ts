import type { Election } from './election';
import { sortBySurnameStrokes } from './stroke-order';

export type OfficerContest = 'secretary' | 'deputy';

export const OFFICER_CONTEST_LABELS: Record<OfficerContest, string> = { secretary: '书记', deputy: '副书记' };

/** Who may stand for the post: the newly elected committee members (for the deputy, not the secretary), in 姓氏笔画 order. */
export function officerEligible(election: Pick<Election, 'elected' | 'secretary'>, contest: OfficerContest): string[] {
  return sortBySurnameStrokes(election.elected.filter((name) => contest === 'secretary' || name !== election.secretary));
}

export type OfficerCandidatesCheck = { ok: true; candidates: string[] } | { ok: false; field: 'contest' | 'candidates'; message: string };

/**
 * The candidates of the secretary's or deputy's ballot, entered before it is printed: at least one, each a newly
 * elected committee member (not the secretary, for the deputy), each once; a deputy only when one is to be elected.
 * The accepted list is in 姓氏笔画 order, as printed.
 */
export function checkOfficerCandidates(election: Pick<Election, 'elected' | 'secretary' | 'deputies'>, contest: OfficerContest, names: readonly string[]): OfficerCandidatesCheck {
  if (contest === 'deputy' && election.deputies === 0) return { ok: false, field: 'contest', message: '本次选举不设副书记。' };
  const label = OFFICER_CONTEST_LABELS[contest];
  const unique = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (unique.length === 0) return { ok: false, field: 'candidates', message: `请选择${label}候选人。` };
  const eligible = new Set(officerEligible(election, contest));
  const outside = unique.filter((name) => !eligible.has(name));
  if (outside.length > 0) {
    const who = contest === 'deputy' && election.secretary ? '新当选的委员（已当选书记的除外）' : '新当选的委员';
    return { ok: false, field: 'candidates', message: `${label}候选人须是${who}：“${outside.join('、')}”不是。` };
  }
  return { ok: true, candidates: sortBySurnameStrokes(unique) };
}
