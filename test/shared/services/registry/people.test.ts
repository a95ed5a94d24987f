import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { demoIdNumber } from '../../../../infra/local/seed-data';
import type { Actor } from '../../../../shared/services/actor';
import { AuthForbiddenError } from '../../../../shared/errors';
import {
  addAttendanceExclusion, changeMembershipStatus, createPerson, editPerson, endAttendanceExclusion, getPersonView, listOrgPeople, PersonDuplicateError,
  RegistryVersionConflictError, revealIdNumber, setRightsState,
} from '../../../../shared/services/registry';
import { listAudit } from '../../../../shared/store/audit';
import { getPersonByIdNumber, personPk } from '../../../../shared/store/people-repo';
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
/** Sequence numbers for further people born the same day. */
let nextNumber = 0;
/** The person with ID_NUMBER, created by the first test. */
let id: string;
const personForm = (overrides: Record<string, string> = {}) => ({
  orgId: 'b1', name: '陈静', gender: '女', ethnicity: '汉族', birthDate: '1993-11-05', idNumber: ID_NUMBER, education: '大学本科',
  unitPost: '综合科 副科长', phone: '13910012001', email: 'chen@example.org', status: 'full', statusFrom: '2018-07-01', ...overrides,
});

describe('people', () => {
  test('create: a random id; a second person with the same ID number is refused clearly', async () => {
    const person = await createPerson(fixture.deps, admin, personForm({ idNumber: ` ${ID_NUMBER.toLowerCase()} ` }));
    id = person.id;
    expect(person.id).toMatch(/^p-[A-Za-z0-9_-]{22}$/);
    expect(await getPersonByIdNumber(fixture.deps.store, ID_NUMBER)).toEqual(person);
    expect(person).toMatchObject({ idNumber: ID_NUMBER, status: 'full', statusHistory: [{ value: 'full', from: '2018-07-01' }], rightsState: 'normal', version: 1 });
    const again = createPerson(fixture.deps, admin, personForm({ orgId: 'g1', name: '别人' }));
    await expect(again).rejects.toBeInstanceOf(PersonDuplicateError);
    await expect(again).rejects.toMatchObject({ httpStatus: 409, userMessage: expect.stringContaining('已在党员名册中登记'), existingPersonId: person.id });
    // Spelled differently (full-width digits, spaces): the same number.
    const fullWidth = ID_NUMBER.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    await expect(createPerson(fixture.deps, admin, personForm({ idNumber: ` ${fullWidth} `, name: '别人' }))).rejects.toBeInstanceOf(PersonDuplicateError);
    // Someone who may not see the registered person is not told who it is.
    const elsewhere = await fixture.actorFor({ id: 'zhao', role: 'committee-staff', orgId: 'gb' });
    await expect(createPerson(fixture.deps, elsewhere, personForm({ orgId: 'b2', name: '别人' }))).rejects.toMatchObject({ httpStatus: 409, existingPersonId: undefined });
  });

  test('a person id has nothing to do with the ID number: not a hash of it, unrelated for two people alike but for the number', async () => {
    const [numberA, numberB] = [demoIdNumber('110105', '1990-04-12', 11, '男'), demoIdNumber('110105', '1990-04-12', 12, '男')];
    const form = (idNumber: string) => personForm({ idNumber, name: '孪生', gender: '男', birthDate: '1990-04-12', phone: '13900000077', email: '' });
    const a = await createPerson(fixture.deps, admin, form(numberA));
    const b = await createPerson(fixture.deps, admin, form(numberB));
    const listed = (await listOrgPeople(fixture.deps, admin, 'b1')).people.filter((p) => p.name === '孪生').map((p) => p.id);
    expect(listed.sort()).toEqual([a.id, b.id].sort());
    for (const [person, idNumber] of [[a, numberA], [b, numberB]] as const) {
      const body = person.id.slice(2);
      expect(body).toMatch(/^[A-Za-z0-9_-]{22}$/);
      for (const algorithm of ['sha256', 'sha1', 'md5', 'sha512']) {
        for (const text of [idNumber, idNumber.toLowerCase(), `${idNumber}\n`]) {
          const digest = createHash(algorithm).update(text).digest();
          for (const encoded of [digest.toString('hex'), digest.toString('base64url'), digest.toString('base64')]) {
            expect(encoded).not.toContain(body.slice(0, 8));
            expect(person.id).not.toContain(encoded.slice(0, 8));
          }
        }
      }
      expect(person.id).not.toContain(idNumber.slice(0, 6));
      expect(person.id).not.toContain(idNumber.slice(6, 14));
    }
    // Two people alike in every field but the number: ids with nothing in common beyond the prefix.
    expect(a.id).not.toBe(b.id);
    expect(a.id.slice(0, 6)).not.toBe(b.id.slice(0, 6));
    // The same number again is refused.
    await expect(createPerson(fixture.deps, admin, form(numberA))).rejects.toBeInstanceOf(PersonDuplicateError);
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
    await expect(changeMembershipStatus(fixture.deps, secretary, id, { status: 'probationary', from: '2026-01-01', version: '6' })).rejects.toBeInstanceOf(AuthForbiddenError);
    await expect(setRightsState(fixture.deps, secretary, id, { rightsState: 'rights-suspended', from: '2026-01-01', version: '6' })).rejects.toBeInstanceOf(AuthForbiddenError);
  });

  test.each([
    ['applicant', 'b1', 'created'], ['applicant', 'g1', 'created'], ['activist', 'b1', 422], ['full', 'b1', 422], ['applicant', 'b2', 403], ['applicant', 'c1', 403],
  ] as const)('branch staff of b1 add people to their own branch as 入党申请人 only: %s in %s → %s', async (status, orgId, outcome) => {
    const number = demoIdNumber('110105', '1993-11-05', 300 + 2 * nextNumber++, '女');
    const attempt = createPerson(fixture.deps, secretary, personForm({ idNumber: number, status, orgId, name: '新申请人' }));
    if (outcome === 'created') {
      await expect(attempt).resolves.toMatchObject({ orgId, status: 'applicant' });
    } else {
      if (outcome === 403) await expect(attempt).rejects.toBeInstanceOf(AuthForbiddenError);
      else await expect(attempt).rejects.toMatchObject({ httpStatus: 422, fieldErrors: { status: expect.stringContaining('党支部只能登记入党申请人') } });
      expect(await getPersonByIdNumber(fixture.deps.store, number)).toBeUndefined();
    }
  });

  test('the full ID number only through 显示完整证件号码 (committee staff and admins in scope), each time recorded; masked in every view and list', async () => {
    const committee = await fixture.actorFor({ id: 'wang', role: 'committee-staff', orgId: 'c1' });
    for (const actor of [admin, committee, secretary]) {
      const view = await getPersonView(fixture.deps, actor, id);
      expect(view.idNumber).toBeUndefined();
      expect(JSON.stringify(view)).not.toContain(ID_NUMBER);
      expect(view.person.idNumberMasked).toBe(`${ID_NUMBER.slice(0, 3)}***********${ID_NUMBER.slice(14)}`);
      expect(view.permissions.viewIdNumber).toBe(actor !== secretary);
    }
    const before = (await listAudit(fixture.deps.store, personPk(id))).length;
    expect(await revealIdNumber(fixture.deps, committee, id)).toBe(ID_NUMBER);
    expect(await revealIdNumber(fixture.deps, admin, id)).toBe(ID_NUMBER);
    const shown = (await listAudit(fixture.deps.store, personPk(id))).slice(before);
    expect(shown).toEqual([
      expect.objectContaining({ action: 'person.id-number-shown', actor: 'wang' }),
      expect.objectContaining({ action: 'person.id-number-shown', actor: admin.id }),
    ]);
    expect(JSON.stringify(shown)).not.toContain(ID_NUMBER);
    // Branch staff, and committee staff of another subtree: refused (403), nothing recorded.
    const elsewhere = await fixture.actorFor({ id: 'zhao', role: 'committee-staff', orgId: 'gb' });
    await expect(revealIdNumber(fixture.deps, secretary, id)).rejects.toBeInstanceOf(AuthForbiddenError);
    await expect(revealIdNumber(fixture.deps, elsewhere, id)).rejects.toBeInstanceOf(AuthForbiddenError);
    expect(await listAudit(fixture.deps.store, personPk(id))).toHaveLength(before + 2);
    const list = await listOrgPeople(fixture.deps, admin, 'c1');
    expect(list.people.map((p) => p.name)).toContain('陈静');
    expect(JSON.stringify(list)).not.toContain(ID_NUMBER);
  });

  test('the ID number can be corrected: validated, refused when registered to someone else, the index moves with it', async () => {
    const NEW_NUMBER = demoIdNumber('110105', '1993-11-05', 45, '女');
    const other = await createPerson(fixture.deps, admin, personForm({ idNumber: demoIdNumber('110105', '1993-11-05', 47, '女'), name: '同日生' }));
    const edit = (idNumber: string, version = '6', actor = admin) => editPerson(fixture.deps, actor, id, { ...personForm(), phone: '13900000001', idNumber, version });
    await expect(edit(NEW_NUMBER, '6', secretary)).rejects.toBeInstanceOf(AuthForbiddenError);
    await expect(edit(`${NEW_NUMBER.slice(0, 17)}0`)).rejects.toMatchObject({ fieldErrors: { idNumber: expect.stringContaining('校验位') } });
    await expect(edit(demoIdNumber('110105', '1993-11-06', 45, '女'))).rejects.toMatchObject({ fieldErrors: { idNumber: '身份证号中的出生日期与填写的出生日期不一致。' } });
    await expect(edit(other.idNumber)).rejects.toMatchObject({ httpStatus: 409, userMessage: expect.stringContaining('已在党员名册中登记'), existingPersonId: other.id });
    await expect(edit(NEW_NUMBER, '5')).rejects.toBeInstanceOf(RegistryVersionConflictError);
    expect(await getPersonByIdNumber(fixture.deps.store, ID_NUMBER)).toMatchObject({ id, version: 6 });
    expect(await getPersonByIdNumber(fixture.deps.store, NEW_NUMBER)).toBeUndefined();

    const changed = await edit(` ${NEW_NUMBER.toLowerCase()} `);
    expect(changed).toMatchObject({ id, idNumber: NEW_NUMBER, version: 7 });
    expect(await getPersonByIdNumber(fixture.deps.store, NEW_NUMBER)).toMatchObject({ id, version: 7 });
    expect(await getPersonByIdNumber(fixture.deps.store, ID_NUMBER)).toBeUndefined();
    const [last] = (await listAudit(fixture.deps.store, personPk(id))).slice(-1);
    expect(last).toMatchObject({ action: 'person.edited', details: { changed: ['idNumber'] } });
    // A blank field keeps the number; the freed number may be registered again (to a new, unrelated id).
    expect(await editPerson(fixture.deps, admin, id, { ...personForm(), phone: '13900000002', idNumber: '', version: '7' })).toMatchObject({ idNumber: NEW_NUMBER, version: 8 });
    const again = await createPerson(fixture.deps, admin, personForm({ name: '陈静（原号码）' }));
    expect(again.id).not.toBe(id);
    expect(await getPersonByIdNumber(fixture.deps.store, ID_NUMBER)).toMatchObject({ id: again.id });
  });

  test('no audit event, list or person view carries an ID number or its index key', async () => {
    const { Items = [] } = await fixture.deps.store.doc.send(new ScanCommand({ TableName: fixture.deps.store.tableName }));
    const people = Items.filter((item) => item.type === 'person');
    const index = Items.filter((item) => String(item.pk).startsWith('IDNUMBER#'));
    // Every person has exactly one index item, keyed by the SHA-256 of their number, naming them; nothing else is indexed.
    const indexPk = (idNumber: string) => `IDNUMBER#${createHash('sha256').update(idNumber).digest('hex')}`;
    expect(index.map((item) => [item.pk, item.sk, item.personId]).sort()).toEqual(people.map((p) => [indexPk(String(p.idNumber)), 'IDNUMBER', p.id]).sort());
    const secrets = people.flatMap((p) => [String(p.idNumber), indexPk(String(p.idNumber)).slice('IDNUMBER#'.length, 'IDNUMBER#'.length + 16)]);
    const audit = Items.filter((item) => item.type === 'audit');
    expect(audit.length).toBeGreaterThan(5);
    const text = JSON.stringify(audit);
    expect(text).not.toContain('IDNUMBER');
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(JSON.stringify(people)).not.toContain('IDNUMBER');
    const committee = await fixture.actorFor({ id: 'wang', role: 'committee-staff', orgId: 'c1' });
    const shown = JSON.stringify([
      await listOrgPeople(fixture.deps, admin, 'wc'), await listOrgPeople(fixture.deps, secretary, 'b1'),
      ...(await Promise.all(people.map((p) => getPersonView(fixture.deps, secretary, String(p.id)).catch(() => undefined)))),
    ]);
    expect(shown).not.toContain('IDNUMBER');
    for (const secret of secrets) expect(shown).not.toContain(secret);
    // The person's own page for committee staff: masked too (the full number only by 显示完整证件号码), never the index key.
    const own = JSON.stringify(await getPersonView(fixture.deps, committee, id));
    expect(own).not.toContain('IDNUMBER');
    for (const secret of secrets) expect(own).not.toContain(secret);
  });
});
