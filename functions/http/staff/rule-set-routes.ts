import { authorizeAdmin } from '../../../shared/services/actor';
import { addRuleSet, listRuleSets } from '../../../shared/services/development-views/rule-set-admin';
import { ruleSetFormValues } from '../../../shared/schemas/rule-set-form';
import { ruleSetsAdminPage } from '../../../shared/ui/pages/rule-sets-admin';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import { formFields, handleForm, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

/** 规则设置: administrators list the development rule sets and add a version (never edit one). */
export function ruleSetRoutes(deps: StaffSiteDeps): RouteTable {
  return {
    'GET /staff/development/rule-sets': async (request) => {
      const session = sessionOf(request);
      const sets = await listRuleSets(deps, session.actor);
      if (request.site.json) return jsonResponse(200, { ruleSets: sets });
      const flash = request.query.added ? `规则版本“${request.query.added}”已建立。` : undefined;
      return htmlResponse(200, ruleSetsAdminPage(sets, staffLayout(session), { values: ruleSetFormValues(), errors: {} }, { flash }));
    },

    'POST /staff/development/rule-sets': async (request) => {
      const session = sessionOf(request);
      authorizeAdmin(session.actor);
      const form = formFields(request);
      return handleForm(
        request,
        async () => {
          const rules = await addRuleSet(deps, session.actor, form);
          return request.site.json ? jsonResponse(201, rules) : redirect(`/staff/development/rule-sets?added=${encodeURIComponent(rules.ruleSetVersion)}`);
        },
        async (error) => htmlResponse(422, ruleSetsAdminPage(await listRuleSets(deps, session.actor), staffLayout(session), { values: form, errors: error.fieldErrors }, { message: error.userMessage })),
      );
    },
  };
}
