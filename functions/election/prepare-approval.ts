import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { prepareElectionApproval } from '../../shared/services/election';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ electionId: z.string().min(1), kind: z.enum(['request', 'candidate-list', 'election-result']) });

/** Tasks Prepare…Approval: the request of the nested approval execution, to the approving organization. */
export const createPrepareElectionApprovalHandler = (deps: ServiceDeps) => async (event: unknown) => prepareElectionApproval(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createPrepareElectionApprovalHandler(awsServiceDeps()));
