import { withAncestryPaths } from '../../shared/domain/registry/org-tree';
import { randomUUID } from 'node:crypto';
import { idNumberCheckCharacter } from '../../shared/domain/registry/id-number';
import type { Organization } from '../../shared/domain/registry/organization';
import type { AttendanceExclusion, Dated, MembershipStatus, Person, RightsState } from '../../shared/domain/registry/person';
import { votingMembersOf } from '../../shared/services/registry/questions';
import { organizationPutForBulkLoad } from '../../shared/store/orgs-repo';
import { newPersonId, putNewPerson } from '../../shared/store/people-repo';
import { createStore, ensureTable, type Store } from '../../shared/store/store';
import { transactWrite, type TransactItem } from '../../shared/store/transact';
import { percentile, round } from './stats';

export interface VotingMembersBenchOptions {
  endpoint: string;
  /** People of the committee (2,000). */
  people?: number;
  /** Branches the people are spread over, evenly (20). */
  branches?: number;
  /** General branches under the committee (2); each holds 4 of the branches, the others sit under the committee. */
  generalBranches?: number;
  /** Timed calls per organization, one after the other (200). */
  calls?: number;
  /** Untimed calls first (10). */
  warmupCalls?: number;
  /** The date asked about, YYYY-MM-DD (2026-09-23). */
  date?: string;
}

/** Latency of one call, in ms (nearest-rank percentiles). */
export interface LatencyFigures {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface VotingQueryFigures {
  orgId: string;
  orgName: string;
  /** Organizations read by one call: the organization and everything below it. */
  subtreeOrgs: number;
  /** People seeded in the subtree. */
  people: number;
  /** Voting members the seed implies on the date. */
  expected: number;
  /** Voting members the first timed call returned. */
  returned: number;
  /** Calls whose count differed from the first timed call's. */
  inconsistentCalls: number;
  calls: number;
  warmupCalls: number;
  latencyMs: LatencyFigures;
}

export interface VotingMembersBenchResult {
  people: number;
  branches: number;
  generalBranches: number;
  date: string;
  /** Untimed seeding: organizations and people written in transactions of 100. */
  seedMs: number;
  committee: VotingQueryFigures;
  branch: VotingQueryFigures;
}

const COMMITTEE_ID = 'bench-vc';
const BRANCHES_PER_GENERAL_BRANCH = 4;
const DEFAULT_DATE = '2026-09-23';
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A committee, its general branches and its branches (the first 4 × generalBranches under a general branch). */
export function votingBenchOrganizations(branches: number, generalBranches: number): Organization[] {
  const base = { committee: [], status: 'active' as const, version: 1, termStart: '2024-06-01', termEnd: '2029-05-31' };
  const generals = Math.min(generalBranches, Math.floor(branches / BRANCHES_PER_GENERAL_BRANCH));
  return [
    { ...base, id: COMMITTEE_ID, name: '测试局机关党委', kind: 'committee', mayApprove: true },
    ...Array.from({ length: generals }, (_, g): Organization => ({
      ...base, id: `bench-vg${g + 1}`, name: `测试局第${CHINESE_NUMERALS[g % 10]}党总支`, kind: 'general-branch', parentId: COMMITTEE_ID, mayApprove: false,
    })),
    ...Array.from({ length: branches }, (_, b): Organization => ({
      ...base, id: `bench-vb${b + 1}`, name: `测试局第${b + 1}党支部`, kind: 'branch', mayApprove: false,
      parentId: b < generals * BRANCHES_PER_GENERAL_BRANCH ? `bench-vg${Math.floor(b / BRANCHES_PER_GENERAL_BRANCH) + 1}` : COMMITTEE_ID,
    })),
  ];
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文斌玉兰海燕宇浩晨欣怡子轩梓涵雨婷思远嘉怡俊杰晓东卫东立新亚楠春梅'];
const REGIONS = ['110101', '110102', '110105', '110106', '110108', '110114', '120101', '310104', '320106', '420106'];

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/** The seeded person, and whether it votes on the bench's date by construction (not by asking the domain). */
export interface SeededPerson {
  person: Person;
  votes: boolean;
}

/**
 * Person `i` of the seed, in organization `orgId`. Of every 20 people: 13 full members; 1 full member abroad (an
 * attendance exclusion, still a voting member); 2 probationary members; 1 full member under 留党察看 since May 2026;
 * 1 whose 留党察看 ended in 2025; 1 who became a full member on 2026-09-01; 1 whose rights are suspended since
 * August 2026. So 16 in 20 vote on 2026-09-23.
 */
export function votingBenchPerson(i: number, orgId: string): SeededPerson {
  // Distinct birth dates, a week apart from 1962 (2,000 people reach 2000); a valid check character.
  const birth = new Date(Date.UTC(1962, 0, 1) + (i % 2_000) * 7 * 86_400_000);
  const birthDate = isoDate(birth);
  const sequence = ((i * 37) % 998) + 1; // 001..998; with the birth date, distinct for the first 998,000 people
  const first17 = `${REGIONS[i % REGIONS.length]}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  const idNumber = first17 + idNumberCheckCharacter(first17);
  const gender = sequence % 2 === 1 ? '男' : '女';
  const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 === 0 ? '' : GIVEN[(i * 13 + 5) % GIVEN.length]);

  const joinYear = Math.min(birth.getUTCFullYear() + 22 + (i % 10), 2024);
  const path = (probationaryFrom: string, fullFrom?: string): Dated<MembershipStatus>[] => {
    const applied = Number(probationaryFrom.slice(0, 4)) - 2;
    const history: Dated<MembershipStatus>[] = [
      { value: 'applicant', from: `${applied}-03-15` },
      { value: 'activist', from: `${applied}-09-20` },
      { value: 'development-target', from: `${applied + 1}-10-08` },
      { value: 'probationary', from: probationaryFrom },
    ];
    if (fullFrom) history.push({ value: 'full', from: fullFrom });
    return history;
  };
  let statusHistory = path(`${joinYear}-07-01`, `${joinYear + 1}-07-01`);
  let rightsHistory: Dated<RightsState>[] = [];
  let exclusions: AttendanceExclusion[] = [];
  let votes = true;
  switch (i % 20) {
    case 13:
      exclusions = [{ reason: 'abroad', from: '2026-03-01', note: '驻外工作' }];
      break;
    case 14:
    case 15:
      statusHistory = path('2026-01-15');
      votes = false;
      break;
    case 16:
      rightsHistory = [{ value: 'probation-within-party', from: '2026-05-10', note: '留党察看一年' }];
      votes = false;
      break;
    case 17:
      rightsHistory = [{ value: 'probation-within-party', from: '2024-04-01', note: '留党察看一年' }, { value: 'normal', from: '2025-04-01', note: '恢复党员权利' }];
      break;
    case 18:
      statusHistory = path('2025-09-01', '2026-09-01');
      break;
    case 19:
      rightsHistory = [{ value: 'rights-suspended', from: '2026-08-15' }];
      votes = false;
      break;
    default:
      break;
  }
  const person: Person = {
    id: newPersonId(), orgId, name, gender, ethnicity: i % 25 === 0 ? '回族' : '汉族', birthDate, idNumber,
    education: i % 4 === 0 ? '硕士研究生' : '大学本科', unitPost: `第${(i % 40) + 1}处 ${i % 5 === 0 ? '副处长' : '科员'}`,
    phone: `139${String(i).padStart(8, '0')}`, email: `member${i}@example.gov.cn`,
    status: statusHistory[statusHistory.length - 1].value, statusHistory,
    rightsState: rightsHistory.length > 0 ? rightsHistory[rightsHistory.length - 1].value : 'normal', rightsHistory,
    exclusions, applicationDate: statusHistory[0].from, version: 1 + statusHistory.length + rightsHistory.length,
  };
  return { person, votes };
}

async function writeAll(store: Store, items: TransactItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 100) await transactWrite(store, items.slice(i, i + 100));
}

function latency(values: readonly number[]): LatencyFigures {
  return {
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: Math.max(...values),
    mean: values.reduce((sum, v) => sum + v, 0) / values.length,
  };
}

/**
 * Seeds (untimed) a committee with general branches, branches and people on a fresh table, then times
 * `votingMembersOf` for the committee and for its first branch, one call after the other.
 */
export async function runVotingMembersBench(options: VotingMembersBenchOptions): Promise<VotingMembersBenchResult> {
  const peopleCount = options.people ?? 2_000;
  const branchCount = options.branches ?? 20;
  const calls = options.calls ?? 200;
  const warmupCalls = options.warmupCalls ?? 10;
  const date = options.date ?? DEFAULT_DATE;
  const store = createStore({ tableName: `bench-voting-${randomUUID()}`, endpoint: options.endpoint });
  try {
    await ensureTable(store);
    const tree = votingBenchOrganizations(branchCount, options.generalBranches ?? 2);
    const branches = tree.filter((org) => org.kind === 'branch');
    // Even blocks: person i in branch ⌊i × branches / people⌋, so every branch holds every kind of person.
    const seeded = Array.from({ length: peopleCount }, (_, i) => votingBenchPerson(i, branches[Math.floor((i * branches.length) / peopleCount)].id));
    const seedStarted = performance.now();
    await writeAll(store, withAncestryPaths(tree).map((org) => organizationPutForBulkLoad(store, org)));
    await writeAll(store, seeded.map(({ person }) => putNewPerson(store, person)));
    const seedMs = performance.now() - seedStarted;

    const measure = async (org: Organization, subtree: Set<string>): Promise<VotingQueryFigures> => {
      const inSubtree = seeded.filter(({ person }) => subtree.has(person.orgId));
      const deps = { store };
      for (let i = 0; i < warmupCalls; i++) await votingMembersOf(deps, org.id, date);
      const times: number[] = [];
      const counts: number[] = [];
      for (let i = 0; i < calls; i++) {
        const started = performance.now();
        const members = await votingMembersOf(deps, org.id, date);
        times.push(performance.now() - started);
        counts.push(members.length);
      }
      return {
        orgId: org.id, orgName: org.name, subtreeOrgs: subtree.size, people: inSubtree.length, expected: inSubtree.filter((s) => s.votes).length,
        returned: counts[0] ?? 0, inconsistentCalls: counts.filter((count) => count !== counts[0]).length, calls, warmupCalls, latencyMs: latency(times),
      };
    };
    const committee = await measure(tree[0], new Set(tree.map((org) => org.id)));
    const branch = await measure(branches[0], new Set([branches[0].id]));
    return { people: peopleCount, branches: branches.length, generalBranches: tree.filter((org) => org.kind === 'general-branch').length, date, seedMs, committee, branch };
  } finally {
    store.doc.destroy();
  }
}

const n = (value: number, digits = 1) => round(value, digits).toLocaleString('en-US', { maximumFractionDigits: digits });

/** Warnings when a count is not what the seed implies (the bench asserts nothing). */
export function votingMembersWarnings(r: VotingMembersBenchResult): string[] {
  return [r.committee, r.branch].flatMap((q) => [
    ...(q.returned !== q.expected ? [`${q.orgName}: ${q.returned} voting members returned, the seed implies ${q.expected}`] : []),
    ...(q.inconsistentCalls > 0 ? [`${q.orgName}: ${q.inconsistentCalls} of ${q.calls} calls returned another count than the first`] : []),
  ]);
}

/** The bench's 5th section, as text. */
export function formatVotingMembersBench(r: VotingMembersBenchResult, title = '5. Voting members'): string {
  const row = (label: string, q: VotingQueryFigures): [string, string, string] => [
    label,
    `p50 ${n(q.latencyMs.p50)} / p95 ${n(q.latencyMs.p95)} / p99 ${n(q.latencyMs.p99)} / max ${n(q.latencyMs.max)} ms`,
    `${n(q.returned, 0)} voting of ${n(q.people, 0)} people (seed implies ${n(q.expected, 0)}); ${q.subtreeOrgs + 1} queries a call: the tree + ${q.subtreeOrgs} organization${q.subtreeOrgs === 1 ? '' : 's'}`,
  ];
  const rows: [string, string, string][] = [
    ['seed (untimed)', `${n(r.seedMs, 0)} ms`, `${n(r.people, 0)} people over ${r.branches} branches (${r.generalBranches} general branches hold ${r.generalBranches * BRANCHES_PER_GENERAL_BRANCH}), transactions of 100`],
    row('committee', r.committee),
    row('one branch', r.branch),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  return [
    `${title}: votingMembersOf(committee, ${r.date}), ${r.committee.calls} calls one after another (after ${r.committee.warmupCalls} warm-up), fresh table`,
    ...rows.map(([l, v, note]) => `  ${l.padEnd(width)}  ${v.padEnd(valueWidth)}  ${note}`),
    ...votingMembersWarnings(r).map((warning) => `  WARNING: ${warning}`),
  ].join('\n');
}

export function votingMembersBenchJson(r: VotingMembersBenchResult): Record<string, unknown> {
  const query = (q: VotingQueryFigures) => ({
    ...q,
    latencyMs: Object.fromEntries(Object.entries(q.latencyMs).map(([key, value]) => [key, round(value, 2)])),
  });
  return { people: r.people, branches: r.branches, generalBranches: r.generalBranches, date: r.date, seedMs: round(r.seedMs, 0), committee: query(r.committee), branch: query(r.branch) };
}
