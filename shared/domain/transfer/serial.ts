/** Letter serial numbers (介绍信编号, docs/domain/transfer.md rule T5): one series per issuing organization and year. */

/** The series a letter issued by `issuerOrgId` in the China year `year` belongs to (its counter's key). */
export const serialSeries = (issuerOrgId: string, year: number) => `${issuerOrgId}#${year}`;

/** The printed serial: 〔2026〕第12号. */
export function formatSerial(year: number, no: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(no) || no < 1) throw new RangeError(`Not a serial: ${year}/${no}`);
  return `〔${year}〕第${no}号`;
}

/** The number after the last one issued in the series (the first is 1): gap-free, never reused. */
export function nextSerialNo(lastIssued: number | undefined): number {
  return (lastIssued ?? 0) + 1;
}
