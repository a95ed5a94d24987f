import { addDays } from '../calendar';
import { checkResult, type CheckResult } from './check-result';
import { addMonths, requireDate } from './dates';
import { DEFAULT_RULE_SET, type DevelopmentRuleSet } from './rule-set';

export interface AdmissionApprovalDeadlines {
  /** The last day of the normal period: 3 months after the general meeting, inclusive. */
  dueDate: string;
  /** The last day at all (6 months), only with a recorded reason. */
  lastDate: string;
}

/** Step 17: the higher committee approves within 3 months of the general meeting, at most 6 with a reason. */
export function admissionApprovalDeadlines(meetingDate: string, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): AdmissionApprovalDeadlines {
  requireDate(meetingDate, '支部大会日期');
  return { dueDate: addMonths(meetingDate, rules.admissionApproval.dueMonths), lastDate: addMonths(meetingDate, rules.admissionApproval.maxMonths) };
}

export type ApprovalTimingStatus = 'in-time' | 'overdue' | 'blocked';

/** Where an open admission approval stands on `asOf`: in time, overdue (warning), or past the hard stop. */
export function admissionApprovalStatus(meetingDate: string, asOf: string, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): ApprovalTimingStatus {
  const { overdueFrom, blockedFrom } = admissionApprovalStatusDates(meetingDate, rules);
  requireDate(asOf, '日期');
  if (asOf < overdueFrom) return 'in-time';
  return asOf < blockedFrom ? 'overdue' : 'blocked';
}

/** The first day an open admission approval is overdue (the day after the due date) and blocked (after the last date). */
export function admissionApprovalStatusDates(meetingDate: string, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): { overdueFrom: string; blockedFrom: string } {
  const { dueDate, lastDate } = admissionApprovalDeadlines(meetingDate, rules);
  return { overdueFrom: addDays(dueDate, 1), blockedFrom: addDays(lastDate, 1) };
}

/** An approval decided on `approvalDate`: in time; late with a reason (warning); late without one or past 6 months (refused). */
export function checkAdmissionApprovalTiming(
  input: { meetingDate: string; approvalDate: string; reason?: string },
  rules: DevelopmentRuleSet = DEFAULT_RULE_SET,
): CheckResult {
  const approvalDate = requireDate(input.approvalDate, '审批日期');
  const { dueDate, lastDate } = admissionApprovalDeadlines(input.meetingDate, rules);
  const { dueMonths, maxMonths } = rules.admissionApproval;
  if (approvalDate < input.meetingDate) {
    return checkResult([{ code: 'APPROVAL_BEFORE_MEETING', message: `审批日期 ${approvalDate} 早于支部大会日期 ${input.meetingDate}。` }]);
  }
  if (approvalDate <= dueDate) return checkResult();
  if (approvalDate > lastDate) {
    return checkResult([
      { code: 'APPROVAL_PAST_LIMIT', message: `上级党委审批最长不得超过支部大会后 ${maxMonths} 个月（${lastDate}），${approvalDate} 已超过，不能再审批。` },
    ]);
  }
  const reason = input.reason?.trim();
  if (!reason) {
    return checkResult([
      { code: 'APPROVAL_LATE_NO_REASON', message: `已超过支部大会后 ${dueMonths} 个月（${dueDate}）的审批期限，须记录延长审批的原因（最长至 ${lastDate}）。` },
    ]);
  }
  return checkResult([], [{ code: 'APPROVAL_LATE', message: `超过 ${dueMonths} 个月审批期限（${dueDate}），原因：${reason}` }]);
}

/** Step 24: conversion approval within 3 months of the conversion meeting; later is flagged. */
export function checkConversionApprovalTiming(input: { meetingDate: string; approvalDate: string }, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): CheckResult {
  const meetingDate = requireDate(input.meetingDate, '转正支部大会日期');
  const approvalDate = requireDate(input.approvalDate, '审批日期');
  if (approvalDate < meetingDate) return checkResult([{ code: 'APPROVAL_BEFORE_MEETING', message: `审批日期 ${approvalDate} 早于支部大会日期 ${meetingDate}。` }]);
  const due = addMonths(meetingDate, rules.conversionApproval.dueMonths);
  if (approvalDate <= due) return checkResult();
  return checkResult([], [{ code: 'CONVERSION_APPROVAL_LATE', message: `转正应在支部大会后 ${rules.conversionApproval.dueMonths} 个月内（${due} 前）审批，已超期。` }]);
}
