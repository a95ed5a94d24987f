import { z } from 'zod';
import type { ServiceDeps } from '../../shared/services/deps';
import { openAssessmentReport } from '../../shared/services/assessment';
import { awsServiceDeps } from '../adapters/aws-deps';
import { lazyHandler } from '../adapters/lazy-handler';

const eventSchema = z.object({ committeeId: z.string().min(1), periodKey: z.string().min(1), orgId: z.string().min(1), taskToken: z.string().min(1) });

/** Task Report (callback): the organization's report task; the report form resumes the workflow. */
export const createOpenAssessmentReportHandler = (deps: ServiceDeps) => async (event: unknown) => {
  await openAssessmentReport(deps, eventSchema.parse(event));
  return {};
};

export const handler = lazyHandler(() => createOpenAssessmentReportHandler(awsServiceDeps()));
