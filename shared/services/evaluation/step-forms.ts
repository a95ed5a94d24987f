import { z } from 'zod';
import { CORRECTION_OUTCOME_LABELS, type CorrectionOutcome } from '../../domain/evaluation/follow-up';
import { GRADE_LABELS, isGrade, type Grade } from '../../domain/evaluation/grades';
import type { ProposedGrade } from '../../domain/evaluation/proposal';
import type { FollowUpEntry } from '../../domain/evaluation/step-rules';
import { decimalNumber, isoDate, optionalText, requiredText } from '../../schemas/form-fields';
import { InputInvalidError } from '../../errors';

const count = (label: string) => z.preprocess(decimalNumber, z.number({ error: `请填写${label}（整数）。` }).int(`${label}应为整数。`).min(0, `${label}不能小于 0。`));
const optionalCount = (label: string) => z.preprocess((v) => (v === '' || v === undefined ? 0 : decimalNumber(v)), z.number({ error: `${label}应为整数。` }).int(`${label}应为整数。`).min(0, `${label}不能小于 0。`));

/** The forms of the evaluation's fixed steps (docs/domain/evaluation.md). */
export const planSchema = z.object({ studyDate: isoDate('学习教育日期'), planNotes: requiredText('评议方案要点', 2000) });
export const selfEvaluationCloseSchema = z.object({ confirmMissing: z.string().optional() });
export const ratingCloseSchema = z.object({ confirmClose: z.string().optional() });
export const meetingSchema = z.object({
  meetingDate: isoDate('支部大会日期'),
  present: count('实到会有表决权的正式党员人数'),
  yes: count('赞成票数'),
  writtenYes: optionalCount('书面赞成意见数'),
  writtenNo: optionalCount('书面反对意见数'),
  notes: optionalText('会议记录要点', 2000),
});
export const selfEvaluationSchema = z.object({
  personId: requiredText('党员', 100),
  text: optionalText('自评内容', 5000),
  fileName: optionalText('自评材料文件名', 200),
}).refine((v) => v.text || v.fileName, { message: '请填写自评内容，或登记书面自评材料的文件名。', path: ['text'] });

/** The proposal as the form sends it: `grade.<personId>` and `reason.<personId>`. */
export function parseProposal(raw: Record<string, unknown>, personIds: readonly string[]): ProposedGrade[] {
  const problems: Record<string, string> = {};
  const proposal: ProposedGrade[] = [];
  for (const personId of personIds) {
    const grade = raw[`grade.${personId}`];
    const reason = String(raw[`reason.${personId}`] ?? '').trim();
    if (grade === undefined || grade === '') continue;
    if (!isGrade(grade)) problems[`grade.${personId}`] = `请选择${Object.values(GRADE_LABELS).join('、')}之一。`;
    else if (reason.length > 500) problems[`reason.${personId}`] = '理由不能超过 500 个字。';
    else proposal.push({ personId, grade: grade as Grade, ...(reason ? { reason } : {}) });
  }
  if (Object.keys(problems).length > 0) throw new InputInvalidError(problems);
  return proposal;
}


/** Follow-up as the form sends it: `talk.<personId>` (a date) and `review.<personId>` (an outcome). */
export function parseFollowUp(raw: Record<string, unknown>, personIds: readonly string[]): FollowUpEntry[] {
  const problems: Record<string, string> = {};
  const entries: FollowUpEntry[] = [];
  for (const personId of personIds) {
    const talk = String(raw[`talk.${personId}`] ?? '').trim();
    const review = String(raw[`review.${personId}`] ?? '').trim();
    const entry: FollowUpEntry = { personId };
    if (talk) {
      const parsed = isoDate('谈话日期').safeParse(talk);
      if (parsed.success) entry.talkDate = parsed.data;
      else problems[`talk.${personId}`] = parsed.error.issues[0].message;
    }
    if (review) {
      if (review in CORRECTION_OUTCOME_LABELS) entry.correction = review as CorrectionOutcome;
      else problems[`review.${personId}`] = '请选择整改结果。';
    }
    entries.push(entry);
  }
  if (Object.keys(problems).length > 0) throw new InputInvalidError(problems);
  return entries;
}
