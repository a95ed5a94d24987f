import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { recordEvaluationDecision } from '../../shared/services/evaluation';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({
  evaluationId: z.string().min(1),
  decision: z.object({
    approvalId: z.string().min(1),
    outcome: z.enum(['approved', 'rejected']),
    decidedAt: z.string(),
    decidedBy: z.string(),
    meetingDate: z.string().optional(),
    comment: z.string().optional(),
  }),
});

/** Task NoteDecision: the higher committee's decision on the grades. Output: { outcome }. */
export const createNoteEvaluationDecisionHandler = (deps: ServiceDeps) => async (event: unknown) => recordEvaluationDecision(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createNoteEvaluationDecisionHandler(awsServiceDeps()));
