import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { prepareCandidateNotices } from '../../shared/services/election';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ electionId: z.string().min(1) });

/** Task PrepareCandidateNotice: one notice draft per approved candidate. Output: { drafts }. */
export const createPrepareCandidateNoticesHandler = (deps: ServiceDeps) => async (event: unknown) => prepareCandidateNotices(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createPrepareCandidateNoticesHandler(awsServiceDeps()));
