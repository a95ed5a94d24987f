import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { publishYearEnd } from '../../shared/services/assessment';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ committeeId: z.string().min(1), year: z.number().int() });

/** Task Publish: the approved year end as internal notices to the assessed organizations (output { candidates }). */
export const createPublishYearEndHandler = (deps: ServiceDeps) => async (event: unknown) => publishYearEnd(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createPublishYearEndHandler(awsServiceDeps()));
