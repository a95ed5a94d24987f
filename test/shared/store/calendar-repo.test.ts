import { jest } from '@jest/globals';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { computePeriodEnd, type HolidayYear } from '../../../shared/domain/calendar';
import {
  CalendarYearInvalidError,
  listHolidayYears,
  loadCalendar,
  saveHolidayYear,
} from '../../../shared/store/calendar-repo';
import type { Store } from '../../../shared/store/store';
import { createTestStore } from '../../support/store';

/** Test data in the shape of a State Council notice; not the real 2027 notice. */
const year2027: HolidayYear = {
  year: 2027,
  daysOff: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-07', '2027-02-08'],
  workingWeekendDays: ['2027-02-20'],
  source: '测试数据：2027 年节假日安排',
};
const savedAt = new Date('2026-11-20T02:00:00.000Z');

async function calendarItems(store: Store, prefix: string): Promise<Record<string, unknown>[]> {
  const result = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'CALENDAR', ':prefix': prefix },
    }),
  );
  return result.Items ?? [];
}

describe('calendar repository (DynamoDB Local)', () => {
  let store: Store;

  beforeEach(async () => {
    store = await createTestStore();
  });

  test('with nothing stored, the calendar is the shipped one and 2027 is provisional', async () => {
    const calendar = await loadCalendar(store);
    expect([...calendar.years.keys()].sort()).toEqual([2025, 2026]);
    expect(await listHolidayYears(store)).toEqual([]);
    const end = computePeriodEnd(calendar, new Date('2026-12-30T10:00:00+08:00'), { unit: 'workingDays', count: 5 });
    expect(end).toMatchObject({ lastDay: '2027-01-05', provisional: true, missingYears: [2027] });
  });

  test('saves a 2027 year and its audit item in one transaction', async () => {
    const send = jest.spyOn(store.doc, 'send');
    const saved = await saveHolidayYear(store, year2027, 'admin@example.org', savedAt);
    expect(send).toHaveBeenCalledTimes(1);
    const command = send.mock.calls[0][0];
    expect(command).toBeInstanceOf(TransactWriteCommand);
    const items = (command as TransactWriteCommand).input.TransactItems ?? [];
    expect(items.map((item) => item.Put?.Item?.sk)).toEqual(['YEAR#2027', expect.stringMatching(/^AUDIT#2026-11-20T02:00:00.000Z#[0-9a-f-]{36}$/)]);
    send.mockRestore();

    expect(saved).toEqual({ ...year2027, updatedAt: '2026-11-20T02:00:00.000Z', updatedBy: 'admin@example.org' });
    const [yearItem] = await calendarItems(store, 'YEAR#');
    expect(yearItem).toEqual({ pk: 'CALENDAR', sk: 'YEAR#2027', ...year2027, updatedAt: '2026-11-20T02:00:00.000Z', updatedBy: 'admin@example.org' });
    const audits = await calendarItems(store, 'AUDIT#');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toEqual({
      pk: 'CALENDAR',
      sk: items[1].Put?.Item?.sk,
      action: 'calendar.year-saved',
      actor: 'admin@example.org',
      at: '2026-11-20T02:00:00.000Z',
      details: { year: 2027, daysOff: year2027.daysOff, workingWeekendDays: year2027.workingWeekendDays, source: year2027.source },
    });
  });

  test('a loaded calendar with 2027 counts its holidays: a period into 2027 is no longer provisional', async () => {
    await saveHolidayYear(store, year2027, 'admin@example.org', savedAt);
    const calendar = await loadCalendar(store);
    expect([...calendar.years.keys()].sort()).toEqual([2025, 2026, 2027]);
    expect(calendar.years.get(2027)).toEqual(year2027);
    const end = computePeriodEnd(calendar, new Date('2026-12-30T10:00:00+08:00'), { unit: 'workingDays', count: 5 });
    expect(end).toMatchObject({ lastDay: '2027-01-06', endsAt: '2027-01-06T23:59:59+08:00', provisional: false, missingYears: [] });
    expect(end.skippedDays).toEqual([
      { date: '2027-01-01', reason: 'holiday' },
      { date: '2027-01-02', reason: 'holiday' },
      { date: '2027-01-03', reason: 'holiday' },
    ]);
  });

  test('a stored year overrides the shipped one; saving again replaces it and audits each save', async () => {
    const revised: HolidayYear = { year: 2026, daysOff: ['2026-10-01'], workingWeekendDays: [] };
    await saveHolidayYear(store, { ...revised, daysOff: ['2026-10-01', '2026-10-02'] }, 'first@example.org', savedAt);
    await saveHolidayYear(store, revised, 'second@example.org', new Date('2026-11-21T00:00:00Z'));
    const calendar = await loadCalendar(store);
    expect(calendar.years.get(2026)).toEqual(revised);
    expect(calendar.years.get(2025)?.daysOff).toHaveLength(28);
    const end = computePeriodEnd(calendar, new Date('2026-09-23T09:00:00+08:00'), { unit: 'workingDays', count: 5 });
    expect(end.lastDay).toBe('2026-09-29');
    expect(await listHolidayYears(store)).toEqual([{ ...revised, updatedAt: '2026-11-21T00:00:00.000Z', updatedBy: 'second@example.org' }]);
    const audits = await calendarItems(store, 'AUDIT#');
    expect(audits.map((audit) => audit.actor)).toEqual(['first@example.org', 'second@example.org']);
  });

  test('lists stored years in ascending order', async () => {
    await saveHolidayYear(store, { year: 2028, daysOff: ['2028-01-01'], workingWeekendDays: [] }, 'a', savedAt);
    await saveHolidayYear(store, year2027, 'b', savedAt);
    expect((await listHolidayYears(store)).map((year) => [year.year, year.updatedBy])).toEqual([[2027, 'b'], [2028, 'a']]);
  });

  test('refuses an invalid year and writes nothing', async () => {
    const invalid: HolidayYear = { year: 2027, daysOff: ['2028-01-01'], workingWeekendDays: ['2027-01-04'] };
    const attempt = saveHolidayYear(store, invalid, 'admin@example.org', savedAt);
    await expect(attempt).rejects.toBeInstanceOf(CalendarYearInvalidError);
    await expect(attempt).rejects.toThrow('放假日期“2028-01-01”不在 2027 年内');
    await expect(attempt).rejects.toMatchObject({ cause: expect.objectContaining({ name: 'ZodError' }) });
    expect(await calendarItems(store, 'YEAR#')).toEqual([]);
    expect(await calendarItems(store, 'AUDIT#')).toEqual([]);
  });
});
