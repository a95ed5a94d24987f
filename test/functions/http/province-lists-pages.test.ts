import { createApprovalSite } from '../../../functions/http/approval-site';
import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { backfillListings } from '../../../shared/services/scheduled/listing-backfill';
import { putWideTree, BIG_BRANCHES, AGENCY_BRANCHES } from '../../support/wide-tree';
import { approval, at, notice, putApprovals, putNotices } from '../../support/listed-records';
import { visibleProblems } from '../../support/visible-text';
import { Browser, signInWithForm } from './support/http-client';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

// The approvals list and the notice list of the working committee (the whole province, 118 organizations: the
// province-wide lists, docs/domain/lists-and-counts.md): 50 a page, 下一页 and 回到第一页, every record once, Chinese
// only; a cursor made up shows the first page.

let deps: TestDeps;
let site: HttpHandlerFn;
const ORGS = ['wc', ...BIG_BRANCHES, ...AGENCY_BRANCHES];
const ids = Array.from({ length: 75 }, (_, k) => `r${String(k).padStart(2, '0')}`);

beforeAll(async () => {
  deps = await createTestDeps();
  const staffSite = createStaffSite(deps);
  const approvalSite = createApprovalSite(deps);
  site = (event) => (event.rawPath.startsWith('/staff/approvals') ? approvalSite : staffSite)(event); // the approvals' staff pages are the approval Lambda's
  await putWideTree(deps.store);
  await addAccount(deps.store, { username: 'wang', password: 'pw-wang-123', role: 'committee-staff', orgId: 'wc', displayName: '王组织员' });
  await backfillListings(deps);
  await putApprovals(deps.store, ids.map((id, k) => approval(id, ORGS[(k * 13) % ORGS.length], at(k))));
  await putNotices(deps.store, ids.map((id, k) => notice(id, ORGS[(k * 13) % ORGS.length], at(k))));
}, 60_000);

const nextHref = (page: string) => /<a href="([^"]+)" rel="next">下一页<\/a>/.exec(page)?.[1]?.replace(/&amp;/g, '&');

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

describe.each([
  ['approvals', '/staff/approvals', /<td><a href="\/staff\/approvals\/(r\d+)">/g],
  ['notices', '/staff/notices', /<td><a href="\/staff\/notices\/(r\d+)">/g],
] as const)('the %s list of the whole province', (name, path, rowPattern) => {
  test('50 a page, newest first, 下一页 and 回到第一页, every record once, Chinese only', async () => {
    const browser = new Browser(site);
    await signInWithForm(browser, 'wang', 'pw-wang-123');
    const pages = await allPages(browser, path);
    expect(pages).toHaveLength(2);
    expect(nextHref(pages[0])).toMatch(new RegExp(`^${path}\\?cursor=[\\w-]+$`));
    expect(pages[0]).not.toContain('回到第一页');
    expect(pages[1]).toContain(`<a href="${path}">回到第一页</a>`);
    expect(pages[1]).toContain('已是最后一页');
    const listed = pages.flatMap((page) => [...page.matchAll(rowPattern)].map((m) => m[1]));
    expect(listed).toEqual([...ids].reverse());
    for (const page of pages) expect(visibleProblems(page)).toEqual([]);
    // JSON: the same page and the cursor of the next.
    const json = JSON.parse((await browser.get(path, { headers: { accept: 'application/json' } })).body ?? '{}');
    expect(json[name]).toHaveLength(50);
    const second = JSON.parse((await browser.get(`${path}?cursor=${json.next}`, { headers: { accept: 'application/json' } })).body ?? '{}');
    expect(second[name]).toHaveLength(25);
    expect(second.next).toBeUndefined();
  });

  test('a cursor made up is not an error: the list starts from its beginning', async () => {
    const browser = new Browser(site);
    await signInWithForm(browser, 'wang', 'pw-wang-123');
    for (const cursor of ['%E4%B9%B1%E7%A0%81', 'AAAA', '']) {
      const response = await browser.get(`${path}?cursor=${cursor}`);
      expect(response.statusCode).toBe(200);
      expect([...(response.body ?? '').matchAll(rowPattern)].map((m) => m[1])[0]).toBe('r74');
      expect(response.body).toContain('下一页');
    }
  });
});
