import type { AuditEvent } from '../../store/audit';
import type { StaffRole } from '../actor';

/**
 * The account port: where staff accounts live. Locally the accounts table (local-account-directory.ts); on AWS the
 * Cognito user pool through its admin API (functions/adapters/cognito-account-directory.ts). Every change carries
 * its audit event, written beside it (locally in the same transaction; on AWS right after Cognito answers).
 */
export interface DirectoryAccount {
  username: string;
  displayName: string;
  role: StaffRole;
  orgId: string;
  email: string;
  disabled: boolean;
  /** The password was chosen by someone else and must be changed at the next sign-in. */
  mustChangePassword: boolean;
  createdAt?: string;
}

export interface NewDirectoryAccount {
  username: string;
  displayName: string;
  role: StaffRole;
  orgId: string;
  email: string;
  /** The first password, chosen by the one who creates the account: changed at the first sign-in. */
  temporaryPassword: string;
}

/** How a password reset reaches the account's owner. */
export type PasswordResetStart =
  /** Local: a set-password link (its raw id; only its hash is stored) for the service to mail. */
  | { kind: 'link'; rawLinkId: string; validUntil: string }
  /** Cognito mails its own code or temporary password. */
  | { kind: 'provider' };

export interface AccountDirectory {
  /** The accounts whose own organization is one of `orgIds`. */
  list(orgIds: readonly string[]): Promise<DirectoryAccount[]>;
  get(username: string): Promise<DirectoryAccount | undefined>;
  /** Refused with AccountExistsError when the username is taken. */
  create(account: NewDirectoryAccount, audit: AuditEvent): Promise<void>;
  setDisabled(username: string, disabled: boolean, audit: AuditEvent): Promise<void>;
  startPasswordReset(username: string, audit: AuditEvent, now: Date): Promise<PasswordResetStart>;
  /** The owner's own change: false when `currentPassword` is wrong (nothing changes). */
  changePassword(username: string, currentPassword: string, newPassword: string, audit: AuditEvent): Promise<boolean>;
}
