import { recordDecisionEventSchema } from '../../shared/schemas/development-events';
import type { ServiceDeps } from '../../shared/services/deps';
import { recordApprovalDecision } from '../../shared/services/development';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

/** Task Record…: the higher committee's decision as the step's record. */
export const createRecordDecisionHandler = (deps: ServiceDeps) => async (event: unknown) => {
  return recordApprovalDecision(deps, recordDecisionEventSchema.parse(event));
};

export const handler = lazyHandler(() => createRecordDecisionHandler(awsServiceDeps()));
