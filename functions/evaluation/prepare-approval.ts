import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { prepareEvaluationApproval } from '../../shared/services/evaluation';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ evaluationId: z.string().min(1), purpose: z.enum(['grades', 'disposal']).optional() });

/** Task PrepareApproval (or PrepareDisposalApproval): the adopted grades (or 劝其退党 / 除名) for the approving organization's decision. Output: { approval }. */
export const createPrepareEvaluationApprovalHandler = (deps: ServiceDeps) => async (event: unknown) => prepareEvaluationApproval(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createPrepareEvaluationApprovalHandler(awsServiceDeps()));
