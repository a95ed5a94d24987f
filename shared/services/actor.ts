import { AuthForbiddenError } from './errors';

export type StaffRole = 'branch-staff' | 'committee-staff' | 'admin';

/** Who is acting: a signed-in staff member (local account or Cognito), with the organizations they may act in. */
export interface Actor {
  id: string;
  displayName: string;
  role: StaffRole;
  /** The organization the account belongs to. */
  orgId: string;
  /** Every organization the actor may act in (their own and, for committee staff, those below). */
  scopeOrgIds: string[];
}

export function canActIn(actor: Actor, orgId: string): boolean {
  return actor.scopeOrgIds.includes(orgId);
}

export function authorizeOrg(actor: Actor, orgId: string): void {
  if (!canActIn(actor, orgId)) {
    throw new AuthForbiddenError({ detail: `actor ${actor.id} may not act in organization ${orgId}` });
  }
}

export function authorizeAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AuthForbiddenError({ detail: `actor ${actor.id} is not an administrator` });
}
