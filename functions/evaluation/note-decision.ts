import { z } from 'zod';
import { approvalResolutionSchema } from '../../shared/schemas/approval';
import type { ServiceDeps } from '../../shared/services/deps';
import { recordEvaluationDecision } from '../../shared/services/evaluation';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({
  evaluationId: z.string().min(1),
  decision: approvalResolutionSchema,
  purpose: z.enum(['grades', 'disposal']).optional(),
});

/** Task NoteDecision (or NoteDisposalDecision): the higher committee's decision on the grades (or the disposal). Output: { outcome }. */
export const createNoteEvaluationDecisionHandler = (deps: ServiceDeps) => async (event: unknown) => recordEvaluationDecision(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createNoteEvaluationDecisionHandler(awsServiceDeps()));
