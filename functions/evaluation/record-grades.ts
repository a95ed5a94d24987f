import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { recordEvaluationGrades } from '../../shared/services/evaluation';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ evaluationId: z.string().min(1) });

/** Task RecordGrades: the published grades to each person's record with their follow-up. Output: { followUps }. */
export const createRecordEvaluationGradesHandler = (deps: ServiceDeps) => async (event: unknown) => recordEvaluationGrades(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createRecordEvaluationGradesHandler(awsServiceDeps()));
