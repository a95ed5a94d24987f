import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { prepareGradesNotice } from '../../shared/services/evaluation';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ evaluationId: z.string().min(1) });

/** Task PrepareGradesNotice: the approved grades as an internal notice draft. Output: { draft }. */
export const createPrepareGradesNoticeHandler = (deps: ServiceDeps) => async (event: unknown) => prepareGradesNotice(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createPrepareGradesNoticeHandler(awsServiceDeps()));
