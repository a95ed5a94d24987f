import { chinaDate } from '../../domain/calendar';
import type { StepRecord } from '../../domain/development/case';
import { NOTICE_NODE_LABELS, type NoticeNode } from '../../domain/development/rule-set';
import type { Notice } from '../../domain/notice/notice';
import { noticeResultText } from '../../domain/notice/notice-result';
import { isNoticeReviewKey, noticeNodeOfReviewKey, stepByKey, type StepKey } from '../../domain/development/steps';
import { APPROVAL_OUTCOME_LABELS } from '../../domain/approval/approval';
import { hasForm, stepFormFields } from '../../schemas/development-steps';

/**
 * One line of the case summary an approver reads (案情摘要): the step, the date of the event itself (the talk, the
 * meeting, the decision — not the day it was entered), who entered it, and its substance: the vote, the chosen
 * conclusion (政治审查合格, 公示期满无异议…), the higher committee's decision.
 */
export function summaryLine(record: StepRecord): string {
  const key = String(record.stepKey);
  const fields = hasForm(key as never) ? stepFormFields(key as never) : [];
  const eventDate = fields.filter((f) => f.type === 'date').map((f) => record.values[f.name]).find((v): v is string => typeof v === 'string' && v !== '')
    ?? (typeof record.values.meetingDate === 'string' ? record.values.meetingDate : undefined)
    ?? chinaDate(new Date(record.at));
  const label = isNoticeReviewKey(key) ? `${NOTICE_NODE_LABELS[noticeNodeOfReviewKey(key)]}结果处理` : `${record.stepNo}. ${stepByKey(key as StepKey).label}`;
  const chosen = fields
    .filter((f) => f.type === 'select' && record.values[f.name] !== undefined)
    .map((f) => `${f.label}：${f.options?.find((o) => o.value === record.values[f.name])?.label ?? String(record.values[f.name])}`);
  const decision = record.values.outcome === 'approved' || record.values.outcome === 'rejected' ? [`决定：${APPROVAL_OUTCOME_LABELS[record.values.outcome]}`] : [];
  const substance = [...(record.values.voteResult ? [String(record.values.voteResult)] : []), ...chosen, ...decision];
  return `${label}（${eventDate}，${record.actorName}）${substance.length > 0 ? `：${substance.join('；')}` : ''}`;
}

/**
 * The line of a case notice in the summary (公示结果): the notice, its period, and what came of it — so an approver
 * reads "公示期满，无异议" or the objections and their conclusion, not only that the step was taken.
 */
export function noticeSummaryLine(node: NoticeNode, notice: Pick<Notice, 'publishedAt' | 'endsAt' | 'status' | 'objectionCount' | 'result' | 'reviewDate' | 'withdrawReason'>): string {
  return `${NOTICE_NODE_LABELS[node]}（${chinaDate(new Date(notice.publishedAt))} 至 ${notice.endsAt.slice(0, 10)}）：${noticeResultText(notice)}`;
}
