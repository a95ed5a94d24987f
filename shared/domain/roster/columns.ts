/** The roster's columns (花名册): Chinese headers with the variants people use, and how a header row is recognized. */

export type RosterField =
  | 'name' | 'gender' | 'ethnicity' | 'birthDate' | 'idNumber' | 'education' | 'unitPost'
  | 'phone' | 'email' | 'org' | 'status' | 'statusDate' | 'applicationDate';

export interface RosterColumn {
  field: RosterField;
  /** The header written in exports and the template. */
  header: string;
  /** Other headers accepted (compared after normalizeHeader). */
  aliases: readonly string[];
  required: boolean;
  /** What to put in the column, for the import page. */
  hint: string;
}

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { field: 'name', header: '姓名', aliases: ['名字'], required: true, hint: '与身份证一致。' },
  { field: 'gender', header: '性别', aliases: [], required: true, hint: '男 或 女，须与身份证号一致。' },
  { field: 'ethnicity', header: '民族', aliases: [], required: false, hint: '如 汉族、回族。' },
  { field: 'birthDate', header: '出生日期', aliases: ['出生年月', '出生年月日', '生日'], required: true, hint: '须与身份证号一致；可只填年月。' },
  { field: 'idNumber', header: '身份证号', aliases: ['身份证号码', '公民身份号码', '公民身份证号', '身份证', '证件号码'], required: true, hint: '18 位；在 Excel 中请将此列设为“文本”格式，否则后几位会变成 0。' },
  { field: 'education', header: '学历', aliases: ['文化程度', '最高学历'], required: false, hint: '如 大学本科、硕士研究生。' },
  { field: 'unitPost', header: '单位及职务', aliases: ['工作单位及职务', '单位职务', '工作单位及职务职称', '工作岗位', '职务'], required: false, hint: '如 综合处 一级主任科员。' },
  { field: 'phone', header: '联系电话', aliases: ['手机', '手机号', '手机号码', '电话', '电话号码', '联系方式'], required: false, hint: '手机或座机号码。' },
  { field: 'email', header: '电子邮箱', aliases: ['邮箱', '电子邮件', 'email', 'e-mail'], required: false, hint: '可不填。' },
  { field: 'org', header: '所在党组织', aliases: ['党组织', '所在党支部', '党支部', '所在支部', '支部', '所属党组织', '所属支部', '组织编号'], required: true, hint: '党组织全称（与系统中的名称一致）或组织编号。' },
  { field: 'status', header: '党员状态', aliases: ['人员类别', '政治面貌', '类别', '状态', '人员状态'], required: true, hint: '入党申请人、入党积极分子、发展对象、预备党员 或 正式党员。' },
  { field: 'statusDate', header: '状态日期', aliases: ['状态时间', '状态变更日期', '取得状态日期'], required: true, hint: '成为现状态的日期，如正式党员填转正日期。' },
  { field: 'applicationDate', header: '入党申请日期', aliases: ['申请入党日期', '递交入党申请书日期', '入党申请时间', '申请日期'], required: false, hint: '可不填。' },
];

export const ROSTER_FIELD_LABELS = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.field, c.header])) as Record<RosterField, string>;

/** A header as compared: no spaces, no required-markers (*, （必填）), no brackets, Latin letters lower-case. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[(（]\s*(必填|选填|可选|必须)\s*[)）]/g, '')
    .replace(/[\s*＊:：()（）\[\]【】]/g, '')
    .toLowerCase();
}

const HEADER_INDEX = new Map<string, RosterField>(
  ROSTER_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normalizeHeader(h), c.field] as [string, RosterField])),
);

export function fieldForHeader(text: string): RosterField | undefined {
  return HEADER_INDEX.get(normalizeHeader(text));
}

export interface HeaderMatch {
  /** Index of the header row in the table. */
  rowIndex: number;
  /** For each column: the field it holds, or undefined (ignored). The first column with a field wins. */
  fields: (RosterField | undefined)[];
  missing: RosterField[];
  /** Headers that are not roster columns (or repeat one), shown as "ignored". */
  ignored: string[];
}

function matchRow(cells: readonly string[], rowIndex: number): HeaderMatch {
  const seen = new Set<RosterField>();
  const ignored: string[] = [];
  const fields = cells.map((cell) => {
    const field = fieldForHeader(cell);
    if (!field || seen.has(field)) {
      if (cell.trim()) ignored.push(cell.trim());
      return undefined;
    }
    seen.add(field);
    return field;
  });
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !seen.has(c.field)).map((c) => c.field);
  return { rowIndex, fields, missing, ignored };
}

/** How many of the first rows may come before the header (a title such as “某某党支部党员花名册”). */
export const HEADER_SEARCH_ROWS = 5;

/** The header row: among the first rows, the one with the most roster columns (ties: the first). */
export function findHeaderRow(table: readonly (readonly string[])[]): HeaderMatch | undefined {
  let best: HeaderMatch | undefined;
  let bestCount = 0;
  table.slice(0, HEADER_SEARCH_ROWS).forEach((cells, index) => {
    const match = matchRow(cells, index);
    const count = match.fields.filter(Boolean).length;
    if (count > bestCount) [best, bestCount] = [match, count];
  });
  return bestCount >= 2 ? best : undefined;
}
