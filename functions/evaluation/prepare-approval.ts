import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { prepareEvaluationApproval } from '../../shared/services/evaluation';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ evaluationId: z.string().min(1) });

/** Task PrepareApproval: the adopted grades for the approving organization's decision. Output: { approval }. */
export const createPrepareEvaluationApprovalHandler = (deps: ServiceDeps) => async (event: unknown) => prepareEvaluationApproval(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createPrepareEvaluationApprovalHandler(awsServiceDeps()));
