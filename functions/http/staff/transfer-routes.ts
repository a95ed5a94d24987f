import { chinaDate } from '../../../shared/domain/calendar';
import { MEMBERSHIP_STATUS_LABELS } from '../../../shared/domain/registry/person';
import { transferableStatus } from '../../../shared/domain/transfer/transfer';
import { loadOrgTree, permits } from '../../../shared/services/authorization';
import { listOwnRoster } from '../../../shared/services/registry';
import {
  acceptanceOfferFor, acceptTransfer, receiptCaseNotice, waitToRecordReceipt, cancelWaitToRecordReceipt, cancelWaitToAccept, getTransferFile, waitToAccept, getTransferLetter, issueLetter, listOrgTransfers, recordReceipt, refuseTransfer, registerIncoming, reissueLetter, requestTransfer, transferActionsFor,
} from '../../../shared/services/transfer';
import { withActorNames } from '../../../shared/services/audit-names';
import type { InputInvalidError } from '../../../shared/errors';
import { transferFilePage } from '../../../shared/ui/pages/transfer-file';
import { transferLetterPage } from '../../../shared/ui/pages/transfer-letter-print';
import { transferListPage, transferRequestPage } from '../../../shared/ui/pages/transfer-list';
import { incomingTransferPage } from '../../../shared/ui/pages/transfer-incoming';
import { htmlResponse, jsonResponse, redirect } from '../edge/responses';
import type { RouteTable } from '../edge/router';
import type { SiteRequest } from '../edge/types';
import { formFields, handleForm, sessionOf, staffLayout, type StaffSiteDeps } from './staff-context';

const FLASH: Record<string, string> = {
  requested: '转接申请已提交，已通知上级党委开具介绍信。', issue: '介绍信已开具。', accept: '已接收，该同志已转入本支部。', refuse: '已退回转出方。',
  receipt: '回执已登记，转接办结。', reissue: '原介绍信已作废，请重新开具。',
  'wait-accept': '已登记：发展党员材料可以移交时，系统即自动接收。', 'wait-accept-cancel': '已取消自动接收。',
  'wait-receipt': '已登记：发展党员材料中的事项结束后，系统即按所填日期登记回执并办结。', 'wait-receipt-cancel': '已取消自动登记回执。',
};

const CHANGES = {
  issue: issueLetter, accept: acceptTransfer, refuse: refuseTransfer, receipt: recordReceipt, reissue: reissueLetter, 'wait-accept': waitToAccept, 'wait-accept-cancel': cancelWaitToAccept,
  'wait-receipt': waitToRecordReceipt, 'wait-receipt-cancel': cancelWaitToRecordReceipt,
} as const;
type Change = keyof typeof CHANGES;

/** 组织关系转接 (docs/domain/transfer.md): the lists, the request (one or several members), a transfer's file and its steps, the letter. */
export function transferRoutes(deps: StaffSiteDeps): RouteTable {
  const requestPage = async (request: SiteRequest, status: number, values: Record<string, string>, error?: InputInvalidError) => {
    const session = sessionOf(request);
    const tree = await loadOrgTree(deps.store);
    const branches = tree.organizations.filter((o) => o.kind === 'branch' && o.status === 'active');
    const own = branches.filter((o) => permits(session.actor, 'transfer.request', o.id, tree));
    const orgId = values.orgId ?? '';
    const people = orgId && own.some((o) => o.id === orgId)
      ? (await listOwnRoster(deps, session.actor, orgId)).filter((p) => transferableStatus(p.status)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      : [];
    return htmlResponse(status, transferRequestPage({
      branches: own, destinations: branches.filter((o) => o.id !== orgId), form: { values, errors: error?.fieldErrors ?? {} }, message: error?.userMessage,
      people: people.map((p) => ({ id: p.id, name: p.name, statusLabel: MEMBERSHIP_STATUS_LABELS[p.status] })), staff: staffLayout(session),
      idempotencyKey: values.idempotencyKey || deps.newId(),
    }));
  };

  const incomingPage = async (request: SiteRequest, status: number, values: Record<string, string>, error?: InputInvalidError) => {
    const session = sessionOf(request);
    const tree = await loadOrgTree(deps.store);
    const orgs = tree.organizations.filter((o) => o.kind === 'branch' && o.status === 'active' && permits(session.actor, 'transfer.incoming', o.id, tree));
    return htmlResponse(status, incomingTransferPage({ orgs, form: { values, errors: error?.fieldErrors ?? {} }, message: error?.userMessage, staff: staffLayout(session) }));
  };

  const filePage = async (request: SiteRequest, status: number, failed?: { form: string; values: Record<string, string>; error: InputInvalidError }) => {
    const session = sessionOf(request);
    const file = await getTransferFile(deps, session.actor, request.params.transferId);
    if (request.site.json) return jsonResponse(status, file);
    const actions = await transferActionsFor(deps, session.actor, file.transfer);
    return htmlResponse(status, transferFilePage({
      transfer: file.transfer, warnings: file.warnings, events: await withActorNames(deps, file.events), actions,
      ...(actions.accept ? { acceptOffer: await acceptanceOfferFor(deps, file.transfer) } : {}),
      ...(actions.receipt ? { receiptCase: await receiptCaseNotice(deps, file.transfer) } : {}),
      staff: staffLayout(session), today: chinaDate(deps.clock.now()), flash: FLASH[request.query.done ?? ''],
      ...(failed ? { failed: { form: failed.form, state: { values: failed.values, errors: failed.error.fieldErrors }, message: failed.error.userMessage } } : {}),
    }));
  };

  const change = (name: Change) => async (request: SiteRequest) => {
    const form = formFields(request);
    return handleForm(
      request,
      async () => {
        const transfer = await CHANGES[name](deps, sessionOf(request).actor, request.params.transferId, form);
        if (request.site.json) return jsonResponse(200, { transfer });
        // Nothing left to wait for: the wish to wait was an acceptance at once.
        const done = name === 'wait-accept' && transfer.status === 'accepted' ? 'accept' : name === 'wait-receipt' && transfer.status === 'received' ? 'receipt' : name;
        return redirect(`/staff/transfers/${encodeURIComponent(transfer.id)}?done=${done}`);
      },
      async (error) => filePage(request, 422, { form: name, values: form, error }),
    );
  };

  return {
    'GET /staff/transfers': async (request) => {
      const session = sessionOf(request);
      const lists = await listOrgTransfers(deps, session.actor, request.query.orgId ?? session.actor.orgId);
      if (request.site.json) return jsonResponse(200, lists);
      const tree = await loadOrgTree(deps.store);
      return htmlResponse(200, transferListPage({ ...lists, staff: staffLayout(session), canRegisterIncoming: permits(session.actor, 'transfer.incoming', session.actor.orgId, tree) }));
    },
    'GET /staff/transfers/new': (request) => requestPage(request, 200, { orgId: request.query.orgId ?? (sessionOf(request).actor.role === 'branch-staff' ? sessionOf(request).actor.orgId : '') }),
    'POST /staff/transfers': async (request) => {
      const form = formFields(request);
      const personIds = Object.keys(form).filter((k) => k.startsWith('person.')).map((k) => k.slice('person.'.length)).join(',');
      return handleForm(
        request,
        async () => {
          const transfers = await requestTransfer(deps, sessionOf(request).actor, { ...form, personIds: form.personIds ?? personIds });
          if (request.site.json) return jsonResponse(201, { transfers });
          return redirect(transfers.length === 1 ? `/staff/transfers/${encodeURIComponent(transfers[0].id)}?done=requested` : '/staff/transfers');
        },
        async (error) => requestPage(request, 422, { ...form, personIds }, error),
      );
    },
    'GET /staff/transfers/incoming/new': (request) => incomingPage(request, 200, { status: 'full' }),
    'POST /staff/transfers/incoming': async (request) => {
      const form = formFields(request);
      return handleForm(
        request,
        async () => {
          const { person } = await registerIncoming(deps, sessionOf(request).actor, form);
          if (request.site.json) return jsonResponse(201, { personId: person.id });
          return redirect(`/staff/people/${encodeURIComponent(person.id)}`);
        },
        async (error) => incomingPage(request, 422, form, error),
      );
    },
    'GET /staff/transfers/{transferId}': (request) => filePage(request, 200),
    'GET /staff/transfers/{transferId}/letter': async (request) => htmlResponse(200, transferLetterPage(await getTransferLetter(deps, sessionOf(request).actor, request.params.transferId))),
    'POST /staff/transfers/{transferId}/issue': change('issue'),
    'POST /staff/transfers/{transferId}/accept': change('accept'),
    'POST /staff/transfers/{transferId}/refuse': change('refuse'),
    'POST /staff/transfers/{transferId}/receipt': change('receipt'),
    'POST /staff/transfers/{transferId}/reissue': change('reissue'),
    'POST /staff/transfers/{transferId}/wait-accept': change('wait-accept'),
    'POST /staff/transfers/{transferId}/wait-accept-cancel': change('wait-accept-cancel'),
    'POST /staff/transfers/{transferId}/wait-receipt': change('wait-receipt'),
    'POST /staff/transfers/{transferId}/wait-receipt-cancel': change('wait-receipt-cancel'),
  };
}
