import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { closeNoticeAtEnd } from '../../shared/services/notice';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ noticeId: z.string().min(1) });

/** Task CloseNotice: the wait reached the end. */
export const createCloseNoticeHandler = (deps: ServiceDeps) => async (event: unknown) => {
  const { noticeId } = eventSchema.parse(event);
  return closeNoticeAtEnd(deps, noticeId);
};

export const handler = lazyHandler(() => createCloseNoticeHandler(awsServiceDeps()));
