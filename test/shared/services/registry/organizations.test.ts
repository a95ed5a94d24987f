import { listAudit } from '../../../../shared/store/audit';
import { getOrganization, orgPk } from '../../../../shared/store/orgs-repo';
import {
  closeOrganization, createOrganization, editOrganization, getOrganizationView, getOrgTreeView, moveOrganization, OrgNotEmptyError, RegistryVersionConflictError,
} from '../../../../shared/services/registry';
import { InputInvalidError } from '../../../../shared/errors';
import type { Actor } from '../../../../shared/services/actor';
import { putTestPerson, testPerson } from '../../../support/registry-fixtures';
import { registryFixture } from './support';

let fixture: Awaited<ReturnType<typeof registryFixture>>;
let admin: Actor;
beforeAll(async () => {
  fixture = await registryFixture();
  admin = await fixture.actorFor({});
});

const committeeForm = {
  'committee.0.name': '张书记', 'committee.0.post': 'secretary',
  'committee.1.name': '李委员', 'committee.1.post': 'member', 'committee.1.duty': '组织委员',
};

describe('organizations', () => {
  test('create under a fitting parent, with its committee and term; the history starts', async () => {
    const org = await createOrganization(fixture.deps, admin, { name: '新党支部', kind: 'branch', parentId: 'c1', termStart: '2026-01-01', termEnd: '2028-12-31', ...committeeForm });
    expect(org).toMatchObject({ kind: 'branch', parentId: 'c1', mayApprove: false, status: 'active', version: 1 });
    expect(org.committee).toEqual([{ name: '张书记', post: 'secretary' }, { name: '李委员', post: 'member', duty: '组织委员' }]);
    const history = await listAudit(fixture.deps.store, orgPk(org.id));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'org.created', actor: 'admin' });
  });

  test('kind rules, approval only for committees, term order, one secretary: per-field Chinese messages', async () => {
    const attempt = (form: Record<string, string>) => createOrganization(fixture.deps, admin, { name: '错误组织', ...form });
    await expect(attempt({ kind: 'committee', parentId: 'b1' })).rejects.toMatchObject({ fieldErrors: { parentId: '机关党委不能设在党支部之下。' } });
    await expect(attempt({ kind: 'party-group', parentId: 'c1' })).rejects.toMatchObject({ fieldErrors: { parentId: '党小组不能设在机关党委之下。' } });
    await expect(attempt({ kind: 'general-branch', parentId: 'c1', mayApprove: 'on' })).rejects.toMatchObject({ fieldErrors: { mayApprove: expect.stringContaining('党总支只审查') } });
    await expect(attempt({ kind: 'branch', parentId: 'c1', termStart: '2026-01-01', termEnd: '2025-01-01' })).rejects.toMatchObject({ fieldErrors: { termEnd: expect.stringContaining('晚于') } });
    await expect(attempt({ kind: 'branch', parentId: 'c1', 'committee.0.name': '甲', 'committee.0.post': 'secretary', 'committee.1.name': '乙', 'committee.1.post': 'secretary' })).rejects.toBeInstanceOf(InputInvalidError);
    await expect(attempt({ kind: 'branch' })).rejects.toMatchObject({ fieldErrors: { parentId: expect.stringContaining('请选择上级组织') } });
  });

  test('edit: a stale form is refused with 409 and a Chinese message; the change is in the history', async () => {
    const org = await createOrganization(fixture.deps, admin, { name: '待改组织', kind: 'branch', parentId: 'c1' });
    const edited = await editOrganization(fixture.deps, admin, org.id, { name: '已改组织', version: '1', termEnd: '2029-01-01', ...committeeForm });
    expect(edited.version).toBe(2);
    const stale = editOrganization(fixture.deps, admin, org.id, { name: '旧表单', version: '1' });
    await expect(stale).rejects.toBeInstanceOf(RegistryVersionConflictError);
    await expect(stale).rejects.toMatchObject({ httpStatus: 409, userMessage: expect.stringContaining('已被他人修改') });
    const history = await listAudit(fixture.deps.store, orgPk(org.id));
    expect(history.map((e) => e.action)).toEqual(['org.created', 'org.edited']);
    expect(history[1].details).toMatchObject({ name: { before: '待改组织', after: '已改组织' }, committee: { after: '书记 张书记；委员 李委员（组织委员）' } });
  });

  test('move: no cycles, kind rules; the approving organization follows the tree', async () => {
    const version = String((await getOrganization(fixture.deps.store, 'b1'))!.version);
    await expect(moveOrganization(fixture.deps, admin, 'c1', { parentId: 'g1', version: '1' })).rejects.toMatchObject({ fieldErrors: { parentId: expect.stringContaining('下级组织') } });
    await expect(moveOrganization(fixture.deps, admin, 'b1', { parentId: 'b2', version })).rejects.toMatchObject({ fieldErrors: { parentId: '党支部不能设在党支部之下。' } });
    const moved = await moveOrganization(fixture.deps, admin, 'b1', { parentId: 'gb', version });
    expect(moved.parentId).toBe('gb');
    const view = await getOrganizationView(fixture.deps, admin, 'b1');
    expect(view.approver?.id).toBe('c1'); // the general branch does not approve
    expect(view.history.at(-1)).toMatchObject({ action: 'org.moved', details: { before: '数据局机关党委', after: '业务党总支' } });
    await moveOrganization(fixture.deps, admin, 'b1', { parentId: 'c1', version: String(moved.version) });
  });

  test('close: refused while it has active children or people; then it stays, closed, with its history', async () => {
    const org = await createOrganization(fixture.deps, admin, { name: '将撤销支部', kind: 'branch', parentId: 'c1' });
    const group = await createOrganization(fixture.deps, admin, { name: '其党小组', kind: 'party-group', parentId: org.id });
    const person = await putTestPerson(fixture.deps.store, testPerson({ orgId: group.id }));
    await expect(closeOrganization(fixture.deps, admin, org.id, { reason: '机构调整', version: '1' })).rejects.toMatchObject({ httpStatus: 409, userMessage: expect.stringContaining('1 个下级组织') });
    await expect(closeOrganization(fixture.deps, admin, group.id, { reason: '机构调整', version: '1' })).rejects.toBeInstanceOf(OrgNotEmptyError);
    expect(person.orgId).toBe(group.id);
    const empty = await createOrganization(fixture.deps, admin, { name: '空党小组', kind: 'party-group', parentId: org.id });
    const closed = await closeOrganization(fixture.deps, admin, empty.id, { reason: '合并', version: '1' });
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-03-02' });
    await expect(editOrganization(fixture.deps, admin, empty.id, { name: 'x', version: '2' })).rejects.toMatchObject({ httpStatus: 409 });
    const view = await getOrganizationView(fixture.deps, admin, empty.id);
    expect(view.permissions).toEqual({ edit: false, move: false, close: false, createChild: false, createPerson: false });
    expect(view.history.map((e) => e.action)).toEqual(['org.created', 'org.closed']);
  });

  test('the tree as each actor sees it: a branch secretary sees only their branch and its party group', async () => {
    const secretary = await fixture.actorFor({ id: 'li', role: 'branch-staff', orgId: 'b1' });
    const view = await getOrgTreeView(fixture.deps, secretary);
    expect(view.nodes.map((n) => [n.org.id, n.depth])).toEqual([['b1', 0], ['g1', 1]]);
    expect(view.nodes[0].approver?.id).toBe('c1');
    expect(view.canCreateRoot).toBe(false);
    const all = await getOrgTreeView(fixture.deps, admin);
    expect(all.nodes[0]).toMatchObject({ depth: 0, org: { id: 'wc' } });
    expect(all.canCreateRoot).toBe(true);
  });
});
