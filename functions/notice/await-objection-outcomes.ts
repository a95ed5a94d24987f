import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { openObjectionTask } from '../../shared/services/notice';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ noticeId: z.string().min(1), taskToken: z.string().min(1) });

/** Task HandleObjections (callback): open the pending step for staff; the form's submission resumes the workflow. */
export const createAwaitObjectionOutcomesHandler = (deps: ServiceDeps) => async (event: unknown) => {
  await openObjectionTask(deps, eventSchema.parse(event));
  return {};
};

export const handler = lazyHandler(() => createAwaitObjectionOutcomesHandler(awsServiceDeps()));
