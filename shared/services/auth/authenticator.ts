import type { Actor } from '../actor';

/**
 * Checks a staff member's credentials: the local accounts in the table (local runtime) or Cognito (AWS).
 * Returns null for any failure (unknown user, wrong password, disabled) so no caller can tell which.
 */
export interface Authenticator {
  verify(username: string, password: string): Promise<Actor | null>;
}
