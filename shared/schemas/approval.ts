import { z } from 'zod';
import { choice, isoDate, optionalText, requiredText } from './form-fields';

/** The approval process's input as the task Lambda checks it (a workflow input is input too). */
export const approvalRequestSchema = z.object({
  approvalId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  subject: z.object({
    kind: z.enum(['pre-review', 'admission', 'conversion', 'election-request', 'candidate-list', 'election-result', 'evaluation-grades', 'evaluation-disposal', 'assessment-year-end', 'other']),
    title: z.string().trim().min(1).max(200),
    summary: z.string().max(20_000),
    orgId: z.string().min(1),
    orgName: z.string().max(200).optional(),
    caseUrl: z.string().url().optional(),
  }),
  approvers: z.array(z.object({ name: z.string().trim().min(1).max(50), email: z.string().email() })).min(1).max(25),
  policy: z.enum(['any', 'all', 'majority']),
  dueDate: z.string().datetime({ offset: true }),
  linkValidDays: z.number().int().min(1).max(90).optional(),
  reminderDaysBefore: z.number().int().min(0).max(30).optional(),
  decisionWindow: z.object({ reasonRequiredAfter: z.string().datetime({ offset: true }), closesAt: z.string().datetime({ offset: true }) }).optional(),
});

/** The event of the RequestDecision task. */
export const approvalTaskEventSchema = z.object({
  approval: approvalRequestSchema,
  taskToken: z.string().min(1),
  executionArn: z.string().min(1),
});

/** The approver's form on the link page. */
export const approvalDecisionForm = z.object({
  outcome: choice('审批意见（同意或不同意）', ['approved', 'rejected'] as const),
  comment: optionalText('意见说明', 2000),
  meetingDate: isoDate('作出决定的党委会议日期'),
});

/** Staff record a decision taken on paper. */
export const paperDecisionForm = z.object({
  outcome: choice('审批结果', ['approved', 'rejected'] as const),
  comment: optionalText('意见说明', 2000),
  meetingDate: isoDate('作出决定的党委会议日期'),
  decidedBy: requiredText('作出决定的审批人', 100),
  decidedAt: isoDate('书面决定的日期'),
});

/** Staff name another approver. */
export const approverForm = z.object({
  name: requiredText('审批人姓名', 50),
  email: z.string({ error: '请填写审批人的电子邮箱。' }).trim().email('电子邮箱格式不正确。'),
});

/** An approval's resolution as the approval process outputs it, checked by the task that records it on its matter. */
export const approvalResolutionSchema = z.object({
  approvalId: z.string().min(1),
  outcome: z.enum(['approved', 'rejected']),
  decidedAt: z.string().min(1),
  meetingDate: z.string().optional(),
  comment: z.string().optional(),
  decidedBy: z.string(),
});
