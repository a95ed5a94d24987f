import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { openYearEndRating } from '../../shared/services/assessment';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ committeeId: z.string().min(1), year: z.number().int(), taskToken: z.string().min(1) });

/** Task RateReports (callback): the committee's year-end task; the year-end page resumes the workflow. */
export const createOpenYearEndRatingHandler = (deps: ServiceDeps) => async (event: unknown) => {
  await openYearEndRating(deps, eventSchema.parse(event));
  return {};
};

export const handler = lazyHandler(() => createOpenYearEndRatingHandler(awsServiceDeps()));
