import { z } from 'zod';
import { ELECTION_STEPS, type ElectionStepKey } from '../../shared/domain/election/election';
import type { ServiceDeps } from '../../shared/services/deps';
import { openElectionStep } from '../../shared/services/election';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({
  electionId: z.string().min(1),
  stepKey: z.string().refine((key): key is ElectionStepKey => Object.hasOwn(ELECTION_STEPS, key)),
  taskToken: z.string().min(1),
  after: z.string().min(1).optional(),
});

/** Every human step of an election (callback): open the pending step; the form or round entry resumes the workflow. */
export const createOpenElectionStepHandler = (deps: ServiceDeps) => async (event: unknown) => {
  const request = eventSchema.parse(event);
  await openElectionStep(deps, { ...request, stepKey: request.stepKey as ElectionStepKey });
  return {};
};

export const handler = lazyHandler(() => createOpenElectionStepHandler(awsServiceDeps()));
