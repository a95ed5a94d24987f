import { authorizeAdmin } from '../../../shared/services/actor';
import { SettingsVersionConflictError } from '../../../shared/services/settings/errors';
import { readTermReminderSettings, saveTermReminderSettings } from '../../../shared/services/settings/term-reminder-settings';
import { parseTermReminderForm, termReminderFormValues } from '../../../shared/schemas/term-reminder-form';
import { TERM_REMINDER_SETTINGS_PATH, termReminderSettingsPage } from '../../../shared/ui/pages/term-reminder-settings';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import { formFields, handleForm, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

/** 换届提醒设置: administrators see the term-end reminder setting and change it (version-checked). */
export function termReminderSettingsRoutes(deps: StaffSiteDeps): RouteTable {
  return {
    [`GET ${TERM_REMINDER_SETTINGS_PATH}`]: async (request) => {
      const session = sessionOf(request);
      const current = await readTermReminderSettings(deps, session.actor);
      if (request.site.json) return jsonResponse(200, current);
      const flash = request.query.saved ? `换届提醒设置已保存（第 ${request.query.saved} 版）。` : undefined;
      return htmlResponse(200, termReminderSettingsPage(current, staffLayout(session), { values: termReminderFormValues(current.settings, current.version), errors: {} }, { flash }));
    },

    [`POST ${TERM_REMINDER_SETTINGS_PATH}`]: async (request) => {
      const session = sessionOf(request);
      authorizeAdmin(session.actor);
      const form = formFields(request);
      const page = async (status: number, errors: Record<string, string>, message: string, stale = false) => {
        const current = await readTermReminderSettings(deps, session.actor);
        const values = stale ? { ...form, version: String(current.version) } : form;
        return htmlResponse(status, termReminderSettingsPage(current, staffLayout(session), { values, errors }, { message }));
      };
      try {
        return await handleForm(
          request,
          async () => {
            const saved = await saveTermReminderSettings(deps, session.actor, parseTermReminderForm(form));
            return request.site.json ? jsonResponse(200, saved) : redirect(`${TERM_REMINDER_SETTINGS_PATH}?saved=${saved.version}`);
          },
          async (error) => page(422, error.fieldErrors, error.userMessage),
        );
      } catch (error) {
        // Stale: the newer setting is shown above the form, the values typed are kept; submitting again saves over it.
        if (error instanceof SettingsVersionConflictError && !request.site.json) return page(409, {}, error.userMessage, true);
        throw error;
      }
    },
  };
}
