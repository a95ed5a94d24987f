import { endStageEventSchema } from '../../shared/schemas/development-events';
import type { ServiceDeps } from '../../shared/services/deps';
import { endStage } from '../../shared/services/development';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

/** Task Stage…: the stage ended; the case's status, dates and next stage, with the audit event. */
export const createEndStageHandler = (deps: ServiceDeps) => async (event: unknown) => {
  return endStage(deps, endStageEventSchema.parse(event));
};

export const handler = lazyHandler(() => createEndStageHandler(awsServiceDeps()));
