import type { StaffIdentity } from '../actor';

/**
 * Checks a staff member's credentials: the local accounts in the table (local runtime) or Cognito (AWS).
 * Answers who signed in (their scope is computed per request from the organization tree).
 * Returns null for any failure (unknown user, wrong password, disabled) so no caller can tell which.
 */
export interface Authenticator {
  verify(username: string, password: string): Promise<VerifiedIdentity | null>;
}

/** Who signed in, and whether their password was chosen by someone else (a new account) and must be changed first. */
export type VerifiedIdentity = StaffIdentity & { mustChangePassword?: boolean };
