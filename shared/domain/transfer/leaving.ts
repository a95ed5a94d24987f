import type { Person } from '../registry/person';

/**
 * A member whose membership went outside the system, once its receipt (回执) is back (docs/domain/transfer.md T6b):
 * 已转出本系统 from the receipt's date (never before his last recorded change), so he leaves his organization's roster,
 * its count and its votes from that day; his organization and record stay for the file.
 */
export function personTransferredOut<P extends Pick<Person, 'status' | 'statusHistory' | 'version'>>(person: P, receiptDate: string, toOrgName: string): P {
  const last = person.statusHistory.at(-1)?.from;
  const from = last && last > receiptDate ? last : receiptDate;
  return {
    ...person,
    status: 'transferred-out',
    statusHistory: [...person.statusHistory, { value: 'transferred-out', from, note: `组织关系转往${toOrgName}` }],
    version: person.version + 1,
  };
}
