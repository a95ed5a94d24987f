import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { publishCircularWhenDone } from '../../shared/services/assessment';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ committeeId: z.string().min(1), periodKey: z.string().min(1) });

/** Task PeriodDone: when every report of the period is scored, the circular goes out (once). Output: { published }. */
export const createPeriodDoneHandler = (deps: ServiceDeps) => async (event: unknown) => publishCircularWhenDone(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createPeriodDoneHandler(awsServiceDeps()));
