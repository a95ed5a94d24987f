import type { StaffIdentity } from '../actor';

/**
 * Checks a staff member's credentials: the local accounts in the table (local runtime) or Cognito (AWS).
 * Answers who signed in (their scope is computed per request from the organization tree), or a further question the
 * identity provider asks before it does (a new password, a one-time code), which `answer` takes.
 * Returns null for any failure (unknown user, wrong password, disabled) so no caller can tell which.
 */
export interface Authenticator {
  verify(username: string, password: string): Promise<VerifiedIdentity | SignInChallenge | null>;
  /** Answers a challenge `verify` (or an earlier answer) returned; null when the answer is wrong or the challenge expired. */
  answer?(challenge: SignInChallenge, response: ChallengeResponse): Promise<VerifiedIdentity | SignInChallenge | null>;
}

/** Who signed in, and whether their password was chosen by someone else (a new account) and must be changed first. */
export type VerifiedIdentity = StaffIdentity & { mustChangePassword?: boolean };

/**
 * A question between the password and the session: `new-password` (the password was set by an administrator),
 * `totp` (the six-digit code of the authenticator app), `totp-setup` (the pool requires a code and the user has no app
 * yet: `secret` is the key to add to it).
 */
export interface SignInChallenge {
  kind: 'new-password' | 'totp' | 'totp-setup';
  username: string;
  /** The identity provider's opaque session of this sign-in (a few minutes). */
  session: string;
  secret?: string;
}

export interface ChallengeResponse {
  code?: string;
  newPassword?: string;
}

export const isChallenge = (value: VerifiedIdentity | SignInChallenge): value is SignInChallenge => 'session' in value && 'kind' in value;

/** The identity provider refused a new password (its policy); the message says why, in Chinese. */
export class ChallengePasswordRefusedError extends Error {
  constructor(readonly userMessage: string, options?: ErrorOptions) {
    super(userMessage, options);
    this.name = 'ChallengePasswordRefusedError';
  }
}
