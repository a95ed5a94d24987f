import { evaluationFilePage } from '../../../shared/ui/pages/evaluation-file';

// The evaluation's page right after it starts: the next step's task opens a moment later (the workflow opens it).
const evaluation = {
  id: 'e1', orgId: 'b1', orgName: '办公室党支部', year: 2025, rulesVersion: '2018', massRating: false, date: '2026-12-05',
  evaluated: [{ personId: 'p1', name: '何芳' }], excluded: [], status: 'running', phase: 'plan', stepCounts: {},
  codesIssued: { member: 0, mass: 0 }, approvals: [], createdAt: '2026-12-04T23:26:00.000Z',
};
const file = (changes: Record<string, unknown>) => ({
  evaluation: { ...evaluation, ...changes }, tally: [], missingSelf: [], audit: [], canHandle: true,
  online: { returned: { member: 0, mass: 0 } }, paper: [], selfEvaluations: [], codes: [],
}) as never;
const page = (changes: Record<string, unknown>) => evaluationFilePage({ file: file(changes), staff: { displayName: '黄丽', role: 'branch-staff', csrfToken: 't' } }).value;

test.each([
  ['no step open yet (being opened, or waiting on the committee or a notice)', {}, true],
  ['the plan step open', { currentStep: 'plan', currentTaskId: 'task-1' }, false],
] as const)('%s: the page says what to wait for, never an empty 办理 section', (_name, changes, waiting) => {
  const html = page(changes);
  expect(html.includes('下一步骤正在生成，请稍候刷新本页')).toBe(waiting);
  expect(html.includes('action="/staff/evaluations/e1/steps/plan"')).toBe(!waiting);
});

test('the printable archive (全程纪实): steps, tally, grades with follow-up, approvals, dates in Chinese and no raw keys', async () => {
  const { evaluationArchivePrintPage } = await import('../../../shared/ui/pages/evaluation-archive-print');
  const counts = { excellent: 0, qualified: 9, basic: 0, unqualified: 0 };
  const shares = { excellent: 0, qualified: 1, basic: 0, unqualified: 0 };
  const archive = evaluationArchivePrintPage({
    evaluation: {
      ...evaluation, phase: 'follow-up', approvals: [{ approvalId: 'e1-grades-1', outcome: 'approved', decidedAt: '2026-12-08T02:00:00.000Z', comment: '同意' }],
      grades: [{ personId: 'p1', name: '何芳', grade: 'basic', probationary: false, reason: '经谈话认识到不足', followUp: { kind: 'improvement-talk', dueDate: '2027-01-08' } }],
    },
    steps: [{ evaluationId: 'e1', stepKey: 'meeting', attempt: 1, values: {}, outcome: {}, at: '2026-12-08T01:00:00.000Z', actorId: 'zuzhi-1', actorName: '黄丽' }],
    tally: [{ personId: 'p1', name: '何芳', member: { counts, shares, returned: 9 }, mass: { counts, shares, returned: 0 }, majority: ['qualified'] }],
    online: { returned: { member: 9, mass: 0 } }, paper: [], audit: [], missingSelf: [], selfEvaluations: [], canHandle: true,
  } as never, '2026-12-20').value;
  expect(archive).toContain('2025年度民主评议党员全程纪实');
  expect(archive).toContain('支部大会审议');
  expect(archive).toContain('9（100%）');
  expect(archive).toContain('谈心谈话、督促改进（期限 2027年1月8日）');
  expect(archive).toContain('同意');
  expect(archive).not.toMatch(/\d{4}-\d{2}-\d{2}T|zuzhi-1|improvement-talk|qualified/);
});
