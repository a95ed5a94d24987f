import { DEFAULT_RULE_SET, NOTICE_NODE_LABELS, type DevelopmentRuleSet, type NoticeNode } from '../domain/development/rule-set';
import { InputInvalidError } from '../errors';
import { decimalNumber } from './form-fields';

/** The rule-set form (规则设置): one field per number of docs/domain/development.md-§4, named by its path in DevelopmentRuleSet. */
export interface RuleSetField {
  name: string;
  label: string;
  type: 'int' | 'bool' | 'select';
  options?: ReadonlyArray<readonly [string, string]>;
}

export const RULE_SET_FIELDS: readonly RuleSetField[] = [
  { name: 'minimumAgeYears', label: '申请入党最低年龄（周岁）', type: 'int' },
  { name: 'talkWithinMonths', label: '收到申请书后谈话期限（月）', type: 'int' },
  { name: 'cultivationContacts.min', label: '培养联系人最少人数', type: 'int' },
  { name: 'cultivationContacts.max', label: '培养联系人最多人数', type: 'int' },
  { name: 'sponsorCount', label: '入党介绍人人数', type: 'int' },
  { name: 'evaluationIntervalMonths', label: '积极分子考察间隔（月）', type: 'int' },
  { name: 'minimumCultivationMonths', label: '培养教育考察最短时间（月）', type: 'int' },
  { name: 'training.minDays', label: '集中培训最少天数', type: 'int' },
  { name: 'training.minHours', label: '集中培训最少学时', type: 'int' },
  { name: 'leavingWithinMonths', label: '即将离开本单位不予办理（月内）', type: 'int' },
  { name: 'admissionApproval.dueMonths', label: '接收预备党员审批期限（月）', type: 'int' },
  { name: 'admissionApproval.maxMonths', label: '接收预备党员审批最长期限（月）', type: 'int' },
  { name: 'conversionApproval.dueMonths', label: '转正审批期限（月）', type: 'int' },
  { name: 'probationMonths', label: '预备期（月）', type: 'int' },
  { name: 'extension.minMonths', label: '延长预备期最短（月）', type: 'int' },
  { name: 'extension.maxMonths', label: '延长预备期最长（月）', type: 'int' },
  { name: 'extension.maxTimes', label: '延长预备期最多次数', type: 'int' },
  ...(Object.keys(NOTICE_NODE_LABELS) as NoticeNode[]).map((node) => ({ name: `noticeNodes.${node}`, label: `进行${NOTICE_NODE_LABELS[node]}`, type: 'bool' as const })),
  { name: 'notice.unit', label: '公示期计算方式', type: 'select', options: [['workingDays', '工作日'], ['calendarDays', '自然日']] },
  { name: 'notice.count', label: '公示期天数', type: 'int' },
  { name: 'notice.audience', label: '公示范围', type: 'select', options: [['public', '公开（公示栏）'], ['internal', '本单位内部']] },
];

const read = (rules: object, path: string): unknown => path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], rules);

/** The form values of a rule set (the defaults for a new one). */
export function ruleSetFormValues(rules: DevelopmentRuleSet = DEFAULT_RULE_SET): Record<string, string> {
  const values: Record<string, string> = { ruleSetVersion: '' };
  for (const field of RULE_SET_FIELDS) {
    const value = read(rules, field.name);
    values[field.name] = field.type === 'bool' ? (value ? 'on' : '') : String(value);
  }
  return values;
}

/**
 * The submitted form as rule-set values (checked by `defineRuleSet` afterwards): the version and every number must be
 * filled in; a missing checkbox is "off". Bad fields → InputInvalidError with a Chinese message each.
 */
export function parseRuleSetForm(form: Record<string, string>): Partial<DevelopmentRuleSet> & { ruleSetVersion: string } {
  const errors: Record<string, string> = {};
  const version = (form.ruleSetVersion ?? '').trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/.test(version)) errors.ruleSetVersion = '请填写版本号：字母、数字、点、短横线或下划线，不超过 30 个字符，例如 2026-local。';
  const out: Record<string, Record<string, unknown> | unknown> = { ruleSetVersion: version };
  for (const field of RULE_SET_FIELDS) {
    const raw = (form[field.name] ?? '').trim();
    let value: unknown;
    if (field.type === 'bool') value = raw === 'on' || raw === 'true';
    else if (field.type === 'select') {
      value = raw;
      if (!field.options?.some(([option]) => option === raw)) errors[field.name] = `请选择${field.label}。`;
    } else {
      value = decimalNumber(raw);
      if (raw === '' || !Number.isInteger(value) || (value as number) < 0 || (value as number) > 1000) errors[field.name] = `${field.label}应为 0 至 1000 的整数。`;
    }
    const [head, tail] = field.name.split('.');
    if (tail) out[head] = { ...(out[head] as Record<string, unknown>), [tail]: value };
    else out[head] = value;
  }
  if (Object.keys(errors).length > 0) throw new InputInvalidError(errors);
  return out as Partial<DevelopmentRuleSet> & { ruleSetVersion: string };
}
