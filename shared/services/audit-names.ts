import { getAccount } from '../store/accounts-repo';
import type { AuditEvent } from '../store/audit';
import type { ServiceDeps } from './deps';

/** Staff accounts in a file (全程纪实) are shown by their names, never by the login name; the events keep the stable account id. */
export async function withActorNames(deps: Pick<ServiceDeps, 'store'>, audit: AuditEvent[]): Promise<AuditEvent[]> {
  const ids = [...new Set(audit.map((event) => event.actor))].filter((id) => id !== 'system' && id !== 'public');
  const accounts = await Promise.all(ids.map((id) => getAccount(deps.store, id)));
  const names = new Map(ids.map((id, index) => [id, accounts[index]?.displayName]));
  return audit.map((event) => ({ ...event, actorName: names.get(event.actor) }));
}
