import { chinaDate } from '../../domain/calendar';
import { stepByKey } from '../../domain/development/steps';
import { auditPut } from '../../store/audit';
import { casePk, putCaseRef, putStepRecord } from '../../store/cases-repo';
import { acknowledgeFilingLink, getFilingLink, putNewFilingLink, type FilingLink } from '../../store/filings-repo';
import { getOrganization } from '../../store/orgs-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import { hashLinkId, isWellFormedLinkId, newRawLinkId } from '../approval/links';
import type { ServiceDeps } from '../deps';
import { approverOf, staffToNotify } from '../registry/questions';
import { loadCase, systemRecord } from './case-writes';
import { FilingLinkInvalidError } from './errors';

export type CaseFilingStep = 'activistFiling' | 'targetFiling' | 'admissionFiling';

const LINK_VALID_DAYS = 30;
const DAY_MS = 86_400_000;

export const filingLinkUrl = (publicBaseUrl: string, rawId: string) => `${publicBaseUrl}/filings/${rawId}`;

/**
 * Task …Filing (steps 4, 8, 18): recorded on the case and e-mailed to the higher organization (step 18: the one above
 * the approving committee) with an acknowledgment link; the workflow does not wait for it. A retried task records
 * and mails nothing twice.
 */
export async function recordFiling(deps: ServiceDeps, request: { caseId: string; stepKey: CaseFilingStep }): Promise<{ filedWith: string }> {
  const devCase = await loadCase(deps, request.caseId);
  const step = stepByKey(request.stepKey);
  const approving = await approverOf(deps, devCase.orgId);
  const target = request.stepKey === 'admissionFiling' && approving ? ((await approverOf(deps, approving.id)) ?? approving) : approving;
  const org = await getOrganization(deps.store, devCase.orgId);
  const now = deps.clock.now();
  const at = now.toISOString();
  const rawId = newRawLinkId();
  const link: FilingLink = {
    linkHash: hashLinkId(rawId), caseId: devCase.id, stepKey: request.stepKey, stepLabel: step.label, personName: devCase.personName,
    orgName: org?.name ?? '', filedWith: target?.name ?? '上级党委', filedAt: at, expiresAt: new Date(now.getTime() + LINK_VALID_DAYS * DAY_MS).toISOString(), status: 'pending',
  };
  try {
    await transactWrite(deps.store, [
      putStepRecord(deps.store, systemRecord(devCase, { stepNo: step.no, stepKey: request.stepKey, at, values: { filedWith: link.filedWith, filedAt: at } }), false),
      putCaseRef(deps.store, devCase.id, 'filing', `${request.stepKey}-${devCase.attempt}`, { stepKey: request.stepKey, linkHash: link.linkHash, filedWith: link.filedWith, filedAt: at }),
      putNewFilingLink(deps.store, link),
      auditPut(deps.store, casePk(devCase.id), { at, action: 'case.filed', actor: 'system', details: { stepKey: request.stepKey, filedWith: link.filedWith } }),
    ]);
  } catch (error) {
    if (error instanceof StoreConditionFailedError) return { filedWith: link.filedWith }; // filed before
    throw error;
  }
  const to = target ? (await staffToNotify(deps, target.id)).filter((s) => s.orgId === target.id).map((s) => s.email) : [];
  if (to.length > 0) {
    await deps.mailer.send({
      to,
      subject: `【备案】${link.orgName}：${devCase.personName} — ${step.label}`,
      text:
        `${link.orgName}报${link.filedWith}备案：${devCase.personName}，${step.label}（第 ${step.no} 步），${chinaDate(new Date(at))}。\n` +
        `请打开以下链接确认收到备案（打开链接不会作出任何确认，须在页面上点击“确认收到”）：${filingLinkUrl(deps.publicBaseUrl, rawId)}\n` +
        `链接 ${LINK_VALID_DAYS} 天内有效。`,
    });
  }
  return { filedWith: link.filedWith };
}

export type FilingLinkView =
  | { state: 'pending' | 'acknowledged'; personName: string; stepLabel: string; orgName: string; filedWith: string; filedAt: string; acknowledgedAt?: string }
  | { state: 'expired' | 'invalid' };

function viewOf(link: FilingLink | undefined, now: Date): FilingLinkView {
  if (!link) return { state: 'invalid' };
  if (link.status === 'pending' && link.expiresAt <= now.toISOString()) return { state: 'expired' };
  const { personName, stepLabel, orgName, filedWith, filedAt, acknowledgedAt } = link;
  return { state: link.status, personName, stepLabel, orgName, filedWith, filedAt, ...(acknowledgedAt ? { acknowledgedAt } : {}) };
}

/** GET of a filing link: shows the filing, changes nothing. */
export async function viewFilingLink(deps: ServiceDeps, rawId: string): Promise<FilingLinkView> {
  if (!isWellFormedLinkId(rawId)) return { state: 'invalid' };
  return viewOf(await getFilingLink(deps.store, hashLinkId(rawId)), deps.clock.now());
}

/** POST of a filing link: acknowledges once (a second POST shows the recorded acknowledgment). */
export async function acknowledgeFiling(deps: ServiceDeps, rawId: string): Promise<FilingLinkView> {
  if (!isWellFormedLinkId(rawId)) throw new FilingLinkInvalidError();
  const hash = hashLinkId(rawId);
  const link = await getFilingLink(deps.store, hash);
  const now = deps.clock.now();
  const view = viewOf(link, now);
  if (!link || view.state !== 'pending') return view;
  const at = now.toISOString();
  try {
    await transactWrite(deps.store, [
      acknowledgeFilingLink(deps.store, hash, at),
      auditPut(deps.store, casePk(link.caseId), { at, action: 'case.filing-acknowledged', actor: 'public', details: { stepKey: link.stepKey, filedWith: link.filedWith } }),
    ]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
  }
  return viewOf(await getFilingLink(deps.store, hash), now);
}
