import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { demoIdNumber } from '../../../../infra/local/seed-data';
import type { Actor } from '../../../../shared/services/actor';
import { AuthForbiddenError } from '../../../../shared/services/errors';
import {
  addAttendanceExclusion, changeMembershipStatus, createPerson, editPerson, endAttendanceExclusion, getPersonView, listOrgPeople, PersonDuplicateError,
  RegistryVersionConflictError, setRightsState,
} from '../../../../shared/services/registry';
import { listAudit } from '../../../../shared/store/audit';
import { personIdFor, personPk } from '../../../../shared/store/people-repo';
import { registryFixture } from './support';

let fixture: Awaited<ReturnType<typeof registryFixture>>;
let admin: Actor;
let secretary: Actor;
beforeAll(async () => {
  fixture = await registryFixture();
  admin = await fixture.actorFor({});
  secretary = await fixture.actorFor({ id: 'li', role: 'branch-staff', orgId: 'b1' });
});

const ID_NUMBER = demoIdNumber('110105', '1993-11-05', 41, '女');
const personForm = (overrides: Record<string, string> = {}) => ({
  orgId: 'b1', name: '陈静', gender: '女', ethnicity: '汉族', birthDate: '1993-11-05', idNumber: ID_NUMBER, education: '大学本科',
  unitPost: '综合科 副科长', phone: '13910012001', email: 'chen@example.org', status: 'full', statusFrom: '2018-07-01', ...overrides,
});

describe('people', () => {
  test('create: the id follows from the ID number; a second person with it is refused clearly', async () => {
    const person = await createPerson(fixture.deps, admin, personForm({ idNumber: ` ${ID_NUMBER.toLowerCase()} ` }));
    expect(person.id).toBe(personIdFor(ID_NUMBER));
    expect(person).toMatchObject({ idNumber: ID_NUMBER, status: 'full', statusHistory: [{ value: 'full', from: '2018-07-01' }], rightsState: 'normal', version: 1 });
    const again = createPerson(fixture.deps, admin, personForm({ orgId: 'g1', name: '别人' }));
    await expect(again).rejects.toBeInstanceOf(PersonDuplicateError);
    await expect(again).rejects.toMatchObject({ httpStatus: 409, userMessage: expect.stringContaining('已在党员名册中登记'), existingPersonId: person.id });
  });

  test('the ID number is checked against the birth date and gender on the form', async () => {
    const other = demoIdNumber('110105', '1990-01-02', 7, '男');
    await expect(createPerson(fixture.deps, admin, personForm({ idNumber: other }))).rejects.toMatchObject({
      fieldErrors: { idNumber: '身份证号中的出生日期与填写的出生日期不一致。身份证号显示的性别与填写的性别不一致。' },
    });
    await expect(createPerson(fixture.deps, admin, personForm({ idNumber: `${ID_NUMBER.slice(0, 17)}0` }))).rejects.toMatchObject({ fieldErrors: { idNumber: expect.stringContaining('校验位') } });
    await expect(createPerson(fixture.deps, admin, personForm({ idNumber: '123' }))).rejects.toMatchObject({ fieldErrors: { idNumber: '身份证号应为 18 位。' } });
  });

  test('status, rights and exclusions: dated, version-checked, each in the person history', async () => {
    const id = personIdFor(ID_NUMBER);
    await expect(changeMembershipStatus(fixture.deps, admin, id, { status: 'full', from: '2026-01-01', version: '1' })).rejects.toMatchObject({ fieldErrors: { status: expect.stringContaining('当前已是正式党员') } });
    let person = await setRightsState(fixture.deps, admin, id, { rightsState: 'probation-within-party', from: '2025-12-10', note: '留党察看一年', version: '1' });
    await expect(setRightsState(fixture.deps, admin, id, { rightsState: 'normal', from: '2025-12-01', version: '2' })).rejects.toMatchObject({ fieldErrors: { from: expect.stringContaining('2025-12-10') } });
    await expect(setRightsState(fixture.deps, admin, id, { rightsState: 'normal', from: '2026-12-01', version: '2' })).rejects.toMatchObject({ fieldErrors: { from: '生效日期不能晚于今天。' } });
    person = await setRightsState(fixture.deps, admin, id, { rightsState: 'normal', from: '2026-02-01', version: '2' });
    expect(person.rightsHistory.map((e) => e.value)).toEqual(['probation-within-party', 'normal']);
    person = await addAttendanceExclusion(fixture.deps, secretary, id, { reason: 'abroad', from: '2026-01-15', note: '公派出国', version: '3' });
    await expect(addAttendanceExclusion(fixture.deps, secretary, id, { reason: 'long-illness', from: '2026-02-01', version: '4' })).rejects.toMatchObject({ fieldErrors: { from: expect.stringContaining('重叠') } });
    person = await endAttendanceExclusion(fixture.deps, secretary, id, { index: '0', to: '2026-02-28', version: '4' });
    expect(person.exclusions).toEqual([{ reason: 'abroad', from: '2026-01-15', to: '2026-02-28', note: '公派出国' }]);
    await expect(editPerson(fixture.deps, admin, id, { ...personForm(), phone: '13900000001', version: '4' })).rejects.toBeInstanceOf(RegistryVersionConflictError);
    await editPerson(fixture.deps, admin, id, { ...personForm(), phone: '13900000001', version: '5' });
    const actions = (await listAudit(fixture.deps.store, personPk(id))).map((e) => e.action);
    expect(actions).toEqual(['person.created', 'person.rights-changed', 'person.rights-changed', 'person.exclusion-added', 'person.exclusion-ended', 'person.edited']);
  });

  test('branch staff record exclusions but not status, rights or the record (403)', async () => {
    const id = personIdFor(ID_NUMBER);
    await expect(changeMembershipStatus(fixture.deps, secretary, id, { status: 'probationary', from: '2026-01-01', version: '6' })).rejects.toBeInstanceOf(AuthForbiddenError);
    await expect(setRightsState(fixture.deps, secretary, id, { rightsState: 'rights-suspended', from: '2026-01-01', version: '6' })).rejects.toBeInstanceOf(AuthForbiddenError);
    await expect(createPerson(fixture.deps, secretary, personForm({ idNumber: demoIdNumber('110105', '1993-11-05', 43, '女') }))).rejects.toBeInstanceOf(AuthForbiddenError);
  });

  test('the full ID number only on the person page for committee staff and admins; masked for branch staff and in lists', async () => {
    const id = personIdFor(ID_NUMBER);
    expect((await getPersonView(fixture.deps, admin, id)).idNumber).toBe(ID_NUMBER);
    const committee = await fixture.actorFor({ id: 'wang', role: 'committee-staff', orgId: 'c1' });
    expect((await getPersonView(fixture.deps, committee, id)).idNumber).toBe(ID_NUMBER);
    const branchView = await getPersonView(fixture.deps, secretary, id);
    expect(branchView.idNumber).toBeUndefined();
    expect(JSON.stringify(branchView)).not.toContain(ID_NUMBER);
    expect(branchView.person.idNumberMasked).toBe(`${ID_NUMBER.slice(0, 3)}***********${ID_NUMBER.slice(14)}`);
    const list = await listOrgPeople(fixture.deps, admin, 'c1');
    expect(list.people.map((p) => p.name)).toContain('陈静');
    expect(JSON.stringify(list)).not.toContain(ID_NUMBER);
  });

  test('no audit event anywhere in the table carries an ID number', async () => {
    const { Items = [] } = await fixture.deps.store.doc.send(new ScanCommand({ TableName: fixture.deps.store.tableName }));
    const audit = Items.filter((item) => item.type === 'audit');
    expect(audit.length).toBeGreaterThan(5);
    const text = JSON.stringify(audit);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toMatch(/\d{17}[\dX]/);
  });
});
