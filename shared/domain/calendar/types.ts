/** One year of the State Council's holiday notice (国务院办公厅关于部分节假日安排的通知), as data. */
export interface HolidayYear {
  year: number;
  /** ISO dates (YYYY-MM-DD), every single day off listed: ranges are expanded. */
  daysOff: string[];
  /** Saturdays and Sundays declared working days (调休上班), ISO dates. */
  workingWeekendDays: string[];
  /** Where the data comes from, e.g. the notice's title. */
  source?: string;
}

/** The holiday data the counting uses, by year. A year absent here counts weekends only. */
export interface WorkingCalendar {
  years: ReadonlyMap<number, HolidayYear>;
}

export type DayReason = 'workday' | 'weekend' | 'holiday' | 'working-weekend';

export interface DayStatus {
  working: boolean;
  reason: DayReason;
  /** False when the calendar has no data for the day's year: then only weekends are days off. */
  known: boolean;
}

export type PeriodUnit = 'workingDays' | 'calendarDays';

/** A notice period such as "5 working days" or "7 calendar days". */
export interface Period {
  unit: PeriodUnit;
  count: number;
}

export interface SkippedDay {
  date: string;
  reason: 'weekend' | 'holiday';
}

/** When a period that starts at a publication instant ends, and how that was counted. */
export interface PeriodEnd {
  /** The end as text in China time, e.g. '2026-09-30T23:59:59+08:00'. */
  endsAt: string;
  endsAtInstant: Date;
  /** Day N of the period (ISO date, China calendar). */
  lastDay: string;
  /** Days 1..N, ascending. */
  countedDays: string[];
  /** Days off between the publication day and the last day (inclusive), ascending. */
  skippedDays: SkippedDay[];
  /** True when a day examined fell in a year without holiday data (weekends only were counted). */
  provisional: boolean;
  /** The years without holiday data that the counting reached, ascending. */
  missingYears: number[];
}
