import { z } from 'zod';

/** The notice process's input as the task Lambdas check it (a workflow input is input too). */
export const noticeDraftSchema = z.object({
  id: z.string().min(1).max(64),
  orgId: z.string().min(1),
  orgName: z.string(),
  kind: z.enum(['activist', 'development-target', 'admission', 'conversion', 'candidates', 'other']),
  audience: z.enum(['public', 'internal']),
  subject: z.object({
    name: z.string().min(1),
    gender: z.enum(['男', '女']),
    birthYearMonth: z.string().regex(/^\d{4}-\d{2}$/),
    education: z.string(),
    unitPost: z.string(),
  }).strict(),
  applicationDate: z.string().optional(),
  previousStage: z.object({ label: z.string(), date: z.string() }).optional(),
  proposedStep: z.string().min(1),
  objectionContact: z.object({ office: z.string(), contact: z.string() }),
  period: z.object({ unit: z.enum(['workingDays', 'calendarDays']), count: z.number().int().min(1).max(30) }),
  createdBy: z.string(),
});
