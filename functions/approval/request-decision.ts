import type { ServiceDeps } from '../../shared/services/deps';
import { createApprovalRequest } from '../../shared/services/approval';
import { approvalTaskEventSchema } from '../../shared/schemas/approval';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

/** Task RequestDecision (callback): record the approval, e-mail each approver a link; the decision resumes the workflow. */
export const createRequestDecisionHandler = (deps: ServiceDeps) => async (event: unknown) => {
  await createApprovalRequest(deps, approvalTaskEventSchema.parse(event));
  return {};
};

export const handler = lazyHandler(() => createRequestDecisionHandler(awsServiceDeps()));
