import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { createStaffSite } from '../../../functions/http/staff-site';
import type { HttpHandlerFn } from '../../../functions/http/edge/types';
import { openAssessmentReport, openAssessmentReview } from '../../../shared/services/assessment';
import { getReport } from '../../../shared/store/assessment-repo';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';
import { visibleProblems } from '../../support/visible-text';
import { Browser, makeEvent, signInWithForm } from './support/http-client';
import { addAccount, createTestDeps, type TestDeps } from './support/test-deps';

/** 党建工作目标考核 pages over DynamoDB Local; the clock is on Monday 2026-03-02 (China 09:00); the workflow's tasks are opened by hand. */
let deps: TestDeps;
let site: HttpHandlerFn;
const SCHEME = '/staff/assessment/schemes/c1/2026';
const REPORT = '/staff/assessment/reports/c1/2026-Q1/b1';

beforeAll(async () => {
  deps = await createTestDeps();
  site = createStaffSite(deps);
  await putTestOrg(deps.store, testOrg({ id: 'c1', kind: 'committee', name: '数据局机关党委' }));
  await putTestOrg(deps.store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部' }));
  await putTestOrg(deps.store, testOrg({ id: 'b2', kind: 'branch', parentId: 'c1', name: '财务处党支部' }));
  await addAccount(deps.store, { username: 'admin', password: 'pw-admin-123', role: 'admin', orgId: 'c1', displayName: '管理员' });
  await addAccount(deps.store, { username: 'wang', password: 'pw-wang-123', role: 'committee-staff', orgId: 'c1', displayName: '王组织员' });
  await addAccount(deps.store, { username: 'zhao', password: 'pw-zhao-123', orgId: 'b1', displayName: '赵书记' });
  await addAccount(deps.store, { username: 'qian', password: 'pw-qian-123', orgId: 'b2', displayName: '钱委员' });
});

async function signedIn(username: string, password: string): Promise<{ browser: Browser; csrf: string }> {
  const browser = new Browser(site);
  return { browser, csrf: await signInWithForm(browser, username, password) };
}

async function table(): Promise<string[]> {
  const { Items } = await deps.store.doc.send(new ScanCommand({ TableName: deps.store.tableName }));
  return (Items ?? []).filter((item) => !String(item.pk).startsWith('SESSION#')).map((item) => JSON.stringify(item, Object.keys(item).sort())).sort();
}

test('the scheme editor: committee staff refused; the administrator copies the default, edits an indicator, publishes with a confirmation', async () => {
  const staff = await signedIn('wang', 'pw-wang-123');
  expect((await staff.browser.get(SCHEME)).statusCode).toBe(403);
  expect((await staff.browser.post(`${SCHEME}/drafts`, { _csrf: staff.csrf })).statusCode).toBe(403);

  const { browser, csrf } = await signedIn('admin', 'pw-admin-123');
  const empty = await browser.get(SCHEME);
  expect(empty.body).toContain('本年度尚无考核方案。');
  expect((await browser.post(`${SCHEME}/drafts`, { _csrf: csrf })).statusCode).toBe(303);
  const draft = (await browser.get(SCHEME)).body ?? '';
  expect(draft).toContain('第 1 版（草稿，尚未施行）');
  expect(draft).toContain('共 24 项指标，合计 100 分。');
  expect(visibleProblems(draft)).toEqual([]);

  const before = await table();
  const bad = await browser.post(`${SCHEME}/versions/1/indicators/I01`, { _csrf: csrf, maxPoints: '120', requirement: '会议记录' });
  expect(bad.statusCode).toBe(422);
  expect(bad.body).toContain('指标“三会一课”的分值须在 0.5 至 100 分之间。');
  expect(bad.body).toContain('value="120"');
  expect(await table()).toEqual(before);
  expect((await browser.post(`${SCHEME}/versions/1/indicators/I01`, { _csrf: csrf, maxPoints: '8', requirement: '本月三会一课的日期、议题、到会人数。' })).statusCode).toBe(303);

  const unconfirmed = await browser.post(`${SCHEME}/versions/1/publish`, { _csrf: csrf });
  expect(unconfirmed.statusCode).toBe(422);
  expect(unconfirmed.body).toContain('发布后不能修改，请勾选确认后再发布。');
  expect((await browser.post(`${SCHEME}/versions/1/publish`, { _csrf: csrf, confirm: 'yes' })).statusCode).toBe(303);
  const published = (await browser.get(`${SCHEME}?published=1`)).body ?? '';
  expect(published).toContain('第 1 版（已发布，自2026年1月起施行）');
  expect(published).toContain('共 24 项指标，合计 102 分');
  // A published version is not edited.
  const refused = await browser.post(`${SCHEME}/versions/1/indicators/I01`, { _csrf: csrf, maxPoints: '6', requirement: '会议记录' });
  expect(refused.statusCode).toBe(422);
  expect(refused.body).toContain('第 1 版已发布，不能修改；请新建一版，自下一考核期起施行。');
});

test('a quarterly report: prefilled with its source, refused incomplete, submitted; reviewed over the max refused, then scored; the board and its export', async () => {
  await openAssessmentReport(deps, { committeeId: 'c1', periodKey: '2026-Q1', orgId: 'b1', taskToken: 'token-report-1' });
  const report = (await getReport(deps.store, 'c1', '2026-Q1', 'b1'))!;
  expect(report.indicators.map((i) => i.key)).toEqual(['I07', 'I08', 'I11', 'I13', 'I14', 'I16', 'I18', 'I19', 'I21']);

  const other = await signedIn('qian', 'pw-qian-123');
  expect((await other.browser.get(REPORT)).statusCode).toBe(403);

  const { browser, csrf } = await signedIn('zhao', 'pw-zhao-123');
  const home = (await browser.get('/staff')).body ?? '';
  expect(home).toContain(`href="${REPORT}"`);
  const form = (await browser.get(REPORT)).body ?? '';
  expect(form).toContain('系统已根据“公示异议均已处理（公示记录）”预填，请核对。');
  expect(form).toContain('2026年第一季度发布公示 0 件，收到异议的 0 件，均已处理完毕。');
  expect(form).toContain('报送期限</dt><dd>2026-04-08 23:59');
  expect(visibleProblems(form)).toEqual([]);

  const values: Record<string, string> = { _csrf: csrf };
  for (const indicator of report.indicators) {
    values[`text_${indicator.key}`] = `${indicator.name}已按要求完成`;
    if (indicator.scoring === 'done') values[`value_${indicator.key}`] = 'done';
    if (indicator.scoring === 'count') values[`value_${indicator.key}`] = '2';
  }
  const before = await table();
  const incomplete = await browser.post(`${REPORT}/submit`, { ...values, value_I13: '两次' });
  expect(incomplete.statusCode).toBe(422);
  expect(incomplete.body).toContain('“宣传信息报送”的次数须为 0 或正整数。');
  expect(await table()).toEqual(before);
  expect((await browser.post(`${REPORT}/submit`, values)).statusCode).toBe(303);
  expect((await browser.post(`${REPORT}/submit`, values)).statusCode).toBe(409); // a second click
  await openAssessmentReview(deps, { committeeId: 'c1', periodKey: '2026-Q1', orgId: 'b1', taskToken: 'token-review-1' });

  const branchReview = await browser.post(`${REPORT}/review`, { _csrf: csrf, decision: 'return', reason: '请补充材料' });
  expect(branchReview.statusCode).toBe(403);

  const committee = await signedIn('wang', 'pw-wang-123');
  const reviewPage = (await committee.browser.get(REPORT)).body ?? '';
  expect(reviewPage).toContain('审核评分');
  expect(reviewPage).toContain('name="score_I07" type="number" min="0" max="4" step="0.1" value="4"'); // done → proposed max
  const scores: Record<string, string> = { _csrf: committee.csrf, decision: 'score' };
  for (const indicator of report.indicators) scores[`score_${indicator.key}`] = String(indicator.maxPoints);
  const over = await committee.browser.post(`${REPORT}/review`, { ...scores, score_I08: '4.5' });
  expect(over.statusCode).toBe(422);
  expect(over.body).toContain('“党员教育管理”满分 4 分，得分 4.5 超过满分，请改正。');
  expect((await committee.browser.post(`${REPORT}/review`, { ...scores, score_I08: '3.5' })).statusCode).toBe(303);
  const scored = (await committee.browser.get(`${REPORT}?done=scored`)).body ?? '';
  expect(scored).toContain('32.5 分（满分 33 分）');
  expect(visibleProblems(scored)).toEqual([]);

  const board = (await committee.browser.get('/staff/assessment/boards/c1/2026?sort=total')).body ?? '';
  expect(board).toContain('2026年第一季度');
  expect(board).toContain('32.5 分');
  expect(board.indexOf('办公室党支部')).toBeLessThan(board.indexOf('财务处党支部'));
  expect(board).toContain('aria-label="2026 年累计得分分布：60 分以下 0 个，60–69 0 个，70–79 0 个，80–89 0 个，90 分以上 1 个"');
  const orgFile = (await committee.browser.get('/staff/assessment/orgs/b1')).body ?? '';
  expect(orgFile).toContain('aria-label="2026 年得分趋势：2026年第一季度 98.5%"');
  expect(visibleProblems(orgFile)).toEqual([]);
  expect(visibleProblems(board)).toEqual([]);
  const file = await committee.browser.get('/staff/assessment/boards/c1/2026/export.xlsx');
  expect(file.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.body ?? '', 'base64') as never);
  const sheet = workbook.worksheets[0];
  expect(sheet.getRow(1).values).toEqual([undefined, '党组织', '2026年第一季度', '累计得分', '累计满分']);
  expect(sheet.getRow(2).values).toEqual([undefined, '办公室党支部', 32.5, 32.5, 33]);
});

test('bonus and deduction entries on the report page: refused beyond the cap with nothing written; the year-end page before the year is over', async () => {
  const branch = await signedIn('zhao', 'pw-zhao-123');
  expect((await branch.browser.post(`${REPORT}/adjustments`, { _csrf: branch.csrf, itemKey: 'B1', points: '1', reason: '受到表彰一次' })).statusCode).toBe(403);

  const { browser, csrf } = await signedIn('wang', 'pw-wang-123');
  const page = (await browser.get(REPORT)).body ?? '';
  expect(page).toContain('2026 年加减分');
  expect(page).toContain('加分：受到上级表彰（全年最多 3 分）');
  const before = await table();
  const over = await browser.post(`${REPORT}/adjustments`, { _csrf: csrf, itemKey: 'B1', points: '3.5', reason: '获省级表彰', evidence: '表彰决定.pdf' });
  expect(over.statusCode).toBe(422);
  expect(over.body).toContain('“受到上级表彰”全年最多 3 分，已记 0 分，本次最多还可记 3 分。');
  const noReason = await browser.post(`${REPORT}/adjustments`, { _csrf: csrf, itemKey: 'D1', points: '1', reason: '批评' });
  expect(noReason.statusCode).toBe(422);
  expect(noReason.body).toContain('请写明加分或减分的事由（至少 4 个字）。');
  expect(await table()).toEqual(before);
  expect((await browser.post(`${REPORT}/adjustments`, { _csrf: csrf, itemKey: 'B1', points: '3', reason: '获省级表彰', evidence: '表彰决定扫描件' })).statusCode).toBe(303);
  const entered = (await browser.get(`${REPORT}?done=adjusted`)).body ?? '';
  expect(entered).toContain('加减分已录入。');
  expect(entered).toContain('<td>+3</td>');
  expect(visibleProblems(entered)).toEqual([]);

  const yearEnd = (await browser.get('/staff/assessment/year-end/c1/2026')).body ?? '';
  expect(yearEnd).toContain('2026 年尚未结束，年终考核自 2027 年 1 月 1 日起进行。');
  expect(yearEnd).not.toContain('开始年终考核</button>');
  expect(yearEnd).toContain('办公室党支部');
  expect(visibleProblems(yearEnd)).toEqual([]);
  const early = await browser.post('/staff/assessment/year-end/c1/2026/start', { _csrf: csrf });
  expect(early.statusCode).toBe(422);
  expect(early.body).toContain('2026 年尚未结束');
});

/** A multipart upload of one file as a browser sends it (API Gateway passes it base64-encoded). */
async function upload(browser: Browser, path: string, csrf: string, bytes: Buffer) {
  const boundary = '----assessmentBoundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scheme.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from('\r\n'),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  const cookies = [...browser.jar].map(([name, value]) => `${name}=${value}`);
  const event = makeEvent('POST', path, { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }, cookies);
  return site({ ...event, body: body.toString('base64'), isBase64Encoded: true });
}

test('the scheme as a spreadsheet: exported, edited, imported into a draft; a bad value refused naming its row, nothing written', async () => {
  const { browser, csrf } = await signedIn('admin', 'pw-admin-123');
  const scheme2027 = '/staff/assessment/schemes/c1/2027';
  expect((await browser.post(`${scheme2027}/drafts`, { _csrf: csrf })).statusCode).toBe(303);
  const exported = await browser.get(`${scheme2027}/versions/1/export.xlsx`);
  expect(exported.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(exported.body ?? '', 'base64') as never);
  const sheet = workbook.getWorksheet('考核指标')!;
  expect(sheet.getRow(1).values).toEqual([undefined, '编号', '类别', '指标', '分值', '周期', '计分方式', '每次分值', '上报要求', '系统预填']);
  expect(sheet.getRow(2).values).toEqual([undefined, 'I01', '组织建设', '三会一课', 6, '月度', '按次数计分（封顶）', 2, expect.any(String), '']);
  expect(sheet.actualRowCount).toBe(25);
  expect(workbook.getWorksheet('加减分项目')!.getRow(2).values).toEqual([undefined, 'B1', '加分', '受到上级表彰', 3]);

  sheet.getRow(2).getCell(4).value = 7;
  sheet.getRow(3).getCell(6).value = '随便';
  const before = await table();
  const bad = await upload(browser, `${scheme2027}/versions/1/import`, csrf, Buffer.from(await workbook.xlsx.writeBuffer()));
  expect(bad.statusCode).toBe(422);
  expect(bad.body).toContain('第 3 行的计分方式“随便”无法识别');
  expect(await table()).toEqual(before);

  sheet.getRow(3).getCell(6).value = '完成与否';
  expect((await upload(browser, `${scheme2027}/versions/1/import`, csrf, Buffer.from(await workbook.xlsx.writeBuffer()))).statusCode).toBe(303);
  const page = (await browser.get(`${scheme2027}?imported=24`)).body ?? '';
  expect(page).toContain('已导入 24 项指标，请核对后发布。');
  expect(page).toContain('合计 101 分');
  expect(visibleProblems(page)).toEqual([]);
  expect((await upload(browser, `${SCHEME}/versions/1/import`, csrf, Buffer.from(await workbook.xlsx.writeBuffer()))).statusCode).toBe(422); // 2026 v1 is published
});
