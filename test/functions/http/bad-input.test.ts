import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { createPublicSite } from '../../../functions/http/public-site';
import { createStaffSite } from '../../../functions/http/staff-site';
import { DEMO_ORG_IDS, demoPerson, seedDemo } from '../../../infra/local/seed';
import { createLocalAuthenticator } from '../../../shared/services/auth';
import { fileObjection, objectionTaskId, startNoticeProcess } from '../../../shared/services/notice';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { noticeDraft } from '../../support/notice-fixtures';
import { Browser, makeEvent, signInWithForm } from './support/http-client';

// Thousands of generated malformed submissions: each gets a 4xx with a message, and the table stays as it was.
let runtime: TestRuntime;
let openNoticeId: string;
let closedNoticeId: string;
let staff: Browser;
let csrf: string;
let publicSite: ReturnType<typeof createPublicSite>;

async function tableSnapshot(): Promise<string[]> {
  const items: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await runtime.store.doc.send(new ScanCommand({ TableName: runtime.store.tableName, ExclusiveStartKey }));
    items.push(...(page.Items ?? []).map((item) => JSON.stringify(item, Object.keys(item).sort())));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort();
}

beforeAll(async () => {
  runtime = await startTestRuntime('2026-09-23T01:00:00.000Z');
  await seedDemo(runtime.deps);
  const open = noticeDraft({ orgId: DEMO_ORG_IDS.office });
  const closed = noticeDraft({ orgId: DEMO_ORG_IDS.office, period: { unit: 'calendarDays', count: 1 } });
  await startNoticeProcess(runtime.deps, closed);
  await startNoticeProcess(runtime.deps, open);
  await runtime.stepFunctions.settled();
  await fileObjection(runtime.deps, closed.id, { content: '需要核实' });
  await runtime.advanceTo('2026-09-24T00:00:00.000Z'); // the 1-day notice has ended with an objection → pending task
  openNoticeId = open.id;
  closedNoticeId = closed.id;
  publicSite = createPublicSite(runtime.deps);
  staff = new Browser(createStaffSite({ ...runtime.deps, authenticator: createLocalAuthenticator(runtime.store) }));
  csrf = await signInWithForm(staff, 'bangongshi', 'demo2026');
}, 120_000);
afterAll(async () => {
  await runtime.shutdown();
});

const text = (max: number) => fc.string({ maxLength: max });
const tooLong = (limit: number) => fc.string({ minLength: limit + 1, maxLength: limit + 40 }).filter((s) => s.trim().length > limit);
const blank = fc.constantFrom('', ' ', '\n\t', '　');

/** An objection form with at least one defect. */
const badObjection = fc.oneof(
  fc.record({ content: blank, name: text(50), contact: text(100) }),
  fc.record({ content: tooLong(2000) }),
  fc.record({ content: fc.string({ minLength: 1, maxLength: 100 }).filter((s) => s.trim() !== ''), name: tooLong(50) }),
  fc.record({ content: fc.string({ minLength: 1, maxLength: 100 }).filter((s) => s.trim() !== ''), contact: tooLong(100) }),
  fc.record({ name: text(50), contact: text(100) }),
);

test('malformed objections get 4xx with field messages and change nothing', async () => {
  const before = await tableSnapshot();
  await fc.assert(
    fc.asyncProperty(badObjection, fc.boolean(), async (form, asJson) => {
      const result = await publicSite(
        makeEvent('POST', `/notices/${openNoticeId}/objections`, { body: form as Record<string, string>, json: asJson }),
      );
      expect(result.statusCode).toBe(422);
      expect(result.body).toMatch(/请填写|不能超过/);
    }),
    { numRuns: 1500 },
  );
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.record({ kind: fc.constant('closed'), content: fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim() !== '') }),
        fc.record({ kind: fc.constant('unknown'), content: fc.string({ minLength: 1, maxLength: 50 }) }),
        fc.record({ kind: fc.constant('garbage'), content: fc.string({ maxLength: 200 }) }),
        fc.record({ kind: fc.constant('huge'), content: fc.constant('x'.repeat(70 * 1024)) }),
      ),
      async ({ kind, content }) => {
        const noticeId = kind === 'closed' ? closedNoticeId : kind === 'unknown' ? 'no-such-notice' : openNoticeId;
        const options = kind === 'garbage' ? { body: `{${content}`, headers: { 'content-type': 'application/json' } } : { body: { content } };
        const result = await publicSite(makeEvent('POST', `/notices/${noticeId}/objections`, options));
        expect(result.statusCode).toBeGreaterThanOrEqual(400);
        expect(result.statusCode).toBeLessThan(500);
      },
    ),
    { numRuns: 500 },
  );
  expect(await tableSnapshot()).toEqual(before);
}, 300_000);

const badPublish = fc.oneof(
  fc.record({ personId: fc.constantFrom('', 'no-such-person'), kind: fc.constant('activist'), periodCount: fc.constant('5') }),
  fc.record({ personId: fc.constant(demoPerson('office-01').id), kind: fc.string({ maxLength: 12 }).filter((k) => !['activist', 'development-target', 'admission', 'conversion', 'other'].includes(k)), periodCount: fc.constant('5') }),
  fc.record({ personId: fc.constant(demoPerson('office-01').id), kind: fc.constant('activist'), periodCount: fc.oneof(fc.constantFrom('0', '-1', '31', '2.5', 'abc', ''), fc.integer({ min: 31 }).map(String)) }),
  fc.record({ personId: fc.constant(demoPerson('business-01').id), kind: fc.constant('activist'), periodCount: fc.constant('5') }),
);

test('malformed staff forms get 4xx and change nothing', async () => {
  const before = await tableSnapshot();
  await fc.assert(
    fc.asyncProperty(badPublish, fc.string({ maxLength: 30 }), async (fields, proposedStep) => {
      const result = await staff.post('/staff/notices', {
        _csrf: csrf, idempotencyKey: 'bad-input-property-key-0001', audience: 'public', office: '组织科', contact: '010-1',
        periodUnit: 'workingDays', proposedStep, ...fields,
      });
      expect([403, 422]).toContain(result.statusCode);
    }),
    { numRuns: 400 },
  );
  const taskId = objectionTaskId(closedNoticeId);
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        decision: fc.constantFrom('', 'maybe', 'postpone', 'unfounded'),
        note: fc.oneof(blank, fc.string({ minLength: 1, maxLength: 20 })),
        reviewDate: fc.constantFrom('', '2026-02-30', 'tomorrow', '2026-09-01'),
      }).filter((f) => !(f.decision === 'unfounded' && f.note.trim() !== '')),
      async ({ decision, note, reviewDate }) => {
        const form = await staff.get(`/staff/tasks/${taskId}`);
        const objectionId = /name="decision\.([^"]+)"/.exec(form.body ?? '')?.[1] ?? 'x';
        const result = await staff.post(`/staff/tasks/${taskId}`, {
          _csrf: csrf, [`decision.${objectionId}`]: decision, [`note.${objectionId}`]: note, [`reviewDate.${objectionId}`]: reviewDate,
        });
        expect(result.statusCode).toBe(422);
      },
    ),
    { numRuns: 300 },
  );
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('', ' ', 'x'.repeat(501)), fc.boolean(), async (reason, withCsrf) => {
      const result = await staff.post(`/staff/notices/${openNoticeId}/withdraw`, { ...(withCsrf ? { _csrf: csrf } : {}), reason });
      expect(result.statusCode).toBe(withCsrf ? 422 : 403);
    }),
    { numRuns: 100 },
  );
  expect(await tableSnapshot()).toEqual(before);
}, 300_000);
