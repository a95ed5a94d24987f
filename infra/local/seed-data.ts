import type { StaffRole } from '../../shared/services/actor';
import type { Organization } from '../../shared/store/orgs-repo';
import type { MembershipStatus, Person } from '../../shared/store/people-repo';

/** Demo data for the local runtime (fake people; ID numbers carry a valid GB 11643 check digit). */

export const DEMO_ORG_IDS = {
  committee: 'demo-working-committee',
  agency: 'demo-agency-committee',
  office: 'demo-branch-office',
  business: 'demo-branch-business-1',
} as const;

export const DEMO_ORGANIZATIONS: Organization[] = [
  { id: DEMO_ORG_IDS.committee, name: '中共示例市直机关工作委员会', kind: 'working-committee' },
  { id: DEMO_ORG_IDS.agency, name: '中共示例市数据管理局机关委员会', parentId: DEMO_ORG_IDS.committee, kind: 'committee' },
  { id: DEMO_ORG_IDS.office, name: '中共示例市数据管理局办公室支部委员会', parentId: DEMO_ORG_IDS.agency, kind: 'branch' },
  { id: DEMO_ORG_IDS.business, name: '中共示例市数据管理局业务一处支部委员会', parentId: DEMO_ORG_IDS.agency, kind: 'branch' },
];

const ALL_ORGS = Object.values(DEMO_ORG_IDS);

export interface DemoSignIn {
  username: string;
  password: string;
  role: StaffRole;
  displayName: string;
  /** What the account is, in Chinese, for the start-up banner. */
  description: string;
  orgId: string;
  scopeOrgIds: string[];
  email: string;
}

/** Demo accounts; the password is deliberately simple (local runtime only). */
export const DEMO_PASSWORD = 'demo2026';

export const DEMO_SIGN_INS: DemoSignIn[] = [
  { username: 'admin', password: DEMO_PASSWORD, role: 'admin', displayName: '系统管理员', description: '管理员（全部组织，节假日安排）', orgId: DEMO_ORG_IDS.committee, scopeOrgIds: ALL_ORGS, email: 'admin@demo.example.org' },
  { username: 'zuzhiyuan', password: DEMO_PASSWORD, role: 'committee-staff', displayName: '王组织员', description: '机关党委组织员（全部组织）', orgId: DEMO_ORG_IDS.agency, scopeOrgIds: ALL_ORGS, email: 'zuzhiyuan@demo.example.org' },
  { username: 'bangongshi', password: DEMO_PASSWORD, role: 'branch-staff', displayName: '李书记（办公室党支部）', description: '办公室党支部书记', orgId: DEMO_ORG_IDS.office, scopeOrgIds: [DEMO_ORG_IDS.office], email: 'bangongshi@demo.example.org' },
  { username: 'yewuyichu', password: DEMO_PASSWORD, role: 'branch-staff', displayName: '赵书记（业务一处党支部）', description: '业务一处党支部书记', orgId: DEMO_ORG_IDS.business, scopeOrgIds: [DEMO_ORG_IDS.business], email: 'yewuyichu@demo.example.org' },
];

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** An 18-character resident ID number with its GB 11643 check digit (odd 17th digit: male). */
export function demoIdNumber(region: string, birthDate: string, sequence: number, gender: '男' | '女'): string {
  const order = sequence * 2 + (gender === '男' ? 1 : 0);
  const body = `${region}${birthDate.replaceAll('-', '')}${String(order % 1000).padStart(3, '0')}`;
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * ID_WEIGHTS[index], 0);
  return body + ID_CHECK[sum % 11];
}

type Row = [name: string, gender: '男' | '女', birthDate: string, education: string, post: string, status: MembershipStatus, applicationDate?: string];

const OFFICE: Row[] = [
  ['张伟', '男', '1995-03-12', '大学本科', '综合科 科员', 'activist', '2024-03-15'],
  ['刘洋', '女', '1997-08-26', '硕士研究生', '文秘科 科员', 'development-target', '2023-04-20'],
  ['陈静', '女', '1993-11-05', '大学本科', '综合科 副科长', 'probationary', '2021-05-10'],
  ['杨帆', '男', '1998-01-19', '大学本科', '机要科 科员', 'applicant', '2025-09-03'],
  ['黄丽', '女', '1988-06-30', '硕士研究生', '办公室 副主任', 'full'],
  ['周强', '男', '1990-12-08', '大学本科', '文秘科 科长', 'full'],
];

const BUSINESS: Row[] = [
  ['吴敏', '女', '1996-04-17', '硕士研究生', '数据标准科 科员', 'activist', '2024-05-06'],
  ['徐磊', '男', '1994-09-23', '大学本科', '数据共享科 科员', 'development-target', '2023-03-28'],
  ['孙婷', '女', '1999-02-14', '大学本科', '数据标准科 科员', 'applicant', '2025-10-11'],
  ['马超', '男', '1992-07-01', '博士研究生', '业务一处 副处长', 'probationary', '2021-06-18'],
  ['朱琳', '女', '1987-10-09', '硕士研究生', '业务一处 处长', 'full'],
  ['胡军', '男', '1991-05-27', '大学专科', '数据共享科 副科长', 'full'],
];

function people(rows: Row[], orgId: string, unit: string, prefix: string, phoneBase: number): Person[] {
  return rows.map(([name, gender, birthDate, education, post, status, applicationDate], index) => ({
    id: `${prefix}-${String(index + 1).padStart(2, '0')}`,
    orgId,
    name,
    gender,
    birthDate,
    idNumber: demoIdNumber('110105', birthDate, 40 + index, gender),
    education,
    unitPost: `${unit}${post}`,
    phone: String(phoneBase + index * 1011),
    email: `${prefix}-${index + 1}@demo.example.org`,
    address: `示例市东城区示例路 ${index + 11} 号`,
    status,
    applicationDate,
  }));
}

export const DEMO_PEOPLE: Person[] = [
  ...people(OFFICE, DEMO_ORG_IDS.office, '示例市数据管理局办公室', 'demo-office', 13910012001),
  ...people(BUSINESS, DEMO_ORG_IDS.business, '示例市数据管理局业务一处', 'demo-business', 13820023002),
];
