import { z } from 'zod';
import { approvalResolutionSchema } from '../../shared/schemas/approval';
import type { ServiceDeps } from '../../shared/services/deps';
import { recordElectionDecision } from '../../shared/services/election';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({
  electionId: z.string().min(1),
  kind: z.enum(['request', 'candidate-list', 'election-result']),
  decision: approvalResolutionSchema,
});

/** Tasks Note…Decision: the higher organization's decision recorded on the election. Output: { outcome }. */
export const createNoteElectionDecisionHandler = (deps: ServiceDeps) => async (event: unknown) => recordElectionDecision(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createNoteElectionDecisionHandler(awsServiceDeps()));
