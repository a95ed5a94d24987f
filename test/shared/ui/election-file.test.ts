import type { Election } from '../../../shared/domain/election/election';
import { ELECTION_RULE_SETS } from '../../../shared/domain/election/rule-set';
import type { ElectionFile } from '../../../shared/services/election';
import { electionFilePage } from '../../../shared/ui/pages/election-file';

const election: Election = {
  id: 'e1', orgId: 'b1', orgName: '办公室党支部', form: 'gongtui', seats: 3, deputies: 1, rulesVersion: '2020', rules: ELECTION_RULE_SETS['2020'], termYears: 3,
  plan: { meetingDate: '2026-10-20', structure: '委员 3 名', method: '差额选举' }, status: 'running', phase: 'recommendation', currentStep: 'recommendation', stepCounts: {},
  roundCount: 0, excluded: [], candidates: [], elected: [], noticeRounds: 0, createdAt: '2026-09-01T02:00:00.000Z', createdBy: 'zuzhi-1', version: 5,
  approvals: [{ kind: 'request', approvalId: 'e1-request-1', outcome: 'approved', decidedAt: '2026-09-02T02:00:00.000Z' }],
};
const openTask = { id: 'election-e1-recommendation-1', dueAt: '2026-09-20T15:59:59.000Z', status: 'open' } as never;
const page = (file: Partial<ElectionFile>) =>
  electionFilePage({ file: { election, steps: [], rounds: [], audit: [], notices: [], ...file }, notices: [], staff: { displayName: '钱组织委员', role: 'branch-staff', csrfToken: 't' }, now: new Date('2026-09-15T02:00:00Z') }).value;

test('the election page names the step it is at, with the form to fill in when one is open', () => {
  expect(page({ openTask })).toMatch(/<dt>当前步骤<\/dt><dd>三、民主推荐：<a href="\/staff\/elections\/e1\/steps\/recommendation">民主推荐（提名与推荐票）<\/a><\/dd>/);
  expect(page({ election: { ...election, phase: 'candidates', currentStep: undefined } })).toContain('<dt>当前步骤</dt><dd>四、候选人预备人选报批：等待上级党组织审批候选人预备人选，或候选人公示期满</dd>');
});

test('the six steps are numbered once (their own 一、二、…, not a numbered list as well)', () => {
  const html = page({});
  expect(html).toContain('一、宣传发动');
  expect(html).not.toMatch(/<ol[^>]*>\s*<li[^>]*><strong>一、/);
});
