import { repairGuards, findViolations } from '../../../shared/services/integrity/one-at-a-time';
import { runScheduledWork } from '../../../shared/services/scheduled/tick';
import { listActiveCases } from '../../../shared/store/cases-repo';
import { listOrganizations } from '../../../shared/store/orgs-repo';
import { prepareProvince, signedInClients } from '../../../scripts/bench/scale/scale-bench';
import { pageKinds, type Viewer } from '../../../scripts/bench/scale/scale-pages';
import type { ProvinceSize } from '../../../scripts/bench/scale/province-size';

// The scale bench's generator at a tiny size, on DynamoDB Local: the items it loads in bulk are those the repositories
// write, so every staff page kind the bench measures renders them (200) for both staff it signs in as, the guards
// agree with the records, and the scheduler tick runs over them. A drift of the generator from the item shapes fails here.

const TINY: ProvinceSize = { committees: 3, branches: 10, people: 200, cases: 10, elections: 3, auditEvents: 50 };
const now = new Date('2026-09-23T01:00:00.000Z');

let prepared: Awaited<ReturnType<typeof prepareProvince>>;

beforeAll(async () => {
  prepared = await prepareProvince(process.env.TEST_DYNAMODB_ENDPOINT!, TINY, { now, clients: 1 });
}, 120_000);

test('the province has the organizations, open cases and guards asked for', async () => {
  const { store, province } = prepared;
  const orgs = await listOrganizations(store);
  expect(orgs).toHaveLength(1 + TINY.committees + TINY.branches);
  expect(new Set(orgs.map((o) => o.kind))).toEqual(new Set(['working-committee', 'committee', 'general-branch', 'branch']));
  expect(await listActiveCases(store)).toHaveLength(TINY.cases);
  expect(new Set(province.cases.map((c) => c.id)).size).toBe(TINY.cases);
  expect(province.elections).toHaveLength(TINY.elections);
  expect(province.approvals + province.notices).toBeGreaterThan(0);
  expect(await findViolations(store)).toEqual([]);
  expect(await repairGuards(store)).toEqual({ added: 0, released: 0 });
});

test.each<Viewer>(['working', 'agency'])('every page kind the bench measures renders for %s committee staff', async (viewer) => {
  const { province, sites } = prepared;
  const [client] = await signedInClients(sites, province.registry.staff[viewer].slice(0, 1));
  const { pages } = pageKinds(province, viewer);
  const measured = pages.filter((page) => page.path(0) !== undefined);
  expect(measured.map((page) => page.key)).toEqual(['tasks', 'development', 'cases', 'case', 'people', 'branchPeople', 'peopleSearch', 'person', 'orgTree', 'org', 'elections', 'election', 'approvals', 'notices']);
  for (const page of measured) {
    for (let n = 0; n < 3; n++) {
      const path = page.path(n) as string;
      const result = await client.request('GET', path);
      expect({ path, status: result.statusCode }).toEqual({ path, status: 200 });
    }
  }
}, 180_000);

test('the pages show the generated records: cases and their tasks, an election, the notice and the approval', async () => {
  const { province, sites } = prepared;
  const [client] = await signedInClients(sites, province.registry.staff.working.slice(0, 1));
  const body = async (path: string) => String((await client.request('GET', path)).body ?? '');
  const person = province.registry.people.find((p) => province.cases.some((c) => c.orgId === p.orgId) && p.status !== 'full');
  expect(await body('/staff/cases')).toContain(person?.name);
  expect(await body('/staff')).toContain('发展党员：');
  expect(await body('/staff')).toContain('换届选举：');
  expect(await body(`/staff/elections/${province.elections[0].id}`)).toContain(province.registry.names.get(province.elections[0].orgId));
  expect(await body('/staff/approvals')).toContain('发展对象预审');
  expect(await body('/staff/notices')).toMatch(/href="\/staff\/notices\/case-\d+-developmentTarget-1"/);
});

test('the scheduler tick runs over the province', async () => {
  const result = await runScheduledWork(prepared.deps);
  expect(result.calendarWarnings).toBeDefined();
});
