import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { recordCandidateNoticeResults } from '../../shared/services/election';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({
  electionId: z.string().min(1),
  results: z.array(z.object({ noticeId: z.string().min(1), result: z.enum(['proceed', 'postponed', 'stopped', 'withdrawn']) })),
});

/** Task NoteNoticeResults: the candidate notices ended; any not proceeding sends the election back. Output: { stopped }. */
export const createNoteCandidateNoticesHandler = (deps: ServiceDeps) => async (event: unknown) => recordCandidateNoticeResults(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createNoteCandidateNoticesHandler(awsServiceDeps()));
