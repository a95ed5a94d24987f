import { z } from 'zod';
import { OBJECTION_LIMITS } from '../domain/notice/objection';
import { choice, decimal, optionalIsoDate, optionalText, requiredText } from './form-fields';

/** The public objection form (异议): content required; name and contact optional. */
export const objectionForm = z.object({
  content: requiredText('异议内容', OBJECTION_LIMITS.content),
  name: optionalText('姓名', OBJECTION_LIMITS.name),
  contact: optionalText('联系方式', OBJECTION_LIMITS.contact),
});

/** Staff: publish a notice (发布公示) for a person of their organization. */
export const publishNoticeForm = z.object({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '表单已失效，请刷新页面后重新填写。'),
  personId: requiredText('公示对象', 100),
  kind: choice('公示类别', ['activist', 'development-target', 'admission', 'conversion', 'other']),
  audience: choice('公示范围', ['public', 'internal']),
  applicationDate: optionalIsoDate('递交入党申请书日期'),
  previousStageLabel: optionalText('上一阶段名称', 50),
  previousStageDate: optionalIsoDate('上一阶段日期'),
  proposedStep: requiredText('拟办事项', 200),
  office: requiredText('受理部门', 100),
  contact: requiredText('联系方式', 100),
  periodUnit: choice('公示期计算方式', ['workingDays', 'calendarDays']),
  periodCount: decimal(z
    .number({ error: '公示期天数应为数字。' })
    .int('公示期天数应为整数。')
    .min(1, '公示期至少 1 天。')
    .max(30, '公示期不能超过 30 天。')),
});

export const withdrawNoticeForm = z.object({
  reason: requiredText('撤回原因', 500),
});

const decision = choice('调查结论', ['unfounded', 'postpone', 'founded']);

/** Staff: the outcome of each objection, fields decision.<id>, note.<id>, reviewDate.<id>. */
export function objectionOutcomesForm(objectionIds: string[], today: string) {
  const shape: Record<string, z.ZodType> = {};
  for (const id of objectionIds) {
    shape[`decision.${id}`] = decision;
    shape[`note.${id}`] = requiredText('调查情况说明', 2000);
    shape[`reviewDate.${id}`] = optionalIsoDate('复核日期');
  }
  return z
    .object(shape)
    .superRefine((form, context) => {
      for (const id of objectionIds) {
        const reviewDate = form[`reviewDate.${id}`] as string | undefined;
        if (form[`decision.${id}`] !== 'postpone') continue;
        if (!reviewDate) context.addIssue({ code: 'custom', path: [`reviewDate.${id}`], message: '暂缓时请填写复核日期。' });
        else if (reviewDate <= today) context.addIssue({ code: 'custom', path: [`reviewDate.${id}`], message: '复核日期应晚于今天。' });
      }
    });
}

