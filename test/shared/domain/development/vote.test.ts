import fc from 'fast-check';
import { checkGeneralMeetingVote, describeGeneralMeetingVote, DevelopmentInputError, moreThanHalf } from '../../../../shared/domain/development';

describe('general-meeting vote rule (steps 15 and 23)', () => {
  test.each([
    // shouldAttend, present, yes, writtenYes, writtenNo → quorumMet, passed
    [16, 8, 8, 0, 0, false, false], // 8 of 16 present: exactly half, no quorum
    [16, 9, 9, 0, 0, true, true], // the example of docs/domain/development.md §3
    [16, 9, 8, 0, 0, true, false], // exactly half yes
    [16, 16, 8, 0, 0, true, false], // all present, exactly half yes
    [16, 16, 9, 0, 0, true, true],
    [16, 9, 8, 1, 0, true, true], // a written yes of an absent member counts
    [16, 9, 8, 0, 1, true, false],
    [16, 8, 8, 1, 0, false, false], // written opinions are votes, not presence
    [16, 10, 5, 4, 2, true, true],
    [15, 7, 7, 0, 0, false, false], // odd: more than 7.5 means 8
    [15, 8, 8, 0, 0, true, true],
    [15, 8, 7, 0, 0, true, false],
    [1, 1, 1, 0, 0, true, true],
    [1, 0, 0, 1, 0, false, false],
    [2, 1, 1, 1, 0, false, false],
    [2, 2, 1, 0, 0, true, false],
    [2, 2, 2, 0, 0, true, true],
  ])('should %i, present %i, yes %i, written yes %i / no %i → quorum %s, passed %s', (shouldAttend, present, yes, writtenYes, writtenNo, quorumMet, passed) => {
    const result = checkGeneralMeetingVote({ shouldAttend, present, yes, writtenYes, writtenNo });
    expect(result).toEqual({ quorumMet, passed, required: { present: moreThanHalf(shouldAttend), yes: moreThanHalf(shouldAttend) } });
  });

  test('16 should attend → at least 9 present and 9 yes; key order as documented', () => {
    const result = checkGeneralMeetingVote({ shouldAttend: 16, present: 9, yes: 9 });
    expect(JSON.stringify(result)).toBe('{"quorumMet":true,"passed":true,"required":{"present":9,"yes":9}}');
  });

  test.each([
    [{ shouldAttend: 0, present: 0, yes: 0 }, '应到会人数至少为 1'],
    [{ shouldAttend: 16, present: 17, yes: 9 }, '不能多于应到会人数'],
    [{ shouldAttend: 16, present: 9, yes: 10 }, '不能多于实到会人数'],
    [{ shouldAttend: 16, present: 9, yes: 9, writtenYes: 5, writtenNo: 3 }, '只能来自未到会'],
    [{ shouldAttend: 16, present: -1, yes: 0 }, '实到会人数必须是非负整数'],
    [{ shouldAttend: 16.5, present: 9, yes: 9 }, '应到会人数必须是非负整数'],
  ])('inconsistent counts %j are input errors', (input, message) => {
    expect(() => checkGeneralMeetingVote(input)).toThrow(DevelopmentInputError);
    expect(() => checkGeneralMeetingVote(input)).toThrow(message);
  });

  test('a Chinese explanation for the record', () => {
    expect(describeGeneralMeetingVote({ shouldAttend: 16, present: 8, yes: 8 })).toContain('未超过半数（至少 9 人）');
    expect(describeGeneralMeetingVote({ shouldAttend: 16, present: 9, yes: 8 })).toContain('未通过');
    expect(describeGeneralMeetingVote({ shouldAttend: 16, present: 9, yes: 8, writtenYes: 1 })).toContain('赞成票 9 票（含书面意见），超过应到会人数的半数，通过');
  });
});

/** Consistent meeting counts: present ≤ should, yes ≤ present, written ≤ absent. */
const meetings = fc
  .integer({ min: 1, max: 200 })
  .chain((shouldAttend) =>
    fc.integer({ min: 0, max: shouldAttend }).chain((present) =>
      fc.record({
        shouldAttend: fc.constant(shouldAttend),
        present: fc.constant(present),
        yes: fc.integer({ min: 0, max: present }),
        writtenYes: fc.integer({ min: 0, max: shouldAttend - present }),
      }),
    ),
  )
  .chain((m) => fc.record({ writtenNo: fc.integer({ min: 0, max: m.shouldAttend - m.present - m.writtenYes }) }).map((w) => ({ ...m, ...w })));

describe('vote rule properties', () => {
  test('passing needs quorum, and more than half of should-attend voting yes', () => {
    fc.assert(
      fc.property(meetings, (m) => {
        const result = checkGeneralMeetingVote(m);
        if (result.passed) {
          expect(result.quorumMet).toBe(true);
          expect(2 * (m.yes + m.writtenYes)).toBeGreaterThan(m.shouldAttend);
        }
        expect(result.quorumMet).toBe(2 * m.present > m.shouldAttend);
        expect(2 * result.required.yes).toBeGreaterThan(m.shouldAttend);
        expect(2 * (result.required.yes - 1)).toBeLessThanOrEqual(m.shouldAttend);
      }),
    );
  });

  test('one more yes vote (at the meeting, or a written one instead of a no) never turns a pass into a fail', () => {
    fc.assert(
      fc.property(meetings, (m) => {
        const before = checkGeneralMeetingVote(m);
        if (m.yes < m.present) expect(checkGeneralMeetingVote({ ...m, yes: m.yes + 1 }).passed || !before.passed).toBe(true);
        if (m.writtenNo > 0) expect(checkGeneralMeetingVote({ ...m, writtenYes: m.writtenYes + 1, writtenNo: m.writtenNo - 1 }).passed || !before.passed).toBe(true);
      }),
    );
  });

  test('one more member present never loses the quorum', () => {
    fc.assert(
      fc.property(meetings, (m) => {
        fc.pre(m.present + m.writtenYes + m.writtenNo < m.shouldAttend);
        expect(checkGeneralMeetingVote({ ...m, present: m.present + 1 }).quorumMet || !checkGeneralMeetingVote(m).quorumMet).toBe(true);
      }),
    );
  });
});
