import { z } from 'zod';
import { COMMITTEE_POST_LABELS, ORG_KIND_LABELS, type CommitteeMember, type CommitteePost, type OrgKind } from '../domain/registry/organization';
import { choice, decimal, optionalIsoDate, optionalText, requiredText } from './form-fields';

/** Forms of the organization registry (组织管理). Committee rows are flat fields `committee.<n>.name|post|duty`. */

export const COMMITTEE_ROWS = 12;
export const ORG_KINDS = Object.keys(ORG_KIND_LABELS) as [OrgKind, ...OrgKind[]];
const POSTS = Object.keys(COMMITTEE_POST_LABELS) as [CommitteePost, ...CommitteePost[]];

/** The form's version: the record's version when the form was shown (a stale form is refused with 409). */
export const versionField = decimal(z
  .number({ error: '表单已失效，请刷新页面后重新填写。' })
  .int('表单已失效，请刷新页面后重新填写。')
  .min(1, '表单已失效，请刷新页面后重新填写。'));

/** An HTML checkbox: present ('on', 'true', '1') or absent. */
export const checkbox = z
  .string()
  .optional()
  .transform((value) => value === 'on' || value === 'true' || value === '1');

const committeeRow = z.object({
  name: requiredText('委员姓名', 30),
  post: choice('职务', POSTS),
  duty: optionalText('分工', 30),
});

/** The committee rows that have a name (or any other field filled in); per-row messages as `committee.<n>.<field>`. */
export const committeeSchema = z
  .record(z.string(), z.string())
  .transform((form, ctx) => {
    const members: CommitteeMember[] = [];
    for (let n = 0; n < COMMITTEE_ROWS; n += 1) {
      const row = { name: form[`committee.${n}.name`] ?? '', post: form[`committee.${n}.post`] ?? '', duty: form[`committee.${n}.duty`] ?? '' };
      if (!row.name.trim() && !row.duty.trim()) continue;
      const parsed = committeeRow.safeParse(row);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: [`committee.${n}.${String(issue.path[0])}`], message: issue.message });
        continue;
      }
      members.push({ name: parsed.data.name, post: parsed.data.post, ...(parsed.data.duty ? { duty: parsed.data.duty } : {}) });
    }
    if (members.filter((m) => m.post === 'secretary').length > 1) ctx.addIssue({ code: 'custom', path: ['committee.0.post'], message: '一个组织只能有一名书记。' });
    return members;
  });

const termFields = {
  termStart: optionalIsoDate('任期开始日期'),
  termEnd: optionalIsoDate('任期届满日期'),
};

function termOrder(value: { termStart?: string; termEnd?: string }, ctx: z.RefinementCtx): void {
  if (value.termStart && value.termEnd && value.termEnd <= value.termStart) {
    ctx.addIssue({ code: 'custom', path: ['termEnd'], message: '任期届满日期应晚于任期开始日期。' });
  }
}

export const createOrganizationForm = z
  .object({
    name: requiredText('组织名称', 100),
    kind: choice('组织类别', ORG_KINDS),
    parentId: optionalText('上级组织', 100),
    mayApprove: checkbox,
    ...termFields,
  })
  .superRefine(termOrder);

export const editOrganizationForm = z
  .object({
    name: requiredText('组织名称', 100),
    mayApprove: checkbox,
    version: versionField,
    ...termFields,
  })
  .superRefine(termOrder);

export const moveOrganizationForm = z.object({
  parentId: requiredText('新的上级组织', 100),
  version: versionField,
});

export const closeOrganizationForm = z.object({
  reason: requiredText('撤销原因', 500),
  closedOn: z.string().optional(),
  version: versionField,
});
