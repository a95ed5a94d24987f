import { ballotFromForm, parseCarriedBallots, parseRoundForm } from '../../../shared/schemas/round-entry-form';
import { InputInvalidError } from '../../../shared/errors';

const PAPER = { seats: 2, candidates: ['张一', '李二', '王三'], candidatesOnForm: false };
const MEETING = { meetingDate: '2026-03-02', shouldAttend: '10', present: '9', ballotsIssued: '9' };
const SUMMARY = { ...MEETING, returned: '9', invalid: '1', spoiled: '0', 'votes.张一': '7', 'votes.李二': '6', 'votes.王三': '2' };

function errorsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (error instanceof InputInvalidError) return error.fieldErrors;
    throw error;
  }
  return {};
}

describe('parseRoundForm: summary counts', () => {
  test('a consistent sheet becomes the round for recordRound; a write-in line adds a name', () => {
    const round = parseRoundForm({ ...SUMMARY, 'votes.王三': '1', 'writein.0.name': ' 赵四 ', 'writein.0.votes': '1' }, 'summary', PAPER);
    expect(round).toEqual({
      meetingDate: '2026-03-02', shouldAttend: 10, present: 9, ballotsIssued: 9,
      entry: { mode: 'summary', returned: 9, invalid: 1, spoiled: 0, votes: { 张一: 7, 李二: 6, 王三: 1, 赵四: 1 } },
    });
  });

  test.each([
    ['a blank required number', { returned: '' }, { returned: '请填写此项。' }],
    ['a negative number', { present: '-1' }, { present: '须为不小于 0 的整数。' }],
    ['a fraction', { invalid: '0.5' }, { invalid: '须为不小于 0 的整数。' }],
    ['a write-in with votes but no name', { 'writein.1.votes': '2' }, { 'writein.1.name': '请填写另选人姓名。' }],
    ['a write-in name without votes', { 'writein.0.name': '赵四' }, { 'writein.0.votes': '请填写此项。' }],
    ['a name above the valid ballots (8)', { 'votes.张一': '9', 'votes.王三': '0' }, { 'votes.张一': '“张一”得 9 票，多于有效票 8 张' }],
    ['more votes than valid × seats (16)', { 'votes.王三': '4' }, { votes: '得票总数 17 多于有效票 8 张 × 应选 2 名 = 16' }],
    ['the written valid count disagrees', { valid: '9' }, { valid: '有效票 9 张，但收回 9 张减无效 1 张、废票 0 张为 8 张' }],
    ['more present than should attend', { present: '11' }, { present: '实到人数不能多于应到人数' }],
  ])('%s → 422 with the field message', (_label, over, errors) => {
    expect(errorsOf(() => parseRoundForm({ ...SUMMARY, ...over } as Record<string, string>, 'summary', PAPER))).toEqual(errors);
  });

  test('officers: the candidates come from the form, one per line or separated by 、', () => {
    const officers = { seats: 1, candidates: [], candidatesOnForm: true };
    const round = parseRoundForm({ ...MEETING, candidates: '张一\n李二、', returned: '9', invalid: '0', spoiled: '0', 'votes.张一': '8', 'votes.李二': '1' }, 'summary', officers);
    expect(round.candidates).toEqual(['张一', '李二']);
    expect(errorsOf(() => parseRoundForm({ ...MEETING, returned: '0', invalid: '0', spoiled: '0' }, 'summary', officers))).toEqual({ candidates: '请填写候选人。' });
  });

  test('officers: seats + 2 name-and-votes lines, so the candidate and a write-in fit on a one-seat sheet', () => {
    const officers = { seats: 1, candidates: [], candidatesOnForm: true };
    const form = { ...MEETING, candidates: '张一', returned: '9', invalid: '0', spoiled: '0', 'writein.0.name': '张一', 'writein.0.votes': '7', 'writein.2.name': '李二', 'writein.2.votes': '2' };
    expect(parseRoundForm(form, 'summary', officers).entry).toMatchObject({ votes: { 张一: 7, 李二: 2 } });
    expect(parseRoundForm({ ...form, 'writein.3.name': '王三', 'writein.3.votes': '1' }, 'summary', officers).entry).toMatchObject({ votes: { 张一: 7, 李二: 2 } });
  });
});

describe('parseRoundForm: one ballot at a time', () => {
  const ballots = JSON.stringify([['张一', '李二'], ['张一'], 'spoiled', ['张一', '李二', '王三']]);
  const sheet = { 'sheet.returned': '4', 'sheet.invalid': '1', 'sheet.spoiled': '1', 'sheet.votes.张一': '2', 'sheet.votes.李二': '1' };

  test('the ballots with a matching sheet', () => {
    const round = parseRoundForm({ ...MEETING, ballots, ...sheet }, 'ballots', PAPER);
    expect(round.entry).toEqual({ mode: 'ballots', ballots: JSON.parse(ballots), sheet: { returned: 4, invalid: 1, spoiled: 1, votes: { 张一: 2, 李二: 1, 王三: 0 } } });
  });

  test('a sheet one vote off is refused on that name', () => {
    expect(errorsOf(() => parseRoundForm({ ...MEETING, ballots, ...sheet, 'sheet.votes.李二': '2' }, 'ballots', PAPER))).toEqual({
      'sheet.votes.李二': '汇总表“李二”得 2 票，逐张录入为 1 票',
    });
  });

  test('no ballots, or ballots the page did not write, are refused', () => {
    expect(errorsOf(() => parseRoundForm({ ...MEETING, ballots: '[]', ...sheet }, 'ballots', PAPER)).ballots).toBe('尚未录入任何选票。');
    expect(() => parseCarriedBallots('{"x":1}')).toThrow(InputInvalidError);
    expect(() => parseCarriedBallots('not json')).toThrow(InputInvalidError);
  });
});

describe('ballotFromForm', () => {
  test.each([
    ['ticked candidates and a write-in', { 'mark.张一': '1', 'write.0': ' 赵四 ', 'write.1': '' }, ['张一', '赵四']],
    ['nothing ticked (abstains on all)', {}, []],
    ['spoiled wins over marks', { spoiled: '1', 'mark.张一': '1' }, 'spoiled'],
    ['a mark for a name not on the paper is ignored', { 'mark.外人': '1' }, []],
  ])('%s', (_label, form, ballot) => {
    expect(ballotFromForm(form as Record<string, string>, PAPER.candidates, PAPER.seats)).toEqual(ballot);
  });
});
