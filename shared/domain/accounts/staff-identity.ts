export type StaffRole = 'branch-staff' | 'committee-staff' | 'admin';

/** Who signed in: a staff account (local) or a Cognito user (role from groups, orgId from custom:orgId). */
export interface StaffIdentity {
  id: string;
  displayName: string;
  role: StaffRole;
  /** The organization the account belongs to. */
  orgId: string;
}
