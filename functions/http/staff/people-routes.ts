import { chinaDate } from '../../../shared/domain/calendar';
import type { Person } from '../../../shared/domain/registry/person';
import {
  addAttendanceExclusion, changeMembershipStatus, createPerson, editPerson, endAttendanceExclusion, getPersonView, listOrgPeople, loadPerson, personCreateStatuses, personOrgChoices, revealIdNumber,
  searchPeople, setRightsState,
} from '../../../shared/services/registry';
import type { PersonView } from '../../../shared/services/registry/people-read';
import { nextPagePath, peopleListPage } from '../../../shared/ui/pages/people-list';
import { peopleSearchPage } from '../../../shared/ui/pages/people-search';
import { personDetailPage, type PersonFormName } from '../../../shared/ui/pages/person-detail';
import { personFormPage } from '../../../shared/ui/pages/person-form';
import type { InputInvalidError } from '../../../shared/errors';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import type { SiteRequest } from '../edge/types';
import { formFields, handleForm, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

type PersonChange = (deps: StaffSiteDeps, actor: Parameters<typeof editPerson>[1], personId: string, form: Record<string, string>) => Promise<Person>;

const PERSON_FLASH: Record<string, string> = {
  created: '人员已添加。', edited: '人员信息已保存。', status: '党员状态已变更。', rights: '权利状态已保存。', exclusion: '已登记不计入应到会人数的情形。', 'end-exclusion': '该情形已结束。',
};
/**
 * A person as JSON: the ID number only masked (idNumberMasked), whoever asks. The full number is given only by the
 * recorded 显示完整证件号码 action (POST …/id-number) to those allowed; a JSON answer is easily kept, logged or passed on.
 */
async function personJson(deps: StaffSiteDeps, actor: Parameters<typeof getPersonView>[1], personId: string): Promise<PersonView> {
  return getPersonView(deps, actor, personId);
}

const personPath = (personId: string, done?: string) => `/staff/people/${encodeURIComponent(personId)}${done ? `?done=${done}` : ''}`;

/** The record's own fields as form values (never the ID number: the edit form only takes a new one). */
function recordValues(person: Person): Record<string, string> {
  const { orgId, name, gender, ethnicity, birthDate, education, unitPost, phone, email, address, applicationDate, version } = person;
  return { orgId, name, gender, ethnicity, birthDate, education, unitPost, phone, email: email ?? '', address: address ?? '', applicationDate: applicationDate ?? '', version: String(version) };
}

/** 党员名册: an organization's people, one person, and the forms for the record, status, rights and exclusions. */
export function peopleRoutes(deps: StaffSiteDeps): RouteTable {
  const today = () => chinaDate(deps.clock.now());

  const renderForm = async (request: SiteRequest, mode: 'create' | 'edit', values: Record<string, string>, error?: InputInvalidError) => {
    const session = sessionOf(request);
    const orgs = await personOrgChoices(deps, session.actor, mode === 'create' ? 'person.create' : 'person.edit');
    const statuses = mode === 'create' ? await personCreateStatuses(deps, session.actor) : undefined;
    const page = personFormPage({ mode, personId: request.params.personId, orgs, statuses, form: { values, errors: error?.fieldErrors ?? {} }, staff: staffLayout(session), message: error?.userMessage });
    return htmlResponse(error ? 422 : 200, page);
  };

  /** A dated change on the person page: JSON answers the person (ID number masked), a browser goes back. */
  const change = (name: PersonFormName, run: PersonChange) => async (request: SiteRequest) => {
    const session = sessionOf(request);
    const { personId } = request.params;
    const form = formFields(request);
    return handleForm(
      request,
      async () => {
        await run(deps, session.actor, personId, form);
        if (request.site.json) return jsonResponse(200, await personJson(deps, session.actor, personId));
        return redirect(personPath(personId, name));
      },
      async (error) => {
        const view = await getPersonView(deps, session.actor, personId);
        const failed = { name, form: { values: form, errors: error.fieldErrors }, message: error.userMessage };
        return htmlResponse(422, personDetailPage({ view, staff: staffLayout(session), today: today(), failed }));
      },
    );
  };

  const searchAnswer = async (request: SiteRequest, orgId: string, query: string, inAddress: boolean) => {
    const session = sessionOf(request);
    const view = await searchPeople(deps, session.actor, orgId, query, { inAddress });
    if (request.site.json) return jsonResponse(200, view);
    return htmlResponse(200, peopleSearchPage({ org: view.org, view }, staffLayout(session)));
  };

  /** A refused query: the box again with what to type; the number typed is not shown back. */
  const searchRefused = async (request: SiteRequest, orgId: string, query: string, error: InputInvalidError) => {
    const session = sessionOf(request);
    const { org } = await searchPeople(deps, session.actor, orgId, '');
    const kept = /\d/.test(query) ? '' : query;
    return htmlResponse(422, peopleSearchPage({ org, form: { values: { q: kept }, errors: error.fieldErrors } }, staffLayout(session)));
  };

  return {
    'GET /staff/people': async (request) => redirect(`/staff/orgs/${encodeURIComponent(sessionOf(request).actor.orgId)}/people`),

    // A page at a time (?cursor= from the previous page's 下一页; ?list=left those who left the system). JSON: the
    // page's people and `next`, the address of the next page (absent on the last).
    'GET /staff/orgs/{orgId}/people': async (request) => {
      const session = sessionOf(request);
      const list = request.query.list === 'left' ? 'left' : 'roster';
      const view = await listOrgPeople(deps, session.actor, request.params.orgId, { cursor: request.query.cursor, list });
      if (request.site.json) {
        const { next: _cursor, ...rest } = view;
        const next = nextPagePath(view);
        return jsonResponse(200, { ...rest, ...(next ? { next } : {}) });
      }
      const from = /^[1-9]\d{0,6}$/.test(request.query.from ?? '') ? Number(request.query.from) : undefined;
      return htmlResponse(200, peopleListPage(view, staffLayout(session), { from }));
    },

    // 人员查找: a name may come in the address (?q=, ?orgId=); an ID number only in the form's body (POST).
    'GET /staff/people/search': async (request) => {
      const session = sessionOf(request);
      const orgId = request.query.orgId || session.actor.orgId;
      const query = request.query.q ?? '';
      return handleForm(request, () => searchAnswer(request, orgId, query, true), (error) => searchRefused(request, orgId, query, error));
    },

    'POST /staff/people/search': async (request) => {
      const session = sessionOf(request);
      const form = formFields(request);
      const orgId = form.orgId || session.actor.orgId;
      const query = form.q ?? '';
      return handleForm(request, () => searchAnswer(request, orgId, query, false), (error) => searchRefused(request, orgId, query, error));
    },

    // The staff member's own organization is preselected (a branch's staff add 入党申请人 to their branch: preselected too).
    'GET /staff/people/new': async (request) => {
      const { actor } = sessionOf(request);
      const only = await personCreateStatuses(deps, actor);
      return renderForm(request, 'create', { orgId: request.query.orgId || actor.orgId, statusFrom: today(), ...(only.length === 1 ? { status: only[0] } : {}) });
    },

    'POST /staff/people': async (request) => {
      const session = sessionOf(request);
      const form = formFields(request);
      return handleForm(
        request,
        async () => {
          const person = await createPerson(deps, session.actor, form);
          return request.site.json ? jsonResponse(201, await personJson(deps, session.actor, person.id)) : redirect(personPath(person.id, 'created'));
        },
        async (error) => renderForm(request, 'create', form, error),
      );
    },

    'GET /staff/people/{personId}': async (request) => {
      const session = sessionOf(request);
      if (request.site.json) return jsonResponse(200, await personJson(deps, session.actor, request.params.personId));
      const view = await getPersonView(deps, session.actor, request.params.personId);
      return htmlResponse(200, personDetailPage({ view, staff: staffLayout(session), today: today(), flash: PERSON_FLASH[request.query.done ?? ''] }));
    },

    // 显示完整证件号码: a POST (with the CSRF token, recorded in the person's file); the number is in the answer only,
    // never in a URL, a redirect or the page as read.
    'POST /staff/people/{personId}/id-number': async (request) => {
      const session = sessionOf(request);
      const { personId } = request.params;
      const idNumber = await revealIdNumber(deps, session.actor, personId);
      if (request.site.json) return jsonResponse(200, { personId, idNumber });
      const view = await getPersonView(deps, session.actor, personId);
      return htmlResponse(200, personDetailPage({ view: { ...view, idNumber }, staff: staffLayout(session), today: today() }));
    },

    'GET /staff/people/{personId}/edit': async (request) => {
      const { person } = await loadPerson(deps, sessionOf(request).actor, request.params.personId, 'person.edit');
      return renderForm(request, 'edit', recordValues(person));
    },

    'POST /staff/people/{personId}': async (request) => {
      const session = sessionOf(request);
      const { personId } = request.params;
      const form = formFields(request);
      return handleForm(
        request,
        async () => {
          await editPerson(deps, session.actor, personId, form);
          return request.site.json ? jsonResponse(200, await personJson(deps, session.actor, personId)) : redirect(personPath(personId, 'edited'));
        },
        async (error) => renderForm(request, 'edit', form, error),
      );
    },

    'POST /staff/people/{personId}/status': change('status', changeMembershipStatus),
    'POST /staff/people/{personId}/rights': change('rights', setRightsState),
    'POST /staff/people/{personId}/exclusions': change('exclusion', addAttendanceExclusion),
    'POST /staff/people/{personId}/exclusions/end': change('end-exclusion', endAttendanceExclusion),
  };
}
