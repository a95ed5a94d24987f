import { z } from 'zod';
import { EXCLUSION_REASON_LABELS, RECORDABLE_STATUSES, RIGHTS_STATE_LABELS, type AttendanceExclusionReason, type MembershipStatus, type RightsState } from '../domain/registry/person';
import { choice, decimal, isoDate, optionalIsoDate, optionalText, requiredText } from './form-fields';
import { versionField } from './organization-forms';

/** Forms of the people registry (党员名册): the record, membership status, rights, attendance exclusions. */

/** The statuses a form records (已转出本系统 is set by a transfer only). */
export const MEMBERSHIP_STATUSES = [...RECORDABLE_STATUSES] as [MembershipStatus, ...MembershipStatus[]];
export const RIGHTS_STATES = Object.keys(RIGHTS_STATE_LABELS) as [RightsState, ...RightsState[]];
export const EXCLUSION_REASONS = Object.keys(EXCLUSION_REASON_LABELS) as [AttendanceExclusionReason, ...AttendanceExclusionReason[]];

/** The fields of a person's record that staff edit (the ID number: required when adding, optional when editing). */
const recordFields = {
  orgId: requiredText('所属组织', 100),
  name: requiredText('姓名', 30),
  gender: choice('性别', ['男', '女']),
  ethnicity: requiredText('民族', 20),
  birthDate: isoDate('出生日期'),
  education: requiredText('学历', 30),
  unitPost: requiredText('单位及职务', 100),
  phone: requiredText('联系电话', 30).regex(/^[0-9+\-() ]{5,30}$/, '联系电话只能包含数字、空格和 + - ( )。'),
  email: z
    .union([z.literal(''), z.email('电子邮箱格式不正确。')])
    .optional()
    .transform((value) => value || undefined),
  address: optionalText('家庭住址', 200),
  applicationDate: optionalIsoDate('递交入党申请书日期'),
};

export const createPersonForm = z.object({
  ...recordFields,
  idNumber: requiredText('身份证号', 40),
  status: choice('党员状态', MEMBERSHIP_STATUSES),
  statusFrom: isoDate('状态起始日期'),
});

/** Editing: a blank ID number keeps the stored one (the form never shows it in full). */
export const editPersonForm = z.object({ ...recordFields, idNumber: optionalText('身份证号', 40), version: versionField });

export const personStatusForm = z.object({
  status: choice('党员状态', MEMBERSHIP_STATUSES),
  from: isoDate('生效日期'),
  note: optionalText('说明', 200),
  version: versionField,
});

export const personRightsForm = z.object({
  rightsState: choice('权利状态', RIGHTS_STATES),
  from: isoDate('生效日期'),
  note: optionalText('说明（如处分决定文号）', 200),
  version: versionField,
});

export const addExclusionForm = z
  .object({
    reason: choice('不计入应到会人数的原因', EXCLUSION_REASONS),
    from: isoDate('开始日期'),
    to: optionalIsoDate('结束日期'),
    note: optionalText('说明', 200),
    version: versionField,
  })
  .superRefine((value, ctx) => {
    if (value.to && value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期。' });
  });

export const endExclusionForm = z.object({
  index: decimal(z.number({ error: '请选择要结束的情形。' }).int('请选择要结束的情形。').min(0, '请选择要结束的情形。')),
  to: isoDate('结束日期'),
  version: versionField,
});
