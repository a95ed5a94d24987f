import { DEFAULT_TRANSFER_RULES, letterPeriods, type Transfer } from '../../../../shared/domain/transfer';
import { nextTransferWake } from '../../../../shared/domain/transfer/wake';

// docs/domain/scheduler.md: a transfer wakes the scheduler when its next warning (docs/domain/transfer.md T7) begins:
// the first millisecond after its threshold (the validity ends at 23:59:59 China time, a whole second).

const issuedAt = new Date('2026-09-23T01:00:00.000Z');

function transfer(overrides: Partial<Transfer> = {}): Transfer {
  return {
    id: 't1', personId: 'p1', personName: '张伟', memberStatus: 'full', fromOrgId: 'b1', fromOrgName: '办公室党支部',
    destination: { kind: 'within', orgId: 'b2', orgName: '财务处党支部' }, reason: '工作调动', leavingDate: '2026-09-20', duesPaidTo: '2026-09',
    status: 'issued', createdAt: '2026-09-22T01:00:00.000Z', createdBy: 'u1', version: 2,
    letters: [{ no: 1, issuerOrgId: 'c1', issuerOrgName: '机关党委', serialYear: 2026, serialNo: 12, issuedAt: issuedAt.toISOString(), issuedBy: 'u2', ...letterPeriods(issuedAt, DEFAULT_TRANSFER_RULES), status: 'valid' }],
    ...overrides,
  };
}

const wake = (t: Transfer, now: string, done: string[] = []) => nextTransferWake(t, DEFAULT_TRANSFER_RULES, now, new Set(done));
const validUntil = transfer().letters[0].validUntil;

test.each([
  ['issued, nothing mailed: the expiring warning begins 14 days before the end', '2026-10-01T00:00:00.000Z', [], '2026-12-09T15:59:59.001Z'],
  ['the expiring warning mailed: the day after the validity', '2026-12-10T00:00:00.000Z', [`letter-expiring#${validUntil}`], '2026-12-23T15:59:59.001Z'],
  ['the expiring warning missed, the letter expired: due at once', '2026-12-24T00:00:00.000Z', [], '2026-12-23T15:59:59.001Z'],
  ['expired mailed: the member gone six months after leaving', '2026-12-24T00:00:00.000Z', [`letter-expired#${validUntil}`], '2027-03-20T15:59:59.001Z'],
] as const)('%s', (_what, now, done, expected) => {
  expect(wake(transfer(), now, [...done])).toBe(expected);
});

test('a finished transfer has nothing left; a waiting acceptance is looked at on every tick', () => {
  for (const status of ['accepted', 'refused', 'received'] as const) expect(wake(transfer({ status }), '2026-10-01T00:00:00.000Z')).toBeUndefined();
  expect(wake(transfer({ acceptWhenFree: { by: 'u3', byName: '王芳', at: '2026-09-24T01:00:00.000Z' } }), '2026-10-01T00:00:00.000Z')).toBe('1970-01-01T00:00:00.000Z');
});

test('a receipt waiting to be recorded (T8b) is looked at on every tick while the letter is out; not once it is recorded', () => {
  const waiting = { receiptWhenFree: { by: 'u1', byName: '李组织委员', at: '2026-09-24T01:00:00.000Z', receiptDate: '2026-09-24' } };
  const outside = { destination: { kind: 'outside' as const, orgName: '外省某党组织', address: '某省某市' } };
  expect(wake(transfer({ ...outside, ...waiting }), '2026-10-01T00:00:00.000Z')).toBe('1970-01-01T00:00:00.000Z');
  expect(wake(transfer({ ...outside, ...waiting, status: 'received' }), '2026-10-01T00:00:00.000Z')).toBeUndefined();
  expect(wake(transfer(outside), '2026-10-01T00:00:00.000Z')).toBe('2026-12-09T15:59:59.001Z');
});
