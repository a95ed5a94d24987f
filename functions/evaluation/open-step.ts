import { z } from 'zod';
import { EVALUATION_STEPS, type EvaluationStepKey } from '../../shared/domain/evaluation/evaluation';
import type { ServiceDeps } from '../../shared/services/deps';
import { openEvaluationStep } from '../../shared/services/evaluation';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({
  evaluationId: z.string().min(1),
  stepKey: z.string().refine((key): key is EvaluationStepKey => Object.hasOwn(EVALUATION_STEPS, key)),
  taskToken: z.string().min(1),
  after: z.string().min(1).optional(),
});

/** Every human step of an evaluation (callback): open the pending step; the form resumes the workflow. */
export const createOpenEvaluationStepHandler = (deps: ServiceDeps) => async (event: unknown) => {
  const request = eventSchema.parse(event);
  await openEvaluationStep(deps, { ...request, stepKey: request.stepKey as EvaluationStepKey });
  return {};
};

export const handler = lazyHandler(() => createOpenEvaluationStepHandler(awsServiceDeps()));
