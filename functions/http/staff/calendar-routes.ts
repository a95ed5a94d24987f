import { authorizeAdmin } from '../../../shared/services/actor';
import { saveCalendarYear } from '../../../shared/services/calendar';
import { CalendarYearInvalidError, listHolidayYears } from '../../../shared/store/calendar-repo';
import { calendarAdminPage } from '../../../shared/ui/pages/calendar-admin';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import { calendarFieldErrors, calendarRows, CALENDAR_FIELDS, holidayYearFromForm } from './calendar-form';
import { handleForm, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

function savedFlash(query: Record<string, string>): string | undefined {
  if (!/^\d{4}$/.test(query.saved ?? '')) return undefined;
  const count = Number(query.recomputed ?? '0');
  return `${query.saved} 年节假日安排已保存${count > 0 ? `，已重新计算 ${count} 个未结束公示的结束日期` : ''}。`;
}

/** The holiday calendar, administrators only (the pages refuse early; saveCalendarYear is the check): list years, add or replace one. */
export function calendarRoutes(deps: StaffSiteDeps): RouteTable {
  return {
    'GET /staff/calendar': async (request) => {
      const session = sessionOf(request);
      authorizeAdmin(session.actor);
      const rows = calendarRows(await listHolidayYears(deps.store));
      if (request.site.json) return jsonResponse(200, { years: rows });
      const page = calendarAdminPage({ years: rows, form: { values: {}, errors: {} }, staff: staffLayout(session), flash: savedFlash(request.query) });
      return htmlResponse(200, page);
    },

    'POST /staff/calendar': async (request) => {
      const session = sessionOf(request);
      authorizeAdmin(session.actor);
      const form = Object.fromEntries(CALENDAR_FIELDS.map((name) => [name, request.site.form[name] ?? '']));
      return handleForm(
        request,
        async () => {
          let saved: { year: number; recomputed: number };
          try {
            saved = await saveCalendarYear(deps, session.actor, holidayYearFromForm(form));
          } catch (error) {
            throw error instanceof CalendarYearInvalidError ? calendarFieldErrors(error) : error;
          }
          if (request.site.json) return jsonResponse(200, saved);
          return redirect(`/staff/calendar?saved=${saved.year}&recomputed=${saved.recomputed}`);
        },
        async (error) => {
          const rows = calendarRows(await listHolidayYears(deps.store));
          const page = calendarAdminPage({ years: rows, form: { values: form, errors: error.fieldErrors }, staff: staffLayout(session), message: error.userMessage });
          return htmlResponse(422, page);
        },
      );
    },
  };
}
