import type { Election } from '../../domain/election/election';
import { auditPut, type AuditEvent } from '../../store/audit';
import { electionPk, replaceElection } from '../../store/elections-repo';
import type { Store } from '../../store/store';
import type { TransactItem } from '../../store/transact';

/** The next version of an election (changes applied, version + 1). */
export function nextVersion(election: Election, changes: Partial<Election>): Election {
  return { ...election, ...changes, version: election.version + 1 };
}

/** The items that change an election: its next version and the audit event, plus any others. */
export function electionChange(store: Store, next: Election, event: AuditEvent, others: TransactItem[] = []): TransactItem[] {
  return [...others, replaceElection(store, next), auditPut(store, electionPk(next.id), event)];
}
