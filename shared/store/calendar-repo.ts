import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { shippedCalendar, withYears, type HolidayYear, type WorkingCalendar } from '../domain/calendar';
import { holidayYearSchema } from '../schemas/holiday-year';
import { queryAll } from './query-all';
import type { Store } from './store';

/**
 * Holiday years an administrator added, in the single table:
 *   pk CALENDAR, sk YEAR#<year>                      the year (HolidayYear + updatedAt, updatedBy)
 *   pk CALENDAR, sk AUDIT#<iso time>#<random id>     one audit event per change, same transaction
 */

const PK = 'CALENDAR';
const YEAR_PREFIX = 'YEAR#';
const AUDIT_PREFIX = 'AUDIT#';

export interface StoredHolidayYear extends HolidayYear {
  updatedAt: string;
  updatedBy: string;
}

/** A holiday year that fails validation, on its way in or read back from the table. */
export class CalendarYearInvalidError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CalendarYearInvalidError';
  }
}

function validated(candidate: unknown, context: string): HolidayYear {
  const result = holidayYearSchema.safeParse(candidate);
  if (result.success) return result.data;
  const messages = result.error.issues.map((issue) => issue.message).join('；');
  throw new CalendarYearInvalidError(`${context}: ${messages}`, { cause: result.error });
}

/** The shipped years merged with the stored ones; a stored year replaces a shipped one. */
export async function loadCalendar(store: Store): Promise<WorkingCalendar> {
  const stored = await listHolidayYears(store);
  return withYears(
    shippedCalendar(),
    stored.map(({ year, daysOff, workingWeekendDays, source }) => ({ year, daysOff, workingWeekendDays, source })),
  );
}

/** The years administrators stored, ascending (the shipped years are not listed unless overridden). */
export async function listHolidayYears(store: Store): Promise<StoredHolidayYear[]> {
  const years: StoredHolidayYear[] = [];
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': PK, ':prefix': YEAR_PREFIX },
  });
  for (const item of items) {
    const { updatedAt, updatedBy, daysOff, workingWeekendDays, source, year } = item;
    const valid = validated({ year, daysOff, workingWeekendDays, source }, `Stored calendar item ${String(item.sk)} is invalid`);
    years.push({ ...valid, updatedAt: String(updatedAt), updatedBy: String(updatedBy) });
  }
  return years.sort((a, b) => a.year - b.year);
}

/**
 * Validates and stores a year (replacing any stored one) and writes its audit event, in one
 * transaction. Throws CalendarYearInvalidError (cause: the ZodError) when the year is invalid.
 */
export async function saveHolidayYear(store: Store, year: HolidayYear, actor: string, now: Date): Promise<StoredHolidayYear> {
  const valid = validated(year, `Holiday year ${String(year?.year)} is invalid`);
  const at = now.toISOString();
  const saved: StoredHolidayYear = { ...valid, updatedAt: at, updatedBy: actor };
  await store.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: store.tableName, Item: { pk: PK, sk: `${YEAR_PREFIX}${valid.year}`, ...saved } } },
        {
          Put: {
            TableName: store.tableName,
            Item: {
              pk: PK,
              sk: `${AUDIT_PREFIX}${at}#${randomUUID()}`,
              action: 'calendar.year-saved',
              actor,
              at,
              details: { year: valid.year, daysOff: valid.daysOff, workingWeekendDays: valid.workingWeekendDays, source: valid.source },
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    }),
  );
  return saved;
}
