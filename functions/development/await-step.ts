import type { DevelopmentTaskKey } from '../../shared/domain/development/steps';
import { awaitStepEventSchema } from '../../shared/schemas/development-events';
import type { ServiceDeps } from '../../shared/services/deps';
import { openStepTask } from '../../shared/services/development';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

/** Task of a form step (callback): open the pending step for staff; the form's submission resumes the stage. */
export const createAwaitStepHandler = (deps: ServiceDeps) => async (event: unknown) => {
  const request = awaitStepEventSchema.parse(event);
  await openStepTask(deps, { ...request, stepKey: request.stepKey as DevelopmentTaskKey });
  return {};
};

export const handler = lazyHandler(() => createAwaitStepHandler(awsServiceDeps()));
