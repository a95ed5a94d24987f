import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { recordElectionResults } from '../../shared/services/election';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ electionId: z.string().min(1) });

/** Task RecordResults: the approved new committee and its term written to the organization. */
export const createRecordElectionResultsHandler = (deps: ServiceDeps) => async (event: unknown) => recordElectionResults(deps, eventSchema.parse(event));

export const handler = lazyHandler(() => createRecordElectionResultsHandler(awsServiceDeps()));
