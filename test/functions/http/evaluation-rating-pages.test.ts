import { createPublicSite } from '../../../functions/http/public-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import type { TestRuntime } from '../../support/local-runtime';
import { EvaluationDriver, startEvaluationRuntime } from '../../workflows/evaluation/evaluation-fixtures';
import { makeEvent } from './support/http-client';

// The raters' public pages (docs/domain/evaluation.md, V4) on the local runtime: GET and HEAD spend nothing; only the
// confirmed POST rates; an unknown or spent code gets a page that says so in Chinese (never a 5xx).
let runtime: TestRuntime;
let site: HttpHandlerFn;
let evaluation: EvaluationDriver;
let codes: string[];

beforeAll(async () => {
  runtime = await startEvaluationRuntime();
  site = createPublicSite(runtime.deps);
  evaluation = await EvaluationDriver.start(runtime);
  await evaluation.submit('plan', { studyDate: '2026-12-07', planNotes: '方案' });
  await evaluation.submit('self-evaluation', { confirmMissing: 'on' });
  codes = await evaluation.codes(2);
}, 60_000);
afterAll(async () => {
  await runtime.shutdown();
});

test('GET and HEAD of a code show the ballot and spend nothing; the confirmed POST rates once; a second POST gets the spent page', async () => {
  const [code] = codes;
  for (const method of ['GET', 'HEAD', 'GET']) {
    const answer = await site(makeEvent(method, `/rate/${code}`));
    expect(answer.statusCode).toBe(200);
    expect(answer.headers?.['cache-control']).toBe('no-store');
  }
  const ballot = (await site(makeEvent('GET', `/rate/${code}`))).body ?? '';
  expect(ballot).toContain('张伟');
  expect(ballot).toContain('确认提交');
  expect((await evaluation.file()).online.returned.member).toBe(0);

  const missing = await site(makeEvent('POST', `/rate/${code}`, { body: {} }));
  expect(missing.statusCode).toBe(422);
  expect(missing.body).toContain('还有党员没有选择等次');

  const form = Object.fromEntries((await evaluation.file()).evaluation.evaluated.map((m) => [`grade.${m.personId}`, 'qualified']));
  const done = await site(makeEvent('POST', `/rate/${code}`, { body: form }));
  expect(done.statusCode).toBe(200);
  expect(done.body).toContain('评议已提交');
  const again = await site(makeEvent('POST', `/rate/${code}`, { body: form }));
  expect(again.statusCode).toBe(410);
  expect(again.body).toContain('此评议码已经使用过');
  expect((await evaluation.file()).online.returned.member).toBe(1);
});

test('an unknown code gets a clear page (404); the code form leads to the ballot', async () => {
  const unknown = await site(makeEvent('GET', '/rate/ABCDEFGH'));
  expect(unknown.statusCode).toBe(404);
  expect(unknown.body).toContain('评议码不存在');
  const form = await site(makeEvent('GET', `/rate?code=${codes[1].slice(0, 4).toLowerCase()}-${codes[1].slice(4).toLowerCase()}`));
  expect(form.statusCode).toBe(303);
  expect(form.headers?.location).toBe(`/rate/${codes[1]}`);
});
