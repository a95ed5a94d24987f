import { countMails, listMails, type LoggedMail } from '../../store/mail-log-repo';
import { authorizeAdmin, type Actor } from '../actor';
import type { ServiceDeps } from '../deps';

/** How far back a failed delivery is shown on the administrators' home page. */
export const UNDELIVERED_ALERT_DAYS = 14;

export interface MailLogView {
  failed: LoggedMail[];
  pending: LoggedMail[];
  sent: LoggedMail[];
}

/** The sent-mail log (SMTP delivery): administrators only, as the mails carry approval links. */
export async function mailLog(deps: Pick<ServiceDeps, 'store'>, actor: Actor, limit = 100): Promise<MailLogView> {
  authorizeAdmin(actor);
  const [failed, pending, sent] = await Promise.all((['failed', 'pending', 'sent'] as const).map((status) => listMails(deps.store, status, { limit })));
  return { failed, pending, sent };
}

/** Mails given up in the last days, for an administrator's home page; 0 for everyone else. */
export async function recentUndeliveredCount(deps: Pick<ServiceDeps, 'store' | 'clock'>, actor: Actor): Promise<number> {
  if (actor.role !== 'admin') return 0;
  const since = new Date(deps.clock.now().getTime() - UNDELIVERED_ALERT_DAYS * 86_400_000).toISOString();
  return countMails(deps.store, 'failed', since);
}
