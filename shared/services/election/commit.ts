import type { Election } from '../../domain/election/election';
import { auditPut, type AuditEvent } from '../../store/audit';
import { electionPk, releaseElectionGuard, replaceElection } from '../../store/elections-repo';
import type { Store } from '../../store/store';
import type { TransactItem } from '../../store/transact';

/** The next version of an election (changes applied, version + 1). */
export function nextVersion(election: Election, changes: Partial<Election>): Election {
  return { ...election, ...changes, version: election.version + 1 };
}

/**
 * The items that change an election: its next version and the audit event, plus any others. A version that is no
 * longer running releases the organization's election guard in the same transaction (a no-op when released before).
 */
export function electionChange(store: Store, next: Election, event: AuditEvent, others: TransactItem[] = []): TransactItem[] {
  const release = next.status === 'running' ? [] : [releaseElectionGuard(store, next)];
  return [...others, replaceElection(store, next), auditPut(store, electionPk(next.id), event), ...release];
}
