import { electionTimeline } from '../../../scripts/simulate/election-timeline';
import type { Election, ElectionRound, ElectionStepRecord } from '../../../shared/domain/election/election';
import { ELECTION_RULE_SETS } from '../../../shared/domain/election/rule-set';
import type { TallyResult } from '../../../shared/domain/election/types';
import type { Notice } from '../../../shared/domain/notice/notice';
import type { Organization } from '../../../shared/domain/registry/organization';

// An election still running, off the happy path: a short recommendation round, a rejected candidate list, a
// candidate notice stopped by a founded objection, a round that left a seat unfilled.
const at = (day: string) => `${day}T02:00:00.000Z`;
const election: Election = {
  id: 'e1', orgId: 'b1', orgName: '办公室党支部', form: 'standard', seats: 3, deputies: 1, rulesVersion: '2020', rules: ELECTION_RULE_SETS['2020'], termYears: 3,
  plan: { meetingDate: '2026-10-20', structure: '委员 3 名', method: '差额选举' }, status: 'running', phase: 'election', stepCounts: {}, roundCount: 1,
  excluded: ['孙燕'], candidates: ['张伟', '王芳', '李娜', '刘洋'], elected: ['张伟', '王芳'], noticeRounds: 2, createdAt: at('2026-09-01'), createdBy: 'zuzhi-1', version: 9,
  approvals: [
    { kind: 'request', approvalId: 'e1-request-1', outcome: 'approved', decidedAt: at('2026-09-02') },
    { kind: 'candidate-list', approvalId: 'e1-candidate-list-1', outcome: 'rejected', decidedAt: at('2026-09-16') },
  ],
};
const step = (stepKey: ElectionStepRecord['stepKey'], attempt: number, day: string, values: Record<string, unknown>, outcome: Record<string, unknown>): ElectionStepRecord =>
  ({ electionId: 'e1', stepKey, attempt, values, outcome, at: at(day), actorId: 'zuzhi-1', actorName: '钱组织委员' });
const steps = [
  step('evaluation', 1, '2026-09-10', { raters: 12 }, { excluded: ['孙燕'] }),
  step('recommendation', 1, '2026-09-12', {}, { short: true, needed: 4, list: ['张伟'] }),
  step('recommendation', 2, '2026-09-14', {}, { short: false, needed: 4, list: ['张伟', '王芳', '李娜', '刘洋'] }),
];
const result: TallyResult = {
  valid: true, problems: [], quorumMet: true, ballotsReturned: 12, ballotsValid: 12, ballotsInvalid: 0,
  votes: { 张伟: 10, 王芳: 8, 李娜: 5, 刘洋: 4 }, threshold: 7, elected: ['张伟', '王芳'], tiedForLastSeat: [], seatsUnfilled: 1,
};
const round: ElectionRound = {
  electionId: 'e1', no: 1, contest: 'committee', seats: 3, candidates: ['王芳', '刘洋', '李娜', '张伟'], shouldAttend: 12, present: 12, ballotsIssued: 12,
  result, next: { kind: 'unfilled', seats: 1, others: ['李娜', '刘洋'] }, at: at('2026-10-20'), actorId: 'zuzhi-1', actorName: '钱组织委员',
};
const stopped = {
  id: 'e1-c1-1', orgId: 'b1', orgName: '办公室党支部', kind: 'candidate-list', audience: 'public', objectionContact: { office: '机关党委组织部门', contact: '当面' },
  period: { unit: 'calendarDays', count: 7 }, createdBy: 'system',
  matter: { title: '关于办公室党支部新一届委员会委员候选人预备人选的公示', body: '……', people: [{ name: '赵磊', gender: '男', birthYearMonth: '1990-01', education: '大学本科', unitPost: '科员' }, { name: '钱红', gender: '女', birthYearMonth: '1991-02', education: '大学本科', unitPost: '科员' }] },
  status: 'closed', publishedAt: at('2026-09-20'), endsAt: '2026-09-26T23:59:59+08:00', endsAtMs: 0, provisional: false, objectionCount: 2, result: 'stopped',
} as Notice;
const org = { id: 'b1', kind: 'branch', name: '办公室党支部', committee: [{ name: '张伟', post: 'secretary' }], status: 'active', mayApprove: false, version: 1, termStart: '2023-10-01', termEnd: '2026-09-30' } as Organization;

test('the timeline of an election off the happy path: each line dated, in order, with what was decided', () => {
  const lines = electionTimeline({ election, steps, rounds: [round], audit: [], notices: [] }, [stopped], org);
  expect(lines[0]).toBe('办公室党支部换届选举全程纪实（常规选举（新一届委员会选举书记、副书记），规则版本 2020）');
  const body = lines.slice(1, -1).map((line) => line.replace(/　+/, ' | '));
  expect(body).toEqual([
    '2026-09-01  一、宣传发动 | 报送换届选举请示（常规选举（新一届委员会选举书记、副书记），委员 3 名，副书记 1 名，计划 2026-10-20 召开党员大会）',
    '2026-09-02  一、宣传发动 | 上级党组织批准换届选举请示',
    '2026-09-10  二、述职评议 | 述职与民主评议 — 12 人参加评议，不再提名：孙燕 — 钱组织委员',
    '2026-09-12  三、民主推荐 | 民主推荐（提名与推荐票） — 得票过半数者不足 4 名，再次推荐 — 钱组织委员',
    '2026-09-14  三、民主推荐 | 民主推荐（提名与推荐票）（第2次） — 候选人预备人选 张伟、王芳、李娜、刘洋（应有 4 名） — 钱组织委员',
    '2026-09-16  四、候选人预备人选报批 | 上级党组织不批准候选人预备人选',
    '2026-09-20  四、候选人预备人选报批 | 公示   候选人预备人选 赵磊、钱红 公示，至 2026-09-26 止：异议查实，终止，异议 2 件',
    '2026-10-20  五、民主选举 | 第1轮 选举委员（3 名，实到 12 人）：张伟 10、王芳 8、李娜 5、刘洋 4；当选 张伟、王芳；尚缺 1 名',
  ]);
  // Not completed: no results line; the registry still shows the committee in office.
  expect(lines.at(-1)).toBe('组织名册：办公室党支部委员会 书记 张伟；任期 2023-10-01 至 2026-09-30');
});
