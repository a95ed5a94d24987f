import { z } from 'zod';

const common = {
  id: z.string().min(1).max(64),
  orgId: z.string().min(1),
  orgName: z.string(),
  objectionContact: z.object({ office: z.string(), contact: z.string() }),
  period: z.object({ unit: z.enum(['workingDays', 'calendarDays']), count: z.number().int().min(1).max(30) }),
  createdBy: z.string(),
};

const subject = z.object({
  name: z.string().min(1),
  gender: z.enum(['男', '女']),
  birthYearMonth: z.string().regex(/^\d{4}-\d{2}$/),
  education: z.string(),
  unitPost: z.string(),
}).strict();

/** A notice about one person: only what docs/domain/organizations-and-people.md lets a notice show (strict: no ID number, phone, address). */
const personDraft = z.object({
  ...common,
  kind: z.enum(['activist', 'development-target', 'admission', 'conversion', 'candidates', 'other']),
  audience: z.enum(['public', 'internal']),
  subject,
  applicationDate: z.string().optional(),
  previousStage: z.object({ label: z.string(), date: z.string() }).optional(),
  proposedStep: z.string().min(1),
});

const matter = z.object({
  title: z.string().trim().min(1, '请填写公告标题。').max(100, '公告标题不能超过 100 个字。'),
  body: z.string().trim().min(1, '请填写公告正文。').max(5000, '公告正文不能超过 5000 个字。'),
});

/** A notice about a matter (事项): the election announcement, internal only, a title and a text. */
const announcementDraft = z.object({
  ...common,
  kind: z.enum(['election-announcement', 'assessment-circular', 'evaluation-grades']),
  audience: z.literal('internal', { error: '事项公告只能在本组织内部公示，不能在公示栏公开发布。' }),
  matter: matter.strict(),
}).strict();

/** An election's candidate list (one notice for the list): a title, a text and the people, as a person notice shows them. */
const candidateListDraft = z.object({
  ...common,
  kind: z.literal('candidate-list'),
  audience: z.enum(['public', 'internal']),
  matter: matter.extend({ people: z.array(subject).min(1).max(100) }).strict(),
}).strict();

/** The notice process's input as the task Lambdas check it (a workflow input is input too). */
export const noticeDraftSchema = z.discriminatedUnion('kind', [personDraft, announcementDraft, candidateListDraft]);
