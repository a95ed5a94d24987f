import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { freePort } from '../../../infra/local/dynamodb-local';
import { demoPerson } from '../../../infra/local/seed-data';
import { listAudit } from '../../../shared/store/audit';
import { getNotice, noticePk } from '../../../shared/store/notices-repo';
import { createStore } from '../../../shared/store/store';
import { HttpSession } from '../../support/http-session';
import { killHard, startRuntimeProcess, type RuntimeProcess } from '../../support/runtime-process';

// The runtime process is killed with SIGKILL while a notice waits for its end, then started again:
// the notice closes at its end, exactly once, and the objection filed before the kill is still there.
const endpoint = process.env.TEST_DYNAMODB_ENDPOINT!;
const tableName = `restart-${randomUUID()}`;
const store = createStore({ tableName, endpoint });
let dataDir: string;
let runtime: RuntimeProcess | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dangjian-restart-'));
});
afterAll(async () => {
  if (runtime) await killHard(runtime);
  rmSync(dataDir, { recursive: true, force: true });
});

async function until<T>(read: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('kill -9 during the wait, start again: the notice closes at its end, exactly once', async () => {
  const port = await freePort();
  const env = {
    PORT: String(port),
    DANGJIAN_DATA_DIR: dataDir,
    DYNAMODB_ENDPOINT: endpoint,
    TABLE_NAME: tableName,
    // Wednesday 30 Sep 2026, 23:59:35 China time: a 1-calendar-day notice ends 24 seconds later.
    DANGJIAN_CLOCK_START: '2026-09-30T15:59:35.000Z',
    DANGJIAN_CLOCK_RATE: '1',
    DANGJIAN_DEMO_NOTICES: 'off',
  };
  runtime = await startRuntimeProcess(env);
  const staff = new HttpSession(`http://127.0.0.1:${port}`);
  await staff.signIn('bangongshi', 'demo2026');
  const form = await staff.request('GET', '/staff/notices/new');
  const noticeId = HttpSession.hidden(form.body, 'idempotencyKey');
  const published = await staff.request('POST', '/staff/notices', {
    _csrf: HttpSession.hidden(form.body, '_csrf'), idempotencyKey: noticeId, personId: demoPerson('office-01').id, kind: 'development-target',
    audience: 'public', proposedStep: '拟确定为发展对象', office: '机关党委组织科', contact: '010-65550305',
    periodUnit: 'calendarDays', periodCount: '1',
  });
  expect(published.status).toBe(303);
  const notice = await until(() => getNotice(store, noticeId));
  expect(notice.endsAt).toBe('2026-09-30T23:59:59+08:00');
  const visitor = new HttpSession(`http://127.0.0.1:${port}`);
  expect((await visitor.request('POST', `/notices/${noticeId}/objections`, { content: '重启前提交的异议' })).status).toBeLessThan(400);

  await killHard(runtime);
  runtime = await startRuntimeProcess(env);

  const closed = await until(async () => {
    const current = await getNotice(store, noticeId);
    return current?.status === 'closed' ? current : undefined;
  });
  const lateness = Date.parse(closed.closedAt!) - closed.endsAtMs;
  expect(lateness).toBeGreaterThanOrEqual(0);
  expect(lateness).toBeLessThan(3000);
  const task = await until(async () => (await store.doc.send(new GetCommand({ TableName: tableName, Key: { pk: `TASK#notice-objections-${noticeId}`, sk: 'TASK' } }))).Item);
  expect(task.status).toBe('open');
  const actions = (await listAudit(store, noticePk(noticeId))).map((event) => event.action);
  expect(actions).toEqual(['notice.published', 'notice.objection-filed', 'notice.closed', 'task.opened']);
  expect(closed.objectionCount).toBe(1);
});
