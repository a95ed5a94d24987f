import fc from 'fast-check';
import {
  DEFAULT_TRANSFER_RULES, TRANSFER_CHANGES, caseMoveBlockers, changeProblems, formatSerial, isFinished, letterPeriods, nextSerialNo,
  nextStatus, transferWarnings, validityProblem, type Transfer, type TransferChange, type TransferStatus,
  acceptanceOffer, destinationProblem, memberProblem, personTransferredOut, receiptDateProblem,
} from '../../../../shared/domain/transfer';
import { onRoster, RECORDABLE_STATUSES } from '../../../../shared/domain/registry/person';

const issuedAt = new Date('2026-09-23T01:00:00.000Z'); // 09:00 China time

function transfer(overrides: Partial<Transfer> = {}): Transfer {
  return {
    id: 't1', personId: 'p1', personName: '张伟', memberStatus: 'full', fromOrgId: 'b1', fromOrgName: '办公室党支部',
    destination: { kind: 'within', orgId: 'b2', orgName: '财务处党支部' }, reason: '工作调动', leavingDate: '2026-09-20', duesPaidTo: '2026-09',
    status: 'issued', createdAt: '2026-09-22T01:00:00.000Z', createdBy: 'u1', version: 2,
    letters: [{ no: 1, issuerOrgId: 'c1', issuerOrgName: '机关党委', serialYear: 2026, serialNo: 12, issuedAt: issuedAt.toISOString(), issuedBy: 'u2', ...letterPeriods(issuedAt, DEFAULT_TRANSFER_RULES), status: 'valid' }],
    ...overrides,
  };
}

describe('T2 statuses and allowed changes', () => {
  const statuses: TransferStatus[] = ['requested', 'issued', 'accepted', 'refused', 'received'];
  const table: [TransferStatus, TransferChange, TransferStatus | undefined][] = [
    ['requested', 'issue', 'issued'], ['issued', 'issue', undefined],
    ['issued', 'accept', 'accepted'], ['requested', 'accept', undefined], ['accepted', 'accept', undefined],
    ['issued', 'refuse', 'refused'], ['refused', 'refuse', undefined],
    ['issued', 'record-receipt', 'received'], ['received', 'record-receipt', undefined],
    ['issued', 'reissue', 'requested'], ['accepted', 'reissue', undefined],
  ];
  test.each(table)('%s --%s--> %s', (from, change, to) => expect(nextStatus(from, change)).toBe(to));

  test('a finished transfer allows no change at all', () => {
    for (const status of statuses.filter(isFinished)) {
      for (const change of Object.keys(TRANSFER_CHANGES) as TransferChange[]) expect(nextStatus(status, change)).toBeUndefined();
    }
  });
});

describe('T4 validity and receipt deadline as instants', () => {
  test('3 months by default: valid through the same day three months on, receipt one month after that', () => {
    expect(letterPeriods(issuedAt, DEFAULT_TRANSFER_RULES)).toEqual({ validUntil: '2026-12-23T15:59:59.000Z', receiptDueAt: '2027-01-23T15:59:59.000Z' });
  });
  test('configurable, and the day clamped to the month end', () => {
    expect(letterPeriods(new Date('2026-11-30T02:00:00Z'), { validityMonths: 3, receiptMonths: 1 }).validUntil).toBe('2027-02-28T15:59:59.000Z');
    expect(letterPeriods(issuedAt, { validityMonths: 1, receiptMonths: 2 })).toEqual({ validUntil: '2026-10-23T15:59:59.000Z', receiptDueAt: '2026-12-23T15:59:59.000Z' });
  });
  test('the China day counts: 23:30 UTC is already the next day in China', () => {
    expect(letterPeriods(new Date('2026-09-22T23:30:00Z'), DEFAULT_TRANSFER_RULES).validUntil).toBe('2026-12-23T15:59:59.000Z');
  });
  test.each([[0, false], [1, true], [3, true], [6, true], [7, false], [2.5, false]])('validity of %s months allowed: %s', (months, ok) => {
    expect(validityProblem(months) === undefined).toBe(ok);
  });
});

describe('T5 serial numbers', () => {
  test('the printed form', () => expect(formatSerial(2026, 12)).toBe('〔2026〕第12号'));
  test('the first of a series is 1, then one more than the last', () => {
    expect(nextSerialNo(undefined)).toBe(1);
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), (last) => nextSerialNo(last) === last + 1));
  });
  test('not a serial', () => expect(() => formatSerial(2026, 0)).toThrow(RangeError));
});

describe('T6 accepting, refusing, reissuing, receipts', () => {
  const lastSecond = new Date('2026-12-23T15:59:59.000Z');
  const afterIt = new Date('2026-12-23T16:00:00.000Z');
  test.each([
    ['accept on the last second of the validity', 'accept', lastSecond, []],
    ['accept one second later', 'accept', afterIt, ['介绍信已过有效期，不能接收；请转出方作废后重新开具介绍信。']],
    ['refuse after the validity (allowed)', 'refuse', afterIt, []],
    ['reissue while still valid', 'reissue', lastSecond, ['介绍信尚在有效期内，过期后方可作废并重新开具。']],
    ['reissue once expired', 'reissue', afterIt, []],
    ['record a receipt within the system', 'record-receipt', lastSecond, ['转往系统内组织的，以对方接收为回执，无需登记。']],
  ] as [string, TransferChange, Date, string[]][])('%s', (_label, change, now, problems) => {
    expect(changeProblems(transfer(), change, now)).toEqual(problems);
  });
  test('outside the system: no acceptance here, a receipt instead', () => {
    const outside = transfer({ destination: { kind: 'outside', orgName: '某县委组织部', address: '某县' } });
    expect(changeProblems(outside, 'accept', issuedAt)).toEqual(['转往系统外的组织关系由对方接收，本系统只登记回执。']);
    expect(changeProblems(outside, 'record-receipt', issuedAt)).toEqual([]);
  });
  test('a change not allowed from the status', () => {
    expect(changeProblems(transfer({ status: 'accepted' }), 'accept', issuedAt)).toEqual(['该转接当前状态下不能接收。']);
  });
});

describe('T7 warnings, each boundary on both sides', () => {
  const codes = (t: Transfer, now: string) => transferWarnings(t, new Date(now), DEFAULT_TRANSFER_RULES).map((w) => w.code);
  test.each([
    ['exactly 14 days before the end of the validity', '2026-12-09T15:59:59.000Z', []],
    ['one second later', '2026-12-09T16:00:00.000Z', ['letter-expiring']],
    ['the last second of the validity', '2026-12-23T15:59:59.000Z', ['letter-expiring']],
    ['one second after', '2026-12-23T16:00:00.000Z', ['letter-expired']],
  ])('within the system, %s', (_label, now, expected) => expect(codes(transfer(), now)).toEqual(expected));

  const outside = transfer({ destination: { kind: 'outside', orgName: '某县委组织部', address: '某县' } });
  test.each([
    ['the last second of the receipt deadline', '2027-01-23T15:59:59.000Z', ['letter-expired']],
    ['one second after', '2027-01-23T16:00:00.000Z', ['letter-expired', 'receipt-missing']],
  ])('outside the system, %s', (_label, now, expected) => expect(codes(outside, now)).toEqual(expected));

  test.each([
    ['the last second of the sixth month after leaving', '2027-03-20T15:59:59.000Z', false],
    ['one second after', '2027-03-20T16:00:00.000Z', true],
  ])('member gone: %s', (_label, now, flagged) => {
    const requested = transfer({ status: 'requested', letters: [] });
    expect(codes(requested, now).includes('member-gone')).toBe(flagged);
  });

  test('no warning once accepted, refused or received', () => {
    for (const status of ['accepted', 'refused', 'received'] as TransferStatus[]) expect(codes(transfer({ status }), '2028-01-01T00:00:00Z')).toEqual([]);
  });
  test('every message is Chinese with a China date', () => {
    const [warning] = transferWarnings(transfer(), new Date('2026-12-24T00:00:00Z'), DEFAULT_TRANSFER_RULES);
    expect(warning.message).toBe('介绍信已于2026年12月23日到期，尚未接收；可作废后重新开具。');
  });
});

describe('T8 a development case moves only with nothing open', () => {
  test.each([
    [[], [], 0],
    [['接收预备党员审批'], [], 1],
    [[], ['发展对象公示'], 1],
    [['转正审批'], ['拟转正公示'], 2],
  ])('approvals %j, notices %j: %i blockers', (openApprovals, openNotices, count) => {
    const blockers = caseMoveBlockers({ openApprovals, openNotices });
    expect(blockers).toHaveLength(count);
    for (const blocker of blockers) expect(blocker).toMatch(/请待.*后再接收。$/);
  });
});

describe('T1 who and where a request may name', () => {
  const from = { id: 'b1', name: '办公室党支部' };
  test.each([
    ['a full member of the branch', { name: '张伟', orgId: 'b1', status: 'full' as const }, undefined],
    ['a development target of the branch', { name: '刘洋', orgId: 'b1', status: 'development-target' as const }, undefined],
    ['an applicant', { name: '杨帆', orgId: 'b1', status: 'applicant' as const }, '杨帆是入党申请人，只有正式党员、预备党员及入党积极分子、发展对象办理转接。'],
    ['someone who left the system', { name: '王芳', orgId: 'b1', status: 'transferred-out' as const }, '王芳是已转出本系统，只有正式党员、预备党员及入党积极分子、发展对象办理转接。'],
    ['a member of another branch', { name: '朱琳', orgId: 'b2', status: 'full' as const }, '所选人员不属于办公室党支部。'],
    ['nobody', undefined, '所选人员不属于办公室党支部。'],
  ])('%s', (_label, person, problem) => expect(memberProblem(person, from)).toBe(problem));

  test.each([
    ['another active branch', { id: 'b2', name: '财务处党支部', kind: 'branch' as const, status: 'active' as const }, undefined],
    ['the sending branch itself', { id: 'b1', name: '办公室党支部', kind: 'branch' as const, status: 'active' as const }, '转入组织不能是转出组织本身。'],
    ['a committee', { id: 'c1', name: '机关党委', kind: 'committee' as const, status: 'active' as const }, '组织关系应转入党支部，“机关党委”不是党支部。'],
    ['a closed branch', { id: 'b3', name: '原三支部', kind: 'branch' as const, status: 'closed' as const }, '转入组织不存在或已撤销。'],
  ])('%s', (_label, org, problem) => expect(destinationProblem(org, 'b1')).toBe(problem));
});

describe('T6 the receipt date: from the letter day to today', () => {
  test.each([
    ['2026-09-22', '回执日期不能早于介绍信开具日期。'], ['2026-09-23', undefined], ['2026-10-15', undefined], ['2026-10-20', undefined], ['2026-10-21', '回执日期不能晚于今天。'],
  ])('%s', (date, problem) => expect(receiptDateProblem(date, '2026-09-23', '2026-10-20')).toBe(problem));
});

describe('T6b a member whose receipt came back from outside the system', () => {
  const person = { status: 'full' as const, statusHistory: [{ value: 'full' as const, from: '2015-07-01' }], version: 4 };
  test('已转出本系统 from the receipt date, off the roster', () => {
    const left = personTransferredOut(person, '2026-10-15', '中共某县委组织部');
    expect(left).toEqual({ status: 'transferred-out', statusHistory: [...person.statusHistory, { value: 'transferred-out', from: '2026-10-15', note: '组织关系转往中共某县委组织部' }], version: 5 });
    expect(onRoster(left)).toBe(false);
    expect(onRoster(person)).toBe(true);
    expect(RECORDABLE_STATUSES).not.toContain('transferred-out');
  });
  test('never dated before his last recorded change', () => {
    const late = { ...person, statusHistory: [{ value: 'probationary' as const, from: '2026-10-20' }] };
    expect(personTransferredOut(late, '2026-10-15', '某组织').statusHistory.at(-1)?.from).toBe('2026-10-20');
  });
});

describe('T8a accept now, or wait for the case', () => {
  test.each([
    [{ openApprovals: [], openNotices: [] }, { kind: 'accept-now' }],
    [{ openApprovals: ['预审'], openNotices: [] }, { kind: 'wait', blockers: ['发展材料中的审批“预审”尚未作出决定，请待审批结束后再接收。'] }],
    [{ openApprovals: [], openNotices: ['张三 拟确定为入党积极分子'] }, { kind: 'wait', blockers: ['公示“张三 拟确定为入党积极分子”尚未结束，请待公示期满后再接收。'] }],
  ])('%j', (items, offer) => expect(acceptanceOffer(items)).toEqual(offer));
});
