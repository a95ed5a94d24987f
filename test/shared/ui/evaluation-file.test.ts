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
