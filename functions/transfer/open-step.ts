import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { openTransferStep } from '../../shared/services/transfer';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({
  transferId: z.string().min(1),
  step: z.enum(['letter', 'arrival', 'receipt']),
  taskToken: z.string().min(1),
});

/** Every human step of a transfer (callback): open the pending step; the staff form resumes the workflow. */
export const createOpenTransferStepHandler = (deps: ServiceDeps) => async (event: unknown) => {
  await openTransferStep(deps, eventSchema.parse(event));
  return {};
};

export const handler = lazyHandler(() => createOpenTransferStepHandler(awsServiceDeps()));
