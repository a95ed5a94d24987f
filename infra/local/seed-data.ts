import type { StaffRole } from '../../shared/services/actor';
import type { Organization } from '../../shared/store/orgs-repo';
import type { MembershipStatus, Person } from '../../shared/store/people-repo';
import type { AttendanceExclusion, Dated, RightsState } from '../../shared/domain/registry/person';

/** Demo data for the local runtime (fake people; ID numbers carry a valid GB 11643 check digit). */

export const DEMO_ORG_IDS = {
  committee: 'demo-working-committee',
  agency: 'demo-agency-committee',
  office: 'demo-branch-office',
  officeGroup: 'demo-group-office-1',
  businessGeneral: 'demo-general-branch-business',
  business: 'demo-branch-business-1',
  /** A second agency committee with a branch: transfers across committees (docs/domain/transfer.md). */
  finance: 'demo-finance-committee',
  budget: 'demo-branch-budget',
} as const;

type OrgSeed = Pick<Organization, 'id' | 'name' | 'kind' | 'parentId' | 'committee' | 'termStart' | 'termEnd'>;

const ORGS: OrgSeed[] = [
  {
    id: DEMO_ORG_IDS.committee, name: '中共示例市直机关工作委员会', kind: 'working-committee', termStart: '2022-06-15', termEnd: '2027-06-14',
    committee: [{ name: '高建国', post: 'secretary' }, { name: '林海燕', post: 'deputy-secretary' }, { name: '郑志远', post: 'member', duty: '组织部部长' }],
  },
  {
    id: DEMO_ORG_IDS.agency, name: '中共示例市数据管理局机关委员会', kind: 'committee', parentId: DEMO_ORG_IDS.committee, termStart: '2023-04-10', termEnd: '2028-04-09',
    committee: [
      { name: '钱明', post: 'secretary' }, { name: '孔德华', post: 'deputy-secretary', duty: '专职副书记' },
      { name: '王红', post: 'member', duty: '组织委员' }, { name: '曹阳', post: 'member', duty: '宣传委员' }, { name: '冯静', post: 'member', duty: '纪检委员' },
    ],
  },
  {
    id: DEMO_ORG_IDS.office, name: '中共示例市数据管理局办公室支部委员会', kind: 'branch', parentId: DEMO_ORG_IDS.agency, termStart: '2024-01-08', termEnd: '2027-01-07',
    committee: [{ name: '黄丽', post: 'secretary' }, { name: '周强', post: 'member', duty: '组织委员' }, { name: '何芳', post: 'member', duty: '宣传委员' }],
  },
  { id: DEMO_ORG_IDS.officeGroup, name: '办公室党支部第一党小组', kind: 'party-group', parentId: DEMO_ORG_IDS.office, committee: [{ name: '周强', post: 'member', duty: '党小组组长' }] },
  {
    id: DEMO_ORG_IDS.businessGeneral, name: '中共示例市数据管理局业务总支部委员会', kind: 'general-branch', parentId: DEMO_ORG_IDS.agency, termStart: '2023-09-01', termEnd: '2026-08-31',
    committee: [{ name: '罗斌', post: 'secretary' }, { name: '梁雪', post: 'deputy-secretary' }, { name: '谢勇', post: 'member', duty: '组织委员' }],
  },
  {
    id: DEMO_ORG_IDS.business, name: '中共示例市数据管理局业务一处支部委员会', kind: 'branch', parentId: DEMO_ORG_IDS.businessGeneral, termStart: '2024-03-20', termEnd: '2027-03-19',
    committee: [{ name: '朱琳', post: 'secretary' }, { name: '胡军', post: 'member', duty: '组织委员' }, { name: '宋佳', post: 'member', duty: '纪检委员' }],
  },
  {
    id: DEMO_ORG_IDS.finance, name: '中共示例市财政局机关委员会', kind: 'committee', parentId: DEMO_ORG_IDS.committee, termStart: '2023-05-16', termEnd: '2028-05-15',
    committee: [{ name: '韩卫东', post: 'secretary' }, { name: '许文', post: 'member', duty: '组织委员' }, { name: '唐敏', post: 'member', duty: '纪检委员' }],
  },
  {
    id: DEMO_ORG_IDS.budget, name: '中共示例市财政局预算处支部委员会', kind: 'branch', parentId: DEMO_ORG_IDS.finance, termStart: '2024-06-12', termEnd: '2027-06-11',
    committee: [{ name: '邓洁', post: 'secretary' }, { name: '袁刚', post: 'member', duty: '组织委员' }, { name: '彭丽', post: 'member', duty: '宣传委员' }],
  },
];

/** Committees approve (docs/domain/organizations-and-people.md); a general branch, a branch and a party group never do. */
export const DEMO_ORGANIZATIONS: Organization[] = ORGS.map((org) => ({
  ...org,
  mayApprove: org.kind === 'working-committee' || org.kind === 'committee',
  status: 'active',
  version: 1,
}));

export interface DemoSignIn {
  username: string;
  password: string;
  role: StaffRole;
  displayName: string;
  /** What the account is, in Chinese, for the start-up banner. */
  description: string;
  /** The account's organization: its scope is that organization's subtree in the current tree (admin: everything). */
  orgId: string;
  email: string;
}

/** Demo accounts; the password is deliberately simple (local runtime only). */
export const DEMO_PASSWORD = 'demo2026';

export const DEMO_SIGN_INS: DemoSignIn[] = [
  { username: 'admin', password: DEMO_PASSWORD, role: 'admin', displayName: '系统管理员', description: '管理员（全部组织，节假日安排）', orgId: DEMO_ORG_IDS.committee, email: 'admin@demo.example.org' },
  { username: 'zuzhiyuan', password: DEMO_PASSWORD, role: 'committee-staff', displayName: '王红', description: '机关党委组织委员（机关党委以下全部组织）', orgId: DEMO_ORG_IDS.agency, email: 'zuzhiyuan@demo.example.org' },
  { username: 'bangongshi', password: DEMO_PASSWORD, role: 'branch-staff', displayName: '黄丽', description: '办公室党支部书记', orgId: DEMO_ORG_IDS.office, email: 'bangongshi@demo.example.org' },
  { username: 'yewuyichu', password: DEMO_PASSWORD, role: 'branch-staff', displayName: '朱琳', description: '业务一处党支部书记', orgId: DEMO_ORG_IDS.business, email: 'yewuyichu@demo.example.org' },
  { username: 'caizhengju', password: DEMO_PASSWORD, role: 'committee-staff', displayName: '许文', description: '财政局机关党委组织委员（财政局机关党委以下组织）', orgId: DEMO_ORG_IDS.finance, email: 'caizhengju@demo.example.org' },
  { username: 'yusuanchu', password: DEMO_PASSWORD, role: 'branch-staff', displayName: '邓洁', description: '财政局预算处党支部书记', orgId: DEMO_ORG_IDS.budget, email: 'yusuanchu@demo.example.org' },
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

interface Extra {
  /** Membership history (oldest first); the last entry is the current status. */
  history: [MembershipStatus, string][];
  rights?: Dated<RightsState>[];
  exclusions?: AttendanceExclusion[];
  applicationDate?: string;
}

type Row = [name: string, gender: '男' | '女', birthDate: string, education: string, post: string, extra: Extra];

const OFFICE: Row[] = [
  ['张伟', '男', '1995-03-12', '大学本科', '综合科 科员', { history: [['applicant', '2024-03-15'], ['activist', '2024-09-27']], applicationDate: '2024-03-15' }],
  // 刘洋's development case is built with its history at start (seed-history.ts): it makes her an activist, then a development target.
  ['刘洋', '女', '1997-08-26', '硕士研究生', '文秘科 科员', { history: [['applicant', '2025-03-10']], applicationDate: '2025-03-10' }],
  ['陈静', '女', '1993-11-05', '大学本科', '综合科 副科长', { history: [['applicant', '2021-05-10'], ['activist', '2021-11-02'], ['development-target', '2023-03-01'], ['probationary', '2025-06-20']], applicationDate: '2021-05-10' }],
  ['杨帆', '男', '1998-01-19', '大学本科', '机要科 科员', { history: [['applicant', '2025-09-03']], applicationDate: '2025-09-03' }],
  ['黄丽', '女', '1988-06-30', '硕士研究生', '办公室 副主任', { history: [['full', '2012-07-01']] }],
  ['周强', '男', '1990-12-08', '大学本科', '文秘科 科长', { history: [['full', '2015-06-28']] }],
  ['何芳', '女', '1985-02-21', '大学本科', '综合科 科长', { history: [['full', '2009-10-16']], exclusions: [{ reason: 'abroad', from: '2025-11-01', to: '2026-10-31', note: '公派出国进修一年' }] }],
  ['高远', '男', '1982-09-13', '大学本科', '机要科 四级主任科员', { history: [['full', '2006-05-18']], rights: [{ value: 'probation-within-party', from: '2025-12-10', note: '留党察看一年' }] }],
];

const BUSINESS: Row[] = [
  ['吴敏', '女', '1996-04-17', '硕士研究生', '数据标准科 科员', { history: [['applicant', '2024-05-06'], ['activist', '2024-11-20']], applicationDate: '2024-05-06' }],
  ['徐磊', '男', '1994-09-23', '大学本科', '数据共享科 科员', { history: [['applicant', '2023-03-28'], ['activist', '2023-09-15'], ['development-target', '2025-03-20']], applicationDate: '2023-03-28' }],
  ['孙婷', '女', '1999-02-14', '大学本科', '数据标准科 科员', { history: [['applicant', '2025-10-11']], applicationDate: '2025-10-11' }],
  ['马超', '男', '1992-07-01', '博士研究生', '业务一处 副处长', { history: [['applicant', '2021-06-18'], ['activist', '2021-12-10'], ['development-target', '2023-05-06'], ['probationary', '2025-07-01']], applicationDate: '2021-06-18' }],
  ['朱琳', '女', '1987-10-09', '硕士研究生', '业务一处 处长', { history: [['full', '2011-06-30']] }],
  ['胡军', '男', '1991-05-27', '大学专科', '数据共享科 副科长', { history: [['full', '2016-12-01']] }],
  ['宋佳', '女', '1989-08-15', '大学本科', '数据标准科 科长', { history: [['full', '2014-06-20']] }],
];

/** The committee members of the organizations above the branches, registered in their organization's roster. */
const AGENCY: Row[] = [
  ['钱明', '男', '1972-04-06', '硕士研究生', '党组成员、副局长', { history: [['full', '1996-06-30']] }],
  ['孔德华', '男', '1976-11-21', '大学本科', '机关党委专职副书记', { history: [['full', '1999-07-01']] }],
  ['王红', '女', '1983-03-09', '大学本科', '机关党委组织委员、人事处副处长', { history: [['full', '2006-12-18']] }],
  ['曹阳', '男', '1986-07-14', '硕士研究生', '机关党委宣传委员、办公室副主任', { history: [['full', '2009-05-04']] }],
  ['冯静', '女', '1981-01-28', '大学本科', '机关党委纪检委员、机关纪委书记', { history: [['full', '2004-06-25']] }],
];

const WORKING: Row[] = [
  ['高建国', '男', '1968-09-02', '硕士研究生', '市直机关工委书记', { history: [['full', '1991-06-28']] }],
  ['林海燕', '女', '1971-05-17', '大学本科', '市直机关工委副书记', { history: [['full', '1994-07-01']] }],
  ['郑志远', '男', '1975-12-03', '硕士研究生', '市直机关工委组织部部长', { history: [['full', '1998-11-12']] }],
];

const GENERAL: Row[] = [
  ['罗斌', '男', '1978-02-11', '大学本科', '业务总支书记、业务一处调研员', { history: [['full', '2001-06-29']] }],
  ['梁雪', '女', '1984-10-26', '硕士研究生', '业务总支副书记、业务二处副处长', { history: [['full', '2008-06-16']] }],
  ['谢勇', '男', '1987-06-05', '大学本科', '业务总支组织委员、业务二处科长', { history: [['full', '2012-12-03']] }],
];

/** The second committee (财政局机关党委) and its branch (预算处党支部). */
const FINANCE: Row[] = [
  ['韩卫东', '男', '1970-03-22', '硕士研究生', '党组成员、副局长', { history: [['full', '1995-06-30']] }],
  ['许文', '女', '1985-09-04', '大学本科', '机关党委组织委员、人事处副处长', { history: [['full', '2008-06-20']] }],
  ['唐敏', '女', '1980-12-17', '大学本科', '机关党委纪检委员', { history: [['full', '2003-07-01']] }],
];

const BUDGET: Row[] = [
  ['邓洁', '女', '1986-04-25', '硕士研究生', '预算处 处长', { history: [['full', '2010-06-28']] }],
  ['袁刚', '男', '1989-11-30', '大学本科', '预算处 副处长', { history: [['full', '2013-12-05']] }],
  ['彭丽', '女', '1992-02-08', '大学本科', '预算处 科长', { history: [['full', '2016-06-24']] }],
  ['蒋涛', '男', '1994-07-19', '大学本科', '预算处 科员', { history: [['full', '2019-07-01']] }],
];

/**
 * The demo person `key` ('office-01', 'business-03', …). Their ids are fixed (`p-demo-office-01`, …) so links and
 * tests can name them, and like every person id they say nothing about the ID number.
 */
const KEYS = new Map<string, Person>();

function people(rows: Row[], orgId: string, unit: string, prefix: string, phoneBase: number): Person[] {
  return rows.map(([name, gender, birthDate, education, post, extra], index) => {
    const idNumber = demoIdNumber('110105', birthDate, 40 + index, gender);
    const key = `${prefix}-${String(index + 1).padStart(2, '0')}`;
    const statusHistory = extra.history.map(([value, from]) => ({ value, from }));
    const rightsHistory = extra.rights ?? [];
    const person: Person = {
      id: `p-demo-${key}`,
      orgId,
      name,
      gender,
      ethnicity: index === 3 ? '回族' : '汉族',
      birthDate,
      idNumber,
      education,
      unitPost: `${unit}${post}`,
      phone: String(phoneBase + index * 1011),
      email: `${prefix}-${index + 1}@demo.example.org`,
      address: `示例市东城区示例路 ${index + 11} 号`,
      status: statusHistory[statusHistory.length - 1].value,
      statusHistory,
      rightsState: rightsHistory[rightsHistory.length - 1]?.value ?? 'normal',
      rightsHistory,
      exclusions: extra.exclusions ?? [],
      applicationDate: extra.applicationDate,
      version: 1,
    };
    KEYS.set(key, person);
    return person;
  });
}

export const DEMO_PEOPLE: Person[] = [
  ...people(OFFICE, DEMO_ORG_IDS.office, '示例市数据管理局办公室', 'office', 13910012001),
  ...people(BUSINESS, DEMO_ORG_IDS.business, '示例市数据管理局业务一处', 'business', 13820023002),
  ...people(AGENCY, DEMO_ORG_IDS.agency, '示例市数据管理局', 'agency', 13710034003),
  ...people(WORKING, DEMO_ORG_IDS.committee, '示例市', 'working', 13610045004),
  ...people(GENERAL, DEMO_ORG_IDS.businessGeneral, '示例市数据管理局', 'general', 13510056005),
  ...people(FINANCE, DEMO_ORG_IDS.finance, '示例市财政局', 'finance', 13410067006),
  ...people(BUDGET, DEMO_ORG_IDS.budget, '示例市财政局', 'budget', 13310078007),
];

/** A demo person by key: 'office-01' … 'office-08', 'business-01' … 'business-07', 'agency-01' …, 'working-01' …, 'general-01' …, 'finance-01' …, 'budget-01' …. */
export function demoPerson(key: string): Person {
  const person = KEYS.get(key);
  if (!person) throw new Error(`No demo person ${key}`);
  return person;
}
