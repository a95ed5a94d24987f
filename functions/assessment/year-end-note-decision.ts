import { z } from 'zod';
import { approvalResolutionSchema } from '../../shared/schemas/approval';
import type { ServiceDeps } from '../../shared/services/deps';
import { noteYearEndDecision } from '../../shared/services/assessment';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ committeeId: z.string().min(1), year: z.number().int(), decision: approvalResolutionSchema });

/** Task NoteDecision: the committee's decision on the year end (output { outcome }). */
export const createNoteYearEndDecisionHandler = (deps: ServiceDeps) => async (event: unknown) => noteYearEndDecision(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createNoteYearEndDecisionHandler(awsServiceDeps()));
