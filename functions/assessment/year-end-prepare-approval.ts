import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { prepareYearEndApproval } from '../../shared/services/assessment';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ committeeId: z.string().min(1), year: z.number().int() });

/** Task PrepareApproval: the year end's approval request for the committee (output { approval }). */
export const createPrepareYearEndApprovalHandler = (deps: ServiceDeps) => async (event: unknown) => prepareYearEndApproval(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createPrepareYearEndApprovalHandler(awsServiceDeps()));
