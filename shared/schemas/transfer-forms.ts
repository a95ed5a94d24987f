import { z } from 'zod';
import { choice, decimal, isoDate, optionalText, requiredText } from './form-fields';

/** The forms of a transfer of membership (docs/domain/transfer.md). */

const personIds = z.preprocess(
  (value) => (Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,，、]+/).filter(Boolean) : value),
  z.array(z.string().trim().min(1), { error: '请选择转出的党员。' }).min(1, '请选择转出的党员。').max(20, '一次最多转出 20 名党员，人数更多时请分批申请。'),
);

export const requestTransferSchema = z
  .object({
    orgId: requiredText('转出组织', 100),
    personIds,
    destinationKind: choice('转往何处', ['within', 'outside']),
    destinationOrgId: optionalText('转入组织', 100),
    outsideOrgName: optionalText('转入组织名称', 100),
    outsideAddress: optionalText('转入组织地址', 200),
    reason: requiredText('转接原因', 200),
    leavingDate: isoDate('离开原单位日期'),
    duesPaidTo: z.string({ error: '请填写党费交至年月。' }).trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '党费交至应为“年-月”格式，例如 2026-09。'),
    idempotencyKey: optionalText('表单编号', 100),
  })
  .superRefine((form, ctx) => {
    if (form.destinationKind === 'within' && !form.destinationOrgId) ctx.addIssue({ code: 'custom', path: ['destinationOrgId'], message: '请选择转入的组织。' });
    if (form.destinationKind === 'outside' && !form.outsideOrgName) ctx.addIssue({ code: 'custom', path: ['outsideOrgName'], message: '请填写转入组织的名称。' });
    if (form.destinationKind === 'outside' && !form.outsideAddress) ctx.addIssue({ code: 'custom', path: ['outsideAddress'], message: '请填写转入组织的地址。' });
  });

export const issueLetterSchema = z.object({
  validityMonths: decimal(z.number({ error: '请填写有效期（月）。' })).optional().default(3),
  version: decimal(z.number({ error: '表单缺少版本号，请刷新页面后重新填写。' }).int()),
});

export const refuseTransferSchema = z.object({
  reason: requiredText('退回原因', 500),
  version: decimal(z.number({ error: '表单缺少版本号，请刷新页面后重新填写。' }).int()),
});

export const versionOnlySchema = z.object({ version: decimal(z.number({ error: '表单缺少版本号，请刷新页面后重新填写。' }).int()) });

export const recordReceiptSchema = z.object({
  receiptDate: isoDate('回执日期'),
  version: decimal(z.number({ error: '表单缺少版本号，请刷新页面后重新填写。' }).int()),
});

export const reissueSchema = z.object({
  reason: requiredText('作废原因', 200),
  version: decimal(z.number({ error: '表单缺少版本号，请刷新页面后重新填写。' }).int()),
});
