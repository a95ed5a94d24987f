import { prepareNoticeEventSchema } from '../../shared/schemas/development-events';
import type { ServiceDeps } from '../../shared/services/deps';
import { prepareCaseNotice } from '../../shared/services/development';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

/** Task Prepare…Notice: the notice draft of a node, for the nested notice execution. */
export const createPrepareNoticeHandler = (deps: ServiceDeps) => async (event: unknown) => {
  return prepareCaseNotice(deps, prepareNoticeEventSchema.parse(event));
};

export const handler = lazyHandler(() => createPrepareNoticeHandler(awsServiceDeps()));
