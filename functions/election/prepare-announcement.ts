import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { prepareAnnouncementNotice } from '../../shared/services/election';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ electionId: z.string().min(1) });

/** Task PrepareAnnouncementNotice: the recorded announcement as an internal notice draft. Output: { draft }. */
export const createPrepareAnnouncementHandler = (deps: ServiceDeps) => async (event: unknown) => prepareAnnouncementNotice(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createPrepareAnnouncementHandler(awsServiceDeps()));
