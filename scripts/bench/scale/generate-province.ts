import { auditPut } from '../../../shared/store/audit';
import { orgPk } from '../../../shared/store/orgs-repo';
import { personPk } from '../../../shared/store/people-repo';
import type { Store } from '../../../shared/store/store';
import { BulkWriter } from './bulk-write';
import { caseStatus, casePlan, writeDevelopmentCases } from './province-development';
import { caseCounterForBulkLoad, caseCountersStateForBulkLoad } from '../../../shared/store/case-counts-repo';
import { pathsFingerprintOf } from '../../../shared/services/development/case-counts';
import type { StageNo } from '../../../shared/domain/development/steps';
import { writeElections } from './province-elections';
import { writeProvinceRegistry, type ProvinceRegistry } from './province-registry';
import type { ProvinceSize } from './province-size';
import { markDueBackfillDone } from '../../../shared/store/due-index';

/**
 * A generated province on a fresh table, loaded in bulk: the registry, the open development cases, the elections in
 * progress and a year of audit events (people's record edits, organizations' committee changes).
 */
export interface Province {
  size: ProvinceSize;
  registry: ProvinceRegistry;
  cases: { id: string; orgId: string }[];
  elections: { id: string; orgId: string }[];
  approvals: number;
  notices: number;
  items: number;
  seconds: number;
}

export interface GenerateOptions {
  now: Date;
  passwordHash: string;
  staffAccounts: number;
  /** BatchWriteItem calls in flight. */
  parallel?: number;
  progress?: (line: string) => void;
}

export async function generateProvince(store: Store, requested: ProvinceSize, options: GenerateOptions): Promise<Province> {
  const started = performance.now();
  const progress = options.progress ?? (() => {});
  const size = { ...requested, cases: Math.min(requested.cases, requested.people), elections: Math.min(requested.elections, requested.branches) };
  const writer = new BulkWriter(store, options.parallel ?? 16, (written) => progress(`  ${written.toLocaleString('en-US')} items written…`));
  const stride = Math.max(1, Math.floor(size.people / size.cases));
  const caseIndexOf = (personIndex: number) => {
    if (personIndex % stride !== stride - 1) return undefined;
    const index = Math.floor(personIndex / stride);
    return index < size.cases ? index : undefined;
  };

  progress(`registry: ${size.committees} committees, ${size.branches} branches and general branches, ${size.people} people…`);
  const registry = await writeProvinceRegistry(store, writer, {
    size, passwordHash: options.passwordHash, staffAccounts: options.staffAccounts,
    statusOf: (personIndex) => {
      const index = caseIndexOf(personIndex);
      return index === undefined ? 'full' : caseStatus(casePlan(index));
    },
  });
  const orgName = (orgId: string) => registry.names.get(orgId) ?? orgId;

  progress(`development: ${size.cases} open cases…`);
  const development = await writeDevelopmentCases(store, writer, { people: registry.people, caseIndexOf, orgName, orgPath: (orgId) => registry.paths.get(orgId) ?? `/${orgId}/`, now: options.now });
  // The dashboard's counters as the cases' transactions leave them (case-counts.ts): every case counted.
  const counters = new Map<string, Partial<Record<StageNo, number>>>();
  for (const { orgId, stage } of development.cases) counters.set(orgId, { ...counters.get(orgId), [stage]: (counters.get(orgId)?.[stage] ?? 0) + 1 });
  for (const [orgId, counts] of counters) await writer.put(caseCounterForBulkLoad(store, orgId, registry.paths.get(orgId) ?? `/${orgId}/`, counts));
  await writer.put(caseCountersStateForBulkLoad(store, options.now.toISOString(), pathsFingerprintOf(registry.paths)));

  progress(`elections: ${size.elections} in progress…`);
  const electionStride = Math.max(1, Math.floor(registry.branches.length / size.elections));
  const electionBranches = Array.from({ length: Math.min(size.elections, registry.branches.length) }, (_, k) => registry.branches[k * electionStride]);
  const elections = await writeElections(store, writer, { branches: electionBranches.map((id) => ({ id, name: orgName(id) })), now: options.now });

  progress(`audit: ${size.auditEvents} events of the last year…`);
  const allOrgs = [...registry.committees, ...registry.branches];
  for (let k = 0; k < size.auditEvents; k++) {
    const at = new Date(options.now.getTime() - (k % 365) * 86_400_000 - (k % 86_400) * 1000).toISOString();
    if (k % 5 === 4) {
      const orgId = allOrgs[k % allOrgs.length];
      await writer.put(auditPut(store, orgPk(orgId), { at, action: 'org.edited', actor: 'system', details: { committee: { before: '书记：张三', after: '书记：李四' } } }));
    } else {
      const person = registry.people[(k * 7919) % registry.people.length];
      await writer.put(auditPut(store, personPk(person.id), { at, action: 'person.edited', actor: 'system', details: { changed: ['phone'] } }));
    }
  }
  const items = await writer.flush();
  await markDueBackfillDone(store, 'case', options.now.toISOString(), development.cases.length); // the entries were written with the cases
  await markDueBackfillDone(store, 'approval-link', options.now.toISOString(), 0); // the links at their wake instants (putNewLink)
  await markDueBackfillDone(store, 'transfer', options.now.toISOString(), 0); // no transfers generated
  await markDueBackfillDone(store, 'open-task', options.now.toISOString(), 0); // the tasks were put in the province-wide list (putNewTask)
  await markDueBackfillDone(store, 'transfer-underway', options.now.toISOString(), 0); // no transfers generated
  await markDueBackfillDone(store, 'approval-list', options.now.toISOString(), 0); // each approval's entry written with it (putNewApproval)
  await markDueBackfillDone(store, 'notice-list', options.now.toISOString(), 0); // each notice's entry written with it (putNewNotice)
  await markDueBackfillDone(store, 'election-list', options.now.toISOString(), 0); // each election listed in the province's list with it (putNewElection)
  return {
    size, registry, cases: development.cases, elections, approvals: development.approvals, notices: development.notices, items,
    seconds: (performance.now() - started) / 1000,
  };
}
