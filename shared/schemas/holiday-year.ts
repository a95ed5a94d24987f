import { z } from 'zod';
import { isIsoDate, weekday, yearOf } from '../domain/calendar';

/**
 * A year of holiday data as an administrator enters it (from the State Council's notice).
 * Messages are in Simplified Chinese; each points at the field (and list position) at fault.
 */

export const HOLIDAY_YEAR_MIN = 2000;
export const HOLIDAY_YEAR_MAX = 2099;
const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

const dateList = (what: string) =>
  z.array(z.string({ error: `${what}中的每一项都必须是日期文本（YYYY-MM-DD）` }), { error: `请填写${what}（日期列表）` });

export const holidayYearSchema = z
  .object({
    year: z
      .number({ error: '年份必须是数字' })
      .int({ error: '年份必须是整数' })
      .min(HOLIDAY_YEAR_MIN, { error: `年份不能早于 ${HOLIDAY_YEAR_MIN} 年` })
      .max(HOLIDAY_YEAR_MAX, { error: `年份不能晚于 ${HOLIDAY_YEAR_MAX} 年` }),
    daysOff: dateList('放假日期').min(1, { error: '请至少填写一个放假日期' }),
    workingWeekendDays: dateList('调休上班日期'),
    source: z.string({ error: '来源必须是文本' }).trim().max(200, { error: '来源不能超过 200 个字' }).optional(),
  })
  .superRefine((value, ctx) => {
    const fields = [
      ['daysOff', '放假日期'],
      ['workingWeekendDays', '调休上班日期'],
    ] as const;
    const offDays = new Set(value.daysOff);
    // With a year out of bounds (already reported) every date would also be "not in the year".
    const yearUsable = Number.isInteger(value.year) && value.year >= HOLIDAY_YEAR_MIN && value.year <= HOLIDAY_YEAR_MAX;
    for (const [field, label] of fields) {
      const seen = new Set<string>();
      value[field].forEach((date, index) => {
        const issue = (message: string) => ctx.addIssue({ code: 'custom', path: [field, index], message });
        if (!isIsoDate(date)) return issue(`${label}“${date}”不是有效日期，请按 YYYY-MM-DD 填写`);
        if (yearUsable && yearOf(date) !== value.year) return issue(`${label}“${date}”不在 ${value.year} 年内`);
        if (seen.has(date)) return issue(`${label}“${date}”重复填写`);
        seen.add(date);
        if (field !== 'workingWeekendDays') return;
        const day = weekday(date);
        if (day !== 0 && day !== 6) issue(`调休上班日期“${date}”是${WEEKDAY_NAMES[day]}，调休上班日必须是星期六或星期日`);
        if (offDays.has(date)) issue(`“${date}”不能既是放假日期又是调休上班日期`);
      });
    }
  });

export type HolidayYearInput = z.input<typeof holidayYearSchema>;
