import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import type { DevelopmentCase } from '../../../shared/domain/development/case';
import type { Election } from '../../../shared/domain/election/election';
import { ELECTION_RULE_SETS } from '../../../shared/domain/election/rule-set';
import { caseCountItems } from '../../../shared/services/development/case-counts';
import { putNewCase } from '../../../shared/store/cases-repo';
import { putNewElection } from '../../../shared/store/elections-repo';
import { transactWrite } from '../../../shared/store/transact';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';
import { visibleProblems } from '../../support/visible-text';
import { Browser, signInWithForm } from './support/http-client';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

// The case list and the elections overview one page at a time: Chinese only, 下一页 follows the cursor (keeping the
// organization chosen), 回到第一页 after the first page, every record once.

let deps: TestDeps;
let site: HttpHandlerFn;
const BRANCHES: Array<[string, string]> = [['b1', '办公室党支部'], ['b2', '业务一处党支部'], ['b3', '业务二处党支部']];
const SURNAMES = '王李张刘陈杨赵黄周吴';
const caseIds: string[] = [];
const electionIds: string[] = [];

beforeAll(async () => {
  deps = await createTestDeps();
  site = createStaffSite(deps);
  await putTestOrg(deps.store, testOrg({ id: 'c1', kind: 'committee', name: '数据局机关党委' }));
  for (const [id, name] of BRANCHES) await putTestOrg(deps.store, testOrg({ id, kind: 'branch', parentId: 'c1', name }));
  await addAccount(deps.store, { username: 'wang', password: 'pw-wang-123', role: 'committee-staff', orgId: 'c1', displayName: '王组织员' });
  for (let k = 0; k < 75; k++) {
    const at = new Date(Date.UTC(2026, 0, 1, 2) + k * 3_600_000).toISOString();
    const devCase: DevelopmentCase = {
      id: `case-${k}`, personId: `p-${k}`, personName: `${SURNAMES[k % 10]}${'一二三四五六七八'[k % 8]}`, orgId: BRANCHES[k % 3][0], ruleSetVersion: '2014', status: 'active', stage: 1,
      attempt: 1, stageState: 'running', dates: { applicationDate: '2026-01-01' }, outcomeReasons: [], warnings: [], createdAt: at, updatedAt: at, version: 1,
    };
    await transactWrite(deps.store, [...putNewCase(deps.store, devCase), ...(await caseCountItems(deps, undefined, devCase))]);
    caseIds.push(devCase.id);
  }
  const rules = ELECTION_RULE_SETS['2020'];
  for (let k = 0; k < 55; k++) {
    const [orgId, orgName] = BRANCHES[k % 3];
    const election: Election = {
      id: `election-${k}`, orgId, orgName, form: 'standard', seats: 5, deputies: 0, rulesVersion: rules.rulesVersion, rules, termYears: rules.termYears.branch,
      plan: { meetingDate: '2026-11-01', structure: '书记1名，委员4名', method: '差额选举' }, status: 'running', phase: 'publicize', stepCounts: {}, roundCount: 0,
      excluded: [], candidates: [], elected: [], approvals: [], noticeRounds: 0, createdAt: new Date(Date.UTC(2026, 1, 1, 2) + k * 3_600_000).toISOString(), createdBy: 'wang', version: 1,
    };
    await transactWrite(deps.store, [putNewElection(deps.store, election)]);
    electionIds.push(election.id);
  }
}, 60_000);

const nextHref = (page: string) => /<a href="([^"]+)" rel="next">下一页<\/a>/.exec(page)?.[1]?.replace(/&amp;/g, '&');

/** Follows 下一页 from `start`; answers each page's body. */
async function allPages(browser: Browser, start: string): Promise<string[]> {
  const pages: string[] = [];
  for (let href: string | undefined = start; href; href = nextHref(pages[pages.length - 1])) {
    const response = await browser.get(href);
    expect(response.statusCode).toBe(200);
    pages.push(response.body ?? '');
    expect(pages.length).toBeLessThan(10);
  }
  return pages;
}

describe('paged staff lists', () => {
  test('the case list: 50 a page, 下一页 keeps the organization chosen, 回到第一页, every case once, Chinese only', async () => {
    const browser = new Browser(site);
    await signInWithForm(browser, 'wang', 'pw-wang-123');
    const pages = await allPages(browser, '/staff/cases?orgId=c1');
    expect(pages).toHaveLength(2);
    expect(nextHref(pages[0])).toMatch(/^\/staff\/cases\?orgId=c1&cursor=[\w-]+$/);
    expect(pages[0]).not.toContain('回到第一页');
    expect(pages[1]).toContain('<a href="/staff/cases?orgId=c1">回到第一页</a>');
    expect(pages[1]).toContain('已是最后一页');
    const listed = pages.flatMap((page) => [...page.matchAll(/<td><a href="\/staff\/cases\/(case-\d+)">/g)].map((m) => m[1]));
    expect(listed.slice(0, 50)).toHaveLength(50);
    expect([...listed].sort()).toEqual([...caseIds].sort());
    for (const page of pages) expect(visibleProblems(page)).toEqual([]);
    // JSON: the same page and the cursor of the next.
    const json = JSON.parse((await browser.get('/staff/cases?orgId=c1', { headers: { accept: 'application/json' } })).body ?? '{}');
    expect(json.cases).toHaveLength(50);
    const second = JSON.parse((await browser.get(`/staff/cases?orgId=c1&cursor=${json.next}`, { headers: { accept: 'application/json' } })).body ?? '{}');
    expect(second.cases).toHaveLength(25);
    expect(second.next).toBeUndefined();
  });

  test('a cursor made up is not an error: the list starts from its beginning', async () => {
    const browser = new Browser(site);
    await signInWithForm(browser, 'wang', 'pw-wang-123');
    const response = await browser.get('/staff/cases?cursor=%E4%B9%B1%E7%A0%81');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('下一页');
  });

  test('the elections overview: 50 a page, every election once, Chinese only', async () => {
    const browser = new Browser(site);
    await signInWithForm(browser, 'wang', 'pw-wang-123');
    const pages = await allPages(browser, '/staff/elections');
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain('<a href="/staff/elections">回到第一页</a>');
    const listed = pages.flatMap((page) => [...page.matchAll(/<td><a href="\/staff\/elections\/(election-\d+)">/g)].map((m) => m[1]));
    expect([...listed].sort()).toEqual([...electionIds].sort());
    for (const page of pages) expect(visibleProblems(page)).toEqual([]);
  });

  test('the dashboard counts from the counters and lists the organizations below', async () => {
    const browser = new Browser(site);
    await signInWithForm(browser, 'wang', 'pw-wang-123');
    const page = (await browser.get('/staff/development')).body ?? '';
    expect(page).toMatch(/第一阶段：申请入党<\/td><td>75<\/td>/);
    expect(page).toContain('<a href="/staff/development?orgId=b1">办公室党支部</a></td><td>25</td>');
    expect(visibleProblems(page)).toEqual([]);
  });
});
