import { simulateElection } from '../../../scripts/simulate/simulate-election';

test('the simulation takes a 公推直选 election through all six steps, a tie re-vote included, to approved results in the registry', async () => {
  const { timeline, mails } = await simulateElection(process.env.TEST_DYNAMODB_ENDPOINT!);
  expect(timeline[0]).toBe('办公室党支部换届选举全程纪实（公推直选，规则版本 2020）');
  // Every phase in order, dated, each line once its date has come.
  const phases = timeline.slice(1, -1).map((line) => /^\d{4}-\d\d-\d\d {2}(\S+?)　/.exec(line)?.[1]);
  expect([...new Set(phases)]).toEqual(['一、宣传发动', '二、述职评议', '三、民主推荐', '四、候选人预备人选报批', '五、民主选举', '六、选举结果报批']);
  const dates = timeline.slice(1, -1).map((line) => line.slice(0, 10));
  expect(dates).toEqual([...dates].sort());
  expect(timeline.filter((l) => l.includes('上级党组织批准'))).toHaveLength(3);
  expect(timeline.find((l) => l.includes('公告   '))).toContain('（内部公示），至 2026-09-10 止：期满结束');
  const notices = timeline.filter((line) => line.includes('公示   候选人预备人选'));
  expect(notices).toHaveLength(1); // one notice for the candidate list
  expect(notices[0]).toContain('候选人预备人选 王芳、刘洋、李娜、张伟 公示');
  expect(notices.every((line) => line.includes('期满无异议或异议不成立'))).toBe(true);
  // The votes come after the candidate notices ended: a tie at the last seat, a re-vote, then secretary and deputy.
  const rounds = timeline.filter((l) => /第\d轮/.test(l));
  expect(rounds).toHaveLength(4);
  expect(rounds[0]).toContain('得票相等，在 刘洋、李娜 中再次投票选 1 名');
  expect(rounds[1]).toMatch(/第2轮 选举委员.*当选 李娜$/);
  expect(rounds.slice(2).map((l) => /选举(\S+?)（.*当选 (\S+)$/.exec(l)?.slice(1))).toEqual([['书记', '张伟'], ['副书记', '王芳']]);
  expect(timeline.findIndex((l) => l.includes('第1轮'))).toBeGreaterThan(timeline.findLastIndex((l) => l.includes('公示   候选人预备人选')));
  expect(timeline.at(-2)).toMatch(/^2026-09-30 {2}六、选举结果报批　+选举结果记入组织名册，任期 2026-09-30 至 2029-09-29$/);
  expect(timeline.at(-1)).toBe('组织名册：办公室党支部委员会 书记 张伟，副书记 王芳，委员 李娜；任期 2026-09-30 至 2029-09-29');
  expect(mails.filter((subject) => subject.startsWith('【审批】'))).toEqual([
    '【审批】关于办公室党支部召开党员大会进行换届选举的请示', '【审批】办公室党支部新一届委员会委员候选人预备人选', '【审批】办公室党支部换届选举结果',
  ]);
});
