import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { recordPublication } from '../../shared/services/notice';
import { noticeDraftSchema } from '../../shared/schemas/notice-draft';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ notice: noticeDraftSchema, executionArn: z.string().optional() });

/** Task PublishNotice: record the notice as open and answer its computed end. */
export const createPublishNoticeHandler = (deps: ServiceDeps) => async (event: unknown) => {
  const { notice, executionArn } = eventSchema.parse(event);
  return recordPublication(deps, notice, executionArn);
};

export const handler = lazyHandler(() => createPublishNoticeHandler(awsServiceDeps()));
