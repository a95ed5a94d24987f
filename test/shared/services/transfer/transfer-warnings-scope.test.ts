import type { Transfer } from '../../../../shared/domain/transfer/transfer';
import type { Actor } from '../../../../shared/services/actor';
import type { ServiceDeps } from '../../../../shared/services/deps';
import { backfillTransfersUnderway } from '../../../../shared/services/scheduled/transfer-underway-backfill';
import { transferWarningsInScope } from '../../../../shared/services/transfer';
import type { Store } from '../../../../shared/store/store';
import { putNewTransfer, replaceTransfer } from '../../../../shared/store/transfers-repo';
import { transactWrite, type TransactItem } from '../../../../shared/store/transact';
import { createTestStore } from '../../../support/store';
import { meterStore } from '../../../../scripts/bench/capacity-meter';
import { AGENCY_BRANCHES, agencyStaff, BIG_BRANCHES, bigStaff, putWideTree } from '../../../support/wide-tree';

/**
 * docs/domain/transfer.md T7a: a large scope's transfer warnings come from the province-wide list of transfers under
 * way, a small scope's from its organizations' own lists; both give the same transfers.
 */

const NOW = '2026-09-23T01:00:00.000Z';

function transfer(id: string, fromOrgId: string, to: string | undefined, leavingDate: string): Transfer {
  return {
    id, personId: `p-${id}`, personName: `党员${id}`, memberStatus: 'full', fromOrgId, fromOrgName: `${fromOrgId} 组织`,
    destination: to ? { kind: 'within', orgId: to, orgName: `${to} 组织` } : { kind: 'outside', orgName: '某县委组织部', address: '某县' },
    reason: '工作调动', leavingDate, duesPaidTo: '2026-08', status: 'requested', letters: [], createdAt: '2026-01-05T02:00:00.000Z', createdBy: 'staff', version: 1,
  };
}

// Left in January 2025: the six months are long past (member-gone); left on 1 September 2026: no warning yet.
const LONG_GONE = '2025-01-02';
const JUST_LEFT = '2026-09-01';
const TRANSFERS = [
  transfer('out-of-big', BIG_BRANCHES[1], AGENCY_BRANCHES[0], LONG_GONE), // both sides see it
  transfer('into-big', AGENCY_BRANCHES[1], BIG_BRANCHES[2], LONG_GONE), // both sides see it
  transfer('no-warning', BIG_BRANCHES[3], undefined, JUST_LEFT),
  transfer('agency-only', AGENCY_BRANCHES[2], undefined, LONG_GONE),
  transfer('finished', BIG_BRANCHES[4], BIG_BRANCHES[5], LONG_GONE),
];

const deps = (store: Store) => ({ store, clock: { now: () => new Date(NOW) } }) as unknown as ServiceDeps;
const warned = async (store: Store, who: Actor) => (await transferWarningsInScope(deps(store), who)).map((r) => r.transfer.id).sort();

/** Stores the transfers; `beforeTheList`: as stored before the list of transfers under way (without their entry). */
async function putTransfers(store: Store, beforeTheList = false): Promise<void> {
  const isEntry = (item: TransactItem) => item.Put?.Item?.sk === 'UNDERWAY';
  for (const t of TRANSFERS) await transactWrite(store, putNewTransfer(store, t).filter((item) => !beforeTheList || !isEntry(item)));
  const finished = TRANSFERS.find((t) => t.id === 'finished')!;
  await transactWrite(store, replaceTransfer(store, { ...finished, status: 'refused', refusalReason: '未报到', version: 2 }, true));
}

let store: Store;
beforeEach(async () => {
  store = await createTestStore();
  await putWideTree(store);
});

test('both ways give the same transfers; a finished one leaves the list', async () => {
  await putTransfers(store);
  const meter = meterStore(store);
  await warned(store, bigStaff); // the tree read once
  meter.reset();
  const perOrganization = await warned(store, bigStaff); // no backfill marker yet: the organizations' own lists
  expect(perOrganization).toEqual(['into-big', 'out-of-big']);
  expect(meter.requests).toBeGreaterThanOrEqual(2 * 111); // two queries for each organization of the scope
  expect(await backfillTransfersUnderway(deps(store))).toBe(0); // every transfer was stored with its entry
  await warned(store, bigStaff); // the marker seen once
  meter.reset();
  expect(await warned(store, bigStaff)).toEqual(perOrganization); // the province-wide list
  expect(meter.requests).toBeLessThanOrEqual(3); // the tree's mark, the list, one batch of transfers
  expect(await warned(store, agencyStaff)).toEqual(['agency-only', 'into-big', 'out-of-big']); // a small scope: its own lists

  const outOfBig = TRANSFERS[0];
  await transactWrite(store, replaceTransfer(store, { ...outOfBig, status: 'refused', refusalReason: '未报到', version: 2 }, true));
  expect(await warned(store, bigStaff)).toEqual(['into-big']);
  expect(await warned(store, agencyStaff)).toEqual(['agency-only', 'into-big']);
});

test('the transfers under way stored before the list are put in it once; finished ones are not', async () => {
  await putTransfers(store, true);
  expect(await backfillTransfersUnderway(deps(store))).toBe(4);
  expect(await backfillTransfersUnderway(deps(store))).toBeUndefined();
  expect(await warned(store, bigStaff)).toEqual(['into-big', 'out-of-big']);
});
