import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { openAssessmentReview } from '../../shared/services/assessment';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ committeeId: z.string().min(1), periodKey: z.string().min(1), orgId: z.string().min(1), taskToken: z.string().min(1) });

/** Task Review (callback): the committee's review task; the review form resumes the workflow. */
export const createOpenAssessmentReviewHandler = (deps: ServiceDeps) => async (event: unknown) => {
  await openAssessmentReview(deps, eventSchema.parse(event));
  return {};
};

export const handler = lazyHandler(() => createOpenAssessmentReviewHandler(awsServiceDeps()));
