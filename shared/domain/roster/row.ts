import { ID_NUMBER_PROBLEM_MESSAGES, idNumberBirthDate, idNumberProblems, normalizeIdNumber } from '../registry/id-number';
import type { Organization } from '../registry/organization';
import { MEMBERSHIP_STATUS_LABELS, RECORDABLE_STATUSES, type MembershipStatus } from '../registry/person';
import { ROSTER_COLUMNS, ROSTER_FIELD_LABELS, type RosterField } from './columns';
import { chineseDate, parseRosterDate } from './dates';

/** One data row of the file: its number as the spreadsheet shows it (header = 1 when first) and its cells by field. */
export interface RosterRow {
  rowNumber: number;
  values: Partial<Record<RosterField, string>>;
}

/** A row's content once valid. Optional fields are undefined when the cell was blank (blank never erases). */
export interface RosterRecord {
  name: string;
  gender: '男' | '女';
  ethnicity?: string;
  birthDate: string;
  idNumber: string;
  education?: string;
  unitPost?: string;
  phone?: string;
  email?: string;
  orgId: string;
  status: MembershipStatus;
  statusDate: string;
  applicationDate?: string;
}

export interface RowProblem {
  field?: RosterField;
  message: string;
}

export type OrgResolution =
  | { kind: 'found'; org: Organization }
  | { kind: 'unknown' | 'ambiguous' | 'closed' | 'out-of-scope'; text: string };

export interface RowContext {
  /** Today in China (YYYY-MM-DD): no date may be later. */
  today: string;
  resolveOrg(text: string): OrgResolution;
}

const STATUS_WORDS = new Map<string, MembershipStatus>([
  ...RECORDABLE_STATUSES.map((status) => [MEMBERSHIP_STATUS_LABELS[status], status] as const),
  ['申请人', 'applicant'], ['入党申请', 'applicant'], ['积极分子', 'activist'],
  ['预备', 'probationary'], ['中共预备党员', 'probationary'], ['正式', 'full'], ['党员', 'full'], ['中共党员', 'full'],
]);

export function parseMembershipStatus(text: string): MembershipStatus | undefined {
  return STATUS_WORDS.get(text.normalize('NFKC').replace(/\s/g, ''));
}

const ORG_MESSAGES: Record<Exclude<OrgResolution['kind'], 'found'>, (text: string) => string> = {
  unknown: (t) => `系统中没有“${t}”这个党组织，请核对名称（或填写组织编号），或先在组织管理中添加。`,
  ambiguous: (t) => `有多个党组织名为“${t}”，请改填组织编号。`,
  closed: (t) => `党组织“${t}”已撤销，不能再导入人员。`,
  'out-of-scope': (t) => `党组织“${t}”不在您的管理范围内。`,
};

/** Excel turned an ID number into a number: “1.10105E+17”. */
const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/i;
const PHONE_DIGITS = /^\+?[\d\s\-()（）]{7,24}(转\d{1,6})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_TEXT = 100;

/** A row's problems in Chinese, and its record when it has none. Pure: organizations come from `context`. */
export function validateRosterRow(row: RosterRow, context: RowContext): { problems: RowProblem[]; record?: RosterRecord } {
  const problems: RowProblem[] = [];
  const add = (field: RosterField, message: string) => problems.push({ field, message });
  const text = (field: RosterField) => (row.values[field] ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
  for (const column of ROSTER_COLUMNS) {
    if (column.required && !text(column.field)) add(column.field, `未填写“${column.header}”。`);
    else if (text(column.field).length > MAX_TEXT) add(column.field, `“${column.header}”过长（最多 ${MAX_TEXT} 个字）。`);
  }

  const date = (field: RosterField, options: { yearMonth?: boolean } = {}): string | undefined => {
    const raw = text(field);
    if (!raw) return undefined;
    const parsed = parseRosterDate(raw);
    const label = ROSTER_FIELD_LABELS[field];
    if (parsed.kind === 'invalid') {
      add(field, parsed.reason === 'impossible' ? `${label}“${raw}”不存在。` : `${label}“${raw}”无法识别，请按 2026-09-23 或 2026年9月23日 的格式填写。`);
      return undefined;
    }
    if (parsed.kind === 'year-month') {
      if (options.yearMonth) return parsed.yearMonth;
      add(field, `${label}“${raw}”缺少日，请填写完整日期。`);
      return undefined;
    }
    if (parsed.date > context.today) add(field, `${label}（${chineseDate(parsed.date)}）晚于今天。`);
    return parsed.date;
  };

  const genderText = text('gender').replace(/性$/, '');
  const gender = genderText === '男' || genderText === '女' ? genderText : undefined;
  if (text('gender') && !gender) add('gender', `性别“${text('gender')}”无法识别，应填写“男”或“女”。`);

  let birthDate = date('birthDate', { yearMonth: true });
  const rawId = text('idNumber').replace(/\s/g, '');
  const idNumber = normalizeIdNumber(rawId);
  if (rawId && SCIENTIFIC.test(rawId)) {
    add('idNumber', `身份证号被 Excel 存成了数字（${rawId}），后几位已丢失。请将该列设为“文本”格式，重新录入后再导入。`);
  } else if (rawId) {
    const idBirth = /^\d{17}[\dX]$/.test(idNumber) ? idNumberBirthDate(idNumber) : undefined;
    // 出生年月 (year and month only) agrees with the ID number: the ID number gives the day.
    if (birthDate?.length === 7 && idBirth?.startsWith(birthDate)) birthDate = idBirth;
    const checks = idNumberProblems(idNumber, { birthDate: birthDate?.length === 10 ? birthDate : undefined, gender }, context.today);
    for (const problem of checks) add(problem === 'gender-mismatch' ? 'gender' : problem === 'birth-date-mismatch' ? 'birthDate' : 'idNumber', ID_NUMBER_PROBLEM_MESSAGES[problem]);
    if (birthDate?.length === 7 && idBirth) add('birthDate', ID_NUMBER_PROBLEM_MESSAGES['birth-date-mismatch']);
  }
  if (birthDate?.length === 7 && !/^\d{17}[\dX]$/.test(idNumber)) add('birthDate', `出生日期“${text('birthDate')}”缺少日，请填写完整日期。`);

  const phone = text('phone');
  if (phone && !PHONE_DIGITS.test(phone)) add('phone', `联系电话“${phone}”格式不正确。`);
  const email = text('email');
  if (email && !EMAIL.test(email)) add('email', `电子邮箱“${email}”格式不正确。`);

  let orgId: string | undefined;
  if (text('org')) {
    const resolution = context.resolveOrg(text('org'));
    if (resolution.kind === 'found') orgId = resolution.org.id;
    else add('org', ORG_MESSAGES[resolution.kind](resolution.text));
  }

  const status = text('status') ? parseMembershipStatus(text('status')) : undefined;
  if (text('status') && !status) add('status', `党员状态“${text('status')}”无法识别，应为：${Object.values(MEMBERSHIP_STATUS_LABELS).join('、')}。`);

  const statusDate = date('statusDate');
  const applicationDate = date('applicationDate');
  if (statusDate && birthDate && statusDate <= birthDate) add('statusDate', '状态日期应晚于出生日期。');
  if (applicationDate && statusDate && applicationDate > statusDate) add('applicationDate', '入党申请日期晚于状态日期。');

  if (problems.length > 0 || !gender || !birthDate || !orgId || !status || !statusDate) return { problems };
  const optional = (field: RosterField) => text(field) || undefined;
  return {
    problems,
    record: {
      name: text('name'), gender, ethnicity: optional('ethnicity'), birthDate, idNumber, education: optional('education'),
      unitPost: optional('unitPost'), phone: optional('phone'), email: optional('email'), orgId, status, statusDate, applicationDate,
    },
  };
}
