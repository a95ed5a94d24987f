import { fileEventSchema } from '../../shared/schemas/development-events';
import type { ServiceDeps } from '../../shared/services/deps';
import { recordFiling } from '../../shared/services/development';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

/** Task …Filing (steps 4, 8, 18): record the filing, e-mail the higher organization an acknowledgment link. */
export const createFileHandler = (deps: ServiceDeps) => async (event: unknown) => {
  return recordFiling(deps, fileEventSchema.parse(event));
};

export const handler = lazyHandler(() => createFileHandler(awsServiceDeps()));
