import type { ServiceDeps } from '../../shared/services/deps';
import { runScheduledWork } from '../../shared/services/scheduled/tick';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

/** The scheduler's target (every 15 minutes): retries undelivered callbacks, warns about missing calendar years and development deadlines (预警). */
export const createTickHandler = (deps: ServiceDeps) => async () => runScheduledWork(deps);

export const handler = lazyHandler(() => createTickHandler(awsServiceDeps()));
