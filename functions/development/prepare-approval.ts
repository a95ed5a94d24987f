import { prepareApprovalEventSchema } from '../../shared/schemas/development-events';
import type { ServiceDeps } from '../../shared/services/deps';
import { prepareCaseApproval } from '../../shared/services/development';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

/** Task Prepare… (steps 13, 17, 24): the approval request for the nested approval execution. */
export const createPrepareApprovalHandler = (deps: ServiceDeps) => async (event: unknown) => {
  return prepareCaseApproval(deps, prepareApprovalEventSchema.parse(event));
};

export const handler = lazyHandler(() => createPrepareApprovalHandler(awsServiceDeps()));
