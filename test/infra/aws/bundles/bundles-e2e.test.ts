import { getNotice } from '../../../../shared/store/notices-repo';
import { objectionTaskId } from '../../../../shared/services/notice';
import { Browser, makeEvent, signInWithForm } from '../../../functions/http/support/http-client';
import { PRIVATE_PERSON, publishWithForm, seedPerson } from '../../../functions/http/support/fixtures';
import { BundledLambda } from './bundled-lambda';
import { BundleWorld } from './bundle-world';
import { addPoolUser } from './staff-users';

// What AWS would run: the Lambda bundles of the cloud assembly (esbuild output), each with the template's environment,
// the template's state machines driving the task bundles, the real @aws-sdk clients against the local twins.
let world: BundleWorld;
beforeAll(async () => {
  world = await BundleWorld.start('2026-09-23T01:00:00.000Z'); // Wed 23 Sep 2026, 09:00 China time
}, 600_000);
afterAll(async () => {
  await world?.stop();
});

test('every bundle of the assembly loads as the Lambda runtime loads it (only node:* and @aws-sdk/* left to import)', async () => {
  expect(world.functions.length).toBeGreaterThanOrEqual(25);
  for (const fn of world.functions) {
    const lambda = await BundledLambda.start(fn, await world.environmentOf(fn), new SharedArrayBuffer(8));
    await lambda.stop();
  }
});

describe('a notice with an objection', () => {
  let staff: Browser;
  let csrf: string;
  let noticeId: string;
  beforeAll(async () => {
    await seedPerson(world.store);
    await addPoolUser(world.cognito, { username: 'li', password: 'Pw-li-2026-x', role: 'branch-staff', orgId: 'org-a', name: '李书记', email: 'li@example.org' });
    staff = new Browser(world.site('http-staff'));
    csrf = await signInWithForm(staff, 'li', 'Pw-li-2026-x');
  });

  test('published through the staff site, the notice workflow runs its publish task bundle', async () => {
    noticeId = await publishWithForm(staff, csrf);
    expect(await getNotice(world.store, noticeId)).toMatchObject({ status: 'open', endsAt: '2026-09-30T23:59:59+08:00' });
    const board = await world.site('http-public')(makeEvent('GET', '/'));
    expect(board.statusCode).toBe(200);
    expect(board.body).toContain(PRIVATE_PERSON.name);
  });

  test('an objection on the public site; at the end the staff get the task, decide it, the notice closes', async () => {
    const objection = await world.site('http-public')(makeEvent('POST', `/notices/${noticeId}/objections`, { body: { content: '该同志工作作风需核实', name: '王五', contact: '13800000000' } }));
    expect(objection.statusCode).toBe(303);
    await world.advanceTo('2026-09-30T16:00:00.000Z');
    const taskId = objectionTaskId(noticeId);
    const page = await staff.get(`/staff/tasks/${encodeURIComponent(taskId)}`);
    expect(page.statusCode).toBe(200);
    const objectionIds = [...(page.body ?? '').matchAll(/name="decision\.([^"]+)"/g)].map((m) => m[1]);
    expect(objectionIds).toHaveLength(1);
    const form = Object.fromEntries(objectionIds.flatMap((id) => [[`decision.${id}`, 'unfounded'], [`note.${id}`, '已找本人及同事谈话核实'], [`reviewDate.${id}`, '']]));
    const decided = await staff.post(`/staff/tasks/${encodeURIComponent(taskId)}`, { _csrf: csrf, ...form });
    expect(decided.statusCode).toBe(303);
    expect(await getNotice(world.store, noticeId)).toMatchObject({ status: 'closed', result: 'proceed' });
    const execution = await world.stepFunctions.describeExecution(`arn:aws:states:local:000000000000:execution:notice:${(await getNotice(world.store, noticeId))!.executionArn?.split(':').at(-1)}`);
    expect(execution).toMatchObject({ status: 'SUCCEEDED', output: { noticeId, result: 'proceed' } });
    expect(world.mailer.sent.some((mail) => mail.to.includes('li@example.org'))).toBe(true);
  });
});
