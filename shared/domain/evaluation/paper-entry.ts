import { GRADE_LABELS, GRADES, RATER_KIND_LABELS, type RaterKind } from './grades';
import type { GradeCounts } from './tally';

/** Paper sheets of one kind of rater, as the counters summarize them. */
export interface PaperEntry {
  raterKind: RaterKind;
  /** Sheets handed out. */
  issued: number;
  /** Sheets returned. */
  returned: number;
  /** Per member (person id): how many sheets gave each grade. */
  counts: Record<string, GradeCounts>;
}

/**
 * Paper counts reconciled as ballots are (docs/domain/evaluation.md, V6): no more sheets returned than handed out
 * (with online codes: than codes not yet spent, `issuedLimit`), and for each member no more grades than sheets
 * returned (a sheet left blank for a member is allowed). Answers problems by field, in Chinese; empty when it holds.
 */
export function checkPaperEntry(entry: PaperEntry, memberNames: ReadonlyMap<string, string>): Record<string, string> {
  const problems: Record<string, string> = {};
  const kind = RATER_KIND_LABELS[entry.raterKind];
  if (entry.returned > entry.issued) problems.returned = `${kind}收回评议表 ${entry.returned} 份，多于发出的 ${entry.issued} 份：本次评议表无效，请核对后重新评议。`;
  for (const personId of Object.keys(entry.counts)) {
    if (!memberNames.has(personId)) problems[`counts.${personId}`] = '此人不在本次评议的党员名单中。';
  }
  for (const [personId, name] of memberNames) {
    const counts = entry.counts[personId];
    if (!counts) continue;
    const total = GRADES.reduce((sum, g) => sum + counts[g], 0);
    if (total > entry.returned) {
      problems[`counts.${personId}`] = `${name}的${GRADES.map((g) => `${GRADE_LABELS[g]} ${counts[g]}`).join('、')}，合计 ${total} 票，多于收回的评议表 ${entry.returned} 份。`;
    }
  }
  return problems;
}
