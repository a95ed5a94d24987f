import { LIST_PAGE_SIZE } from '../../../../shared/store/org-pages';
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { demoIdNumber } from '../../../../infra/local/seed-data';
import type { Person } from '../../../../shared/domain/registry/person';
import { AuthForbiddenError, InputInvalidError } from '../../../../shared/errors';
import type { Actor } from '../../../../shared/services/actor';
import {
  backfillPersonNameIndex, editPerson, listOrgPeople, listOwnRoster, searchPeople, type OrgPeopleView,
} from '../../../../shared/services/registry';
import { MAX_PAGE_SIZE } from '../../../../shared/store/org-pages';
import { personPk } from '../../../../shared/store/people-repo';
import type { Store } from '../../../../shared/store/store';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../../support/registry-fixtures';
import { registryFixture } from './support';

type Fixture = Awaited<ReturnType<typeof registryFixture>>;

/** Every page of a list, following `next`, with what is done between pages. */
async function allPages(fixture: Fixture, actor: Actor, orgId: string, options: { limit?: number; list?: 'roster' | 'left' }, between: (round: number) => Promise<void> = async () => {}): Promise<OrgPeopleView[]> {
  const pages: OrgPeopleView[] = [];
  let cursor: string | undefined;
  do {
    const page = await listOrgPeople(fixture.deps, actor, orgId, { ...options, cursor });
    pages.push(page);
    cursor = page.next;
    await between(pages.length - 1);
  } while (cursor);
  return pages;
}

async function itemCount(store: Store): Promise<number> {
  const { Items = [] } = await store.doc.send(new ScanCommand({ TableName: store.tableName }));
  return Items.length;
}

describe('党员名册 a page at a time', () => {
  let fixture: Fixture;
  let admin: Actor;
  beforeAll(async () => {
    fixture = await registryFixture();
    admin = await fixture.actorFor({});
  });

  test('organizations in path order, each one\'s people by name, grouped; 50 a page, never more than 100; counts when whole', async () => {
    const { store } = fixture.deps;
    for (let k = 0; k < 110; k++) await putTestPerson(store, testPerson({ orgId: 'b2', name: `业务${String(k).padStart(2, '0')}` }));
    for (const name of ['乙', '甲']) await putTestPerson(store, testPerson({ orgId: 'b1', name }));
    await putTestPerson(store, testPerson({ orgId: 'g1', name: '小组成员' }));
    await putTestPerson(store, testPerson({ orgId: 'c1', name: '委员' }));
    await putTestPerson(store, testPerson({ orgId: 'b1', name: '离开者', status: 'transferred-out' }));

    const pages = await allPages(fixture, admin, 'c1', {});
    expect(pages.map((p) => p.people.length)).toEqual([LIST_PAGE_SIZE, LIST_PAGE_SIZE, 114 - 2 * LIST_PAGE_SIZE]);
    const order = pages.flatMap((p) => p.groups.map((g) => g.orgId));
    // c1, then its children by path: b1 (with its party group g1 right after it), then gb's branch b2 (over three pages).
    expect(order).toEqual(['c1', 'b1', 'g1', 'b2', 'b2', 'b2']);
    expect(pages[0].groups[1]).toMatchObject({ orgName: '办公室党支部', people: [expect.objectContaining({ name: '乙' }), expect.objectContaining({ name: '甲' })] });
    expect(pages[0]).toMatchObject({ first: true, orgCount: 5 });
    expect(pages[0].totals).toBeUndefined(); // not all on one page
    expect(pages[2]).toMatchObject({ first: false });
    expect(pages[2].next).toBeUndefined();
    expect(pages.flatMap((p) => p.people.map((person) => person.name))).not.toContain('离开者');
    expect(JSON.stringify(pages)).not.toMatch(/\d{17}[\dX]/); // masked

    const branch = await listOrgPeople(fixture.deps, admin, 'b1');
    expect(branch).toMatchObject({ first: true, totals: { people: 3, voting: 3 }, orgCount: 2 });
    expect(branch.next).toBeUndefined();
    const asked = await listOrgPeople(fixture.deps, admin, 'wc', { limit: 1000 });
    expect(asked.people).toHaveLength(MAX_PAGE_SIZE);
    expect(asked.next).toBeDefined();

    const left = await allPages(fixture, admin, 'c1', { list: 'left' });
    expect(left.flatMap((p) => p.people.map((person) => person.name))).toEqual(['离开者']);
    expect(await listOwnRoster(fixture.deps, admin, 'b1')).toHaveLength(2);
  });

  test('scope: a branch sees its own subtree only; another subtree is refused (403); a made-up cursor stays inside', async () => {
    const secretary = await fixture.actorFor({ id: 'li', role: 'branch-staff', orgId: 'b1' });
    const own = await allPages(fixture, secretary, 'b1', { limit: 2 });
    expect(new Set(own.flatMap((p) => p.people.map((person) => person.orgId)))).toEqual(new Set(['b1', 'g1']));
    await expect(listOrgPeople(fixture.deps, secretary, 'b2')).rejects.toBeInstanceOf(AuthForbiddenError);
    await expect(listOrgPeople(fixture.deps, secretary, 'c1')).rejects.toBeInstanceOf(AuthForbiddenError);
    await expect(listOwnRoster(fixture.deps, secretary, 'b2')).rejects.toBeInstanceOf(AuthForbiddenError);
    const forged = Buffer.from(JSON.stringify({ path: '/wc/c1/gb/b2/', key: { gsi2pk: 'ORG#b2#person' } })).toString('base64url');
    for (const cursor of [forged, 'not a cursor']) {
      const page = await listOrgPeople(fixture.deps, secretary, 'b1', { cursor });
      expect(page.people.every((person) => person.orgId === 'b1' || person.orgId === 'g1')).toBe(true);
    }
  });

  test('property: paging while people (and organizations) are added gives everyone of the start exactly once', async () => {
    const person = fc.record({ org: fc.nat({ max: 4 }), name: fc.string({ minLength: 2, maxLength: 3, unit: fc.constantFrom('甲', '乙', '丙', '丁') }) });
    let run = 0;
    await fc.assert(fc.asyncProperty(
      fc.array(person, { maxLength: 30 }),
      fc.integer({ min: 1, max: 7 }),
      fc.array(fc.array(person, { maxLength: 4 }), { maxLength: 10 }),
      async (initial, limit, additions) => {
        const fresh = await registryFixture();
        const actor = await fresh.actorFor({ id: 'wang', role: 'committee-staff', orgId: 'c1' });
        const orgs = ['c1', 'b1', 'g1', 'gb', 'b2'];
        const put = (p: { org: number; name: string }) => putTestPerson(fresh.deps.store, testPerson({ orgId: orgs[p.org % orgs.length], name: p.name }));
        const start = await Promise.all(initial.map(put));
        const seen: string[] = [];
        const pages = await allPages(fresh, actor, 'c1', { limit }, async (round) => {
          if (round % 3 === 1) { // a branch is added meanwhile
            const id = `n${run}-${round}`;
            await putTestOrg(fresh.deps.store, testOrg({ id, kind: 'branch', parentId: 'gb', name: `新支部${round}` }));
            orgs.push(id);
          }
          for (const added of additions[round] ?? []) await put(added);
        });
        run++;
        for (const page of pages) {
          expect(page.people.length).toBeLessThanOrEqual(limit);
          seen.push(...page.people.map((p) => p.id));
        }
        expect(new Set(seen).size).toBe(seen.length);
        for (const { id } of start) expect(seen).toContain(id);
      },
    ), { numRuns: 12 });
  });
});

describe('人员查找', () => {
  let fixture: Fixture;
  let admin: Actor;
  let committee: Actor;
  let branch: Actor;
  let people: Record<'b1' | 'g1' | 'b2' | 'left', Person>;
  const X_NUMBER = '11010519950312005X';
  beforeAll(async () => {
    fixture = await registryFixture();
    admin = await fixture.actorFor({});
    committee = await fixture.actorFor({ id: 'zhao', role: 'committee-staff', orgId: 'gb' });
    branch = await fixture.actorFor({ id: 'li', role: 'branch-staff', orgId: 'b1' });
    const { store } = fixture.deps;
    people = {
      b1: await putTestPerson(store, testPerson({ orgId: 'b1', name: '张伟', birthDate: '1995-03-12', idNumber: X_NUMBER })),
      g1: await putTestPerson(store, testPerson({ orgId: 'g1', name: '张伟' })),
      b2: await putTestPerson(store, testPerson({ orgId: 'b2', name: '张伟' })),
      left: await putTestPerson(store, testPerson({ orgId: 'b2', name: '王芳', status: 'transferred-out' })),
    };
  });

  test('by exact full name, within the actor\'s scope and the organization searched, by organization', async () => {
    const ids = async (actor: Actor, orgId: string, q: string) => (await searchPeople(fixture.deps, actor, orgId, q)).results.map((p) => p.id);
    expect(await ids(admin, 'wc', '张伟')).toEqual([people.b1.id, people.g1.id, people.b2.id]); // path order: b1, its group g1, then gb's b2
    expect(await ids(admin, 'wc', ' 张 伟 ')).toEqual([people.b1.id, people.g1.id, people.b2.id]);
    expect(await ids(admin, 'b1', '张伟')).toEqual([people.b1.id, people.g1.id]);
    expect(await ids(branch, 'b1', '张伟')).toEqual([people.b1.id, people.g1.id]);
    expect(await ids(committee, 'gb', '张伟')).toEqual([people.b2.id]);
    expect(await ids(admin, 'wc', '张伟伟')).toEqual([]); // exact: no part, no more
    expect(await ids(admin, 'wc', '王芳')).toEqual([people.left.id]); // those who left are found too
    const view = await searchPeople(fixture.deps, admin, 'wc', '张伟');
    expect(view).toMatchObject({ by: 'name', shown: '张伟', more: false });
    expect(view.results[0]).toMatchObject({ orgName: '办公室党支部', idNumberMasked: '110***********005X' });
    await expect(searchPeople(fixture.deps, branch, 'c1', '张伟')).rejects.toBeInstanceOf(AuthForbiddenError);
  });

  test('by full ID number (lower-case x, spaces): found in scope; outside it "not found" exactly as a number nobody has', async () => {
    const spaced = `${X_NUMBER.slice(0, 6)} ${X_NUMBER.slice(6, 14)} ${X_NUMBER.slice(14).toLowerCase()}`;
    const found = await searchPeople(fixture.deps, branch, 'b1', spaced);
    expect(found).toMatchObject({ by: 'idNumber', shown: '110***********005X', results: [expect.objectContaining({ id: people.b1.id })] });
    expect(JSON.stringify(found)).not.toContain(X_NUMBER);
    const outside = await searchPeople(fixture.deps, committee, 'gb', X_NUMBER);
    const nobody = await searchPeople(fixture.deps, committee, 'gb', demoIdNumber('110105', '1995-03-12', 7, '女'));
    expect(outside.results).toEqual([]);
    expect({ ...outside, shown: '' }).toEqual({ ...nobody, shown: '' });
    expect((await searchPeople(fixture.deps, admin, 'gb', X_NUMBER)).results).toEqual([]); // not below the organization searched
  });

  test('bad input: a clear Chinese message (422) and nothing written; an ID number never from an address', async () => {
    const before = await itemCount(fixture.deps.store);
    for (const [q, message] of [['张', '至少 2 个字'], [X_NUMBER.slice(0, 17), '18 位'], ['110105', '18 位']] as const) {
      const refused = searchPeople(fixture.deps, admin, 'wc', q);
      await expect(refused).rejects.toBeInstanceOf(InputInvalidError);
      await expect(refused).rejects.toMatchObject({ httpStatus: 422, fieldErrors: { q: expect.stringContaining(message) } });
    }
    await expect(searchPeople(fixture.deps, admin, 'wc', X_NUMBER, { inAddress: true })).rejects.toMatchObject({ httpStatus: 422, fieldErrors: { q: expect.stringContaining('网址') } });
    expect(await searchPeople(fixture.deps, admin, 'wc', '  ')).toMatchObject({ results: [] });
    expect(await itemCount(fixture.deps.store)).toBe(before);
  });

  test('a renamed person is found by the new name only (every write of a person keeps the index)', async () => {
    const person = await putTestPerson(fixture.deps.store, testPerson({ orgId: 'b1', name: '李娜' }));
    const { id, orgId, gender, ethnicity, birthDate, education, unitPost, phone, version } = person;
    await editPerson(fixture.deps, admin, id, { orgId, name: '李娜娜', gender, ethnicity, birthDate, education, unitPost, phone, email: '', address: '', applicationDate: '', idNumber: '', version: String(version) });
    expect((await searchPeople(fixture.deps, admin, 'wc', '李娜')).results).toEqual([]);
    expect((await searchPeople(fixture.deps, admin, 'wc', '李娜娜')).results.map((p) => p.id)).toEqual([id]);
  });

  test('people stored before the name index are given it once, behind a marker', async () => {
    const { store } = fixture.deps;
    const older = [people.g1, people.left];
    for (const person of older) {
      await store.doc.send(new UpdateCommand({ TableName: store.tableName, Key: { pk: personPk(person.id), sk: 'PERSON' }, UpdateExpression: 'REMOVE gsi1pk, gsi1sk' }));
    }
    expect((await searchPeople(fixture.deps, admin, 'wc', '王芳')).results).toEqual([]);
    expect(await backfillPersonNameIndex(fixture.deps)).toBe(2);
    expect((await searchPeople(fixture.deps, admin, 'wc', '王芳')).results.map((p) => p.id)).toEqual([people.left.id]);
    expect((await searchPeople(fixture.deps, admin, 'wc', '张伟')).results).toHaveLength(3);
    const before = await itemCount(store);
    expect(await backfillPersonNameIndex(fixture.deps)).toBeUndefined(); // the marker: nothing read again, nothing written
    expect(await itemCount(store)).toBe(before);
  });
});
