import { chinaDate } from '../../domain/calendar';
import { termStatus, type TermReminderRule, type TermStatus } from '../../domain/election/term-reminders';
import type { Organization } from '../../domain/registry/organization';
import type { Actor } from '../actor';
import { loadOrgTree, permits, scopeOf } from '../authorization';
import type { ServiceDeps } from '../deps';
import { getTermReminderRules } from '../settings/term-reminder-settings';

/** One organization's term as the elections overview shows it. */
export interface TermRow {
  org: Pick<Organization, 'id' | 'name' | 'kind' | 'termStart' | 'termEnd'>;
  status: TermStatus;
}

const ORDER: Record<TermStatus['state'], number> = { overdue: 0, reminding: 1, running: 2, renewed: 3, 'no-term': 4 };

/**
 * The terms of the active organizations the actor may view (party groups have no term), overdue first, then those
 * with a reminder due, then by term end. `renewedOrgIds`: organizations whose election result for the current term
 * is approved (neither due nor overdue). `rules`: the reminders in force, read from the stored setting unless given.
 */
export async function termOverview(
  deps: Pick<ServiceDeps, 'store' | 'clock'>,
  actor: Actor,
  options: { rules?: readonly TermReminderRule[]; renewedOrgIds?: ReadonlySet<string> } = {},
): Promise<TermRow[]> {
  const tree = await loadOrgTree(deps.store);
  const rules = options.rules ?? (await getTermReminderRules(deps));
  const today = chinaDate(deps.clock.now());
  const rows = scopeOf(actor, tree)
    .map((id) => tree.get(id)!)
    .filter((org) => org.status === 'active' && org.kind !== 'party-group' && permits(actor, 'org.view', org.id, tree))
    .map(({ id, name, kind, termStart, termEnd }) => ({
      org: { id, name, kind, termStart, termEnd },
      status: termStatus({ termEnd }, today, { rules, resultApproved: options.renewedOrgIds?.has(id) }),
    }));
  return rows.sort(
    (a, b) => ORDER[a.status.state] - ORDER[b.status.state] || (a.org.termEnd ?? '').localeCompare(b.org.termEnd ?? '') || a.org.name.localeCompare(b.org.name, 'zh-CN'),
  );
}

/** The rows that need attention on the staff home: overdue, or a reminder due. */
export function termWarnings(rows: readonly TermRow[]): TermRow[] {
  return rows.filter((row) => row.status.state === 'overdue' || row.status.state === 'reminding');
}
