import { announcementNoticeId, announcementPeriod, proposedAnnouncement } from '../../../../shared/domain/election/announcement';
import type { Election } from '../../../../shared/domain/election/election';
import { DEFAULT_ELECTION_RULES, defineElectionRules } from '../../../../shared/domain/election/rule-set';

const election = (changes: Partial<Election> = {}): Election => ({
  id: 'e-1', orgId: 'b1', orgName: '办公室党支部', form: 'gongtui', seats: 5, deputies: 1, rulesVersion: '2020', rules: DEFAULT_ELECTION_RULES,
  termYears: 3, plan: { meetingDate: '2026-10-20', structure: '书记、副书记、组织委员、宣传委员、纪检委员', method: '差额选举，无记名投票' },
  status: 'running', phase: 'publicize', stepCounts: {}, roundCount: 0, excluded: [], candidates: [], elected: [], approvals: [],
  noticeRounds: 0, createdAt: '2026-09-20T01:00:00.000Z', createdBy: 'li', version: 3, ...changes,
});

describe('the announcement to members (换届选举公告)', () => {
  test('one notice per election', () => {
    expect(announcementNoticeId('e-1')).toBe('e-1-announcement');
  });

  test.each([
    ['the default rules', DEFAULT_ELECTION_RULES, { unit: 'workingDays', count: 5 }],
    ['a local rule set', defineElectionRules({ rulesVersion: 'local', announcement: { days: 7, unit: 'calendarDays' } }), { unit: 'calendarDays', count: 7 }],
    ['rules stored before the announcement rule', { ...DEFAULT_ELECTION_RULES, announcement: undefined } as never, { unit: 'workingDays', count: 5 }],
  ] as const)('the period by %s', (_name, rules, period) => {
    expect(announcementPeriod(election({ rules }))).toEqual(period);
  });

  test.each([
    ['公推直选 with a deputy, the request approved', election({ approvals: [{ kind: 'request', approvalId: 'a', outcome: 'approved', decidedAt: '2026-09-22T02:00:00.000Z' }] }),
      ['经上级党组织于2026年9月22日批准', '定于2026年10月20日召开党员大会', '一、选举方式：公推直选。', '设委员 5 名（含书记 1 名、副书记 1 名）', '书记、副书记、组织委员、宣传委员、纪检委员', '三、选举办法：差额选举，无记名投票', '党员大会直接选举委员会委员和书记、副书记']],
    ['海选 without a deputy', election({ form: 'haixuan', deputies: 0 }),
      ['经上级党组织批准，定于', '一、选举方式：海选。', '（含书记 1 名）', '首轮公开投票（海选）']],
  ] as const)('the proposed text: %s', (_name, e, parts) => {
    const proposed = proposedAnnouncement(e);
    expect(proposed.title).toBe('关于办公室党支部召开党员大会进行换届选举的公告');
    for (const part of parts) expect(proposed.body).toContain(part);
    expect(proposed.body.startsWith('全体党员：\n')).toBe(true);
  });

  test.each([
    ['a branch named by its committee (中共…支部委员会)', election({ orgName: '中共示例市数据管理局办公室支部委员会' }), '中共示例市数据管理局办公室支部委员会任期届满'],
    ['a branch by its short name', election(), '办公室党支部委员会任期届满'],
  ] as const)('the committee is named once: %s', (_name, e, text) => {
    const { body } = proposedAnnouncement(e);
    expect(body).toContain(text);
    expect(body).not.toContain('委员会委员会');
  });

  test.each([
    ['公推直选', 'gongtui'], ['standard', 'standard'], ['海选', 'haixuan'],
  ] as const)('no deputy is mentioned when there are none: %s', (_name, form) => {
    const { body } = proposedAnnouncement(election({ form, deputies: 0, plan: { meetingDate: '2026-10-20', structure: '书记、组织委员、宣传委员', method: '差额选举' } }));
    expect(body).not.toContain('副书记');
  });
});
