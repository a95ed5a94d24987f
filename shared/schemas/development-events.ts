import { z } from 'zod';
import { DEVELOPMENT_STEPS, NOTICE_NODE_POSITIONS, noticeReviewKey } from '../domain/development/steps';
import { approvalResolutionSchema } from './approval';

/** The events of the development stages' task Lambdas (a workflow input is input too). */

const caseId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const attempt = z.number().int().min(1).max(99);
const taskKeys = [...DEVELOPMENT_STEPS.map((s) => s.key), ...NOTICE_NODE_POSITIONS.map((p) => noticeReviewKey(p.node))] as [string, ...string[]];

export const awaitStepEventSchema = z.object({ caseId, attempt, stepKey: z.enum(taskKeys), taskToken: z.string().min(1) });

export const prepareNoticeEventSchema = z.object({ caseId, attempt, node: z.enum(['activist', 'developmentTarget', 'admission', 'conversion']) });

const approvalStep = z.enum(['preReview', 'admissionApproval', 'conversionApproval']);
export const prepareApprovalEventSchema = z.object({ caseId, attempt, stepKey: approvalStep });

export const recordDecisionEventSchema = z.object({
  caseId,
  attempt,
  stepKey: approvalStep,
  decision: approvalResolutionSchema,
});

export const fileEventSchema = z.object({ caseId, attempt, stepKey: z.enum(['activistFiling', 'targetFiling', 'admissionFiling']) });

export const endStageEventSchema = z.object({
  caseId,
  stage: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  attempt,
  outcome: z.enum(['completed', 'rejected', 'vote-failed', 'stopped', 'extended', 'cancelled', 'notice-withdrawn', 'blocked']),
  reason: z.string().max(200).optional(),
});
