import { orgPath } from '../../shared/domain/registry/org-path';
import type { Actor } from '../../shared/services/actor';
import { organizationWrites } from '../../shared/store/orgs-repo';
import type { Store } from '../../shared/store/store';
import { transactWrite } from '../../shared/store/transact';
import { testOrg } from './registry-fixtures';

/**
 * A tree with one scope above the per-organization threshold and one below it: working committee wc; committee big
 * with 110 branches (its staff read the province-wide lists); committee agency with 5 (its staff read per organization).
 */
export const BIG_BRANCHES = Array.from({ length: 110 }, (_, k) => `big-b${String(k).padStart(3, '0')}`);
export const AGENCY_BRANCHES = Array.from({ length: 5 }, (_, k) => `agency-b${k}`);

export async function putWideTree(store: Store): Promise<void> {
  const wc = orgPath(undefined, 'wc');
  const orgs = [
    testOrg({ id: 'wc', kind: 'working-committee', path: wc }),
    testOrg({ id: 'big', kind: 'committee', parentId: 'wc', path: orgPath(wc, 'big') }),
    testOrg({ id: 'agency', kind: 'committee', parentId: 'wc', path: orgPath(wc, 'agency') }),
    ...BIG_BRANCHES.map((id) => testOrg({ id, kind: 'branch', parentId: 'big', path: orgPath(orgPath(wc, 'big'), id) })),
    ...AGENCY_BRANCHES.map((id) => testOrg({ id, kind: 'branch', parentId: 'agency', path: orgPath(orgPath(wc, 'agency'), id) })),
  ];
  for (let i = 0; i < orgs.length; i += 40) await transactWrite(store, organizationWrites(store, { created: orgs.slice(i, i + 40) }));
}

const committeeActor = (orgId: string, scopeOrgIds: string[]): Actor => ({ id: `staff-${orgId}`, displayName: '王五', role: 'committee-staff', orgId, scopeOrgIds });
export const bigStaff = committeeActor('big', ['big', ...BIG_BRANCHES]);
export const agencyStaff = committeeActor('agency', ['agency', ...AGENCY_BRANCHES]);
