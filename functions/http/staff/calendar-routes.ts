import { listCalendarYears, saveCalendarYear } from '../../../shared/services/calendar';
import { calendarAdminPage } from '../../../shared/ui/pages/calendar-admin';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import { CALENDAR_FIELDS, holidayYearFromForm } from './calendar-form';
import { handleForm, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

function savedFlash(query: Record<string, string>): string | undefined {
  if (!/^\d{4}$/.test(query.saved ?? '')) return undefined;
  const count = Number(query.recomputed ?? '0');
  return `${query.saved} 年节假日安排已保存${count > 0 ? `，已重新计算 ${count} 个未结束公示的结束日期` : ''}。`;
}

/** The holiday calendar, administrators only (both services check): list years, add or replace one. */
export function calendarRoutes(deps: StaffSiteDeps): RouteTable {
  return {
    'GET /staff/calendar': async (request) => {
      const session = sessionOf(request);
      const rows = await listCalendarYears(deps, session.actor);
      if (request.site.json) return jsonResponse(200, { years: rows });
      const page = calendarAdminPage({ years: rows, form: { values: {}, errors: {} }, staff: staffLayout(session), flash: savedFlash(request.query) });
      return htmlResponse(200, page);
    },

    'POST /staff/calendar': async (request) => {
      const session = sessionOf(request);
      const form = Object.fromEntries(CALENDAR_FIELDS.map((name) => [name, request.site.form[name] ?? '']));
      return handleForm(
        request,
        async () => {
          const saved = await saveCalendarYear(deps, session.actor, holidayYearFromForm(form));
          if (request.site.json) return jsonResponse(200, saved);
          return redirect(`/staff/calendar?saved=${saved.year}&recomputed=${saved.recomputed}`);
        },
        async (error) => {
          const rows = await listCalendarYears(deps, session.actor);
          const page = calendarAdminPage({ years: rows, form: { values: form, errors: error.fieldErrors }, staff: staffLayout(session), message: error.userMessage });
          return htmlResponse(422, page);
        },
      );
    },
  };
}
