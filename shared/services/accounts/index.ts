export { AccountsAlreadySetUpError } from './errors';
export { createFirstAdministrator, createFirstDirectoryAdministrator, type FirstAdministratorInput } from './first-administrator';
export { newAccountItems, newAccountProblems, type NewAccountInput } from './new-account';
export type { AccountDirectory, DirectoryAccount, NewDirectoryAccount, PasswordResetStart } from './account-directory';
export { AccountExistsError, PasswordChangeRequiredError, PasswordLinkInvalidError } from './errors';
export { createLocalAccountDirectory, PASSWORD_LINK_VALID_MS } from './local-account-directory';
export {
  ACCOUNT_FIELD_LABELS, createAccount, listAccounts, passwordLinkUrl, resetAccountPassword, setAccountDisabled, unlockSignIn,
  type AccountDeps, type AccountListEntry, type AccountsView,
} from './manage-accounts';
export { changeOwnPassword, PASSWORD_FIELD_LABELS } from './own-password';
export { setPasswordByLink, viewPasswordLink, type PasswordLinkView } from './password-links';
export {
  RECOVERY_FIELD_LABELS, RecoveryCodeInvalidError, RecoveryThrottledError, requestRecoveryCode, resetPasswordWithCode, type PasswordRecovery,
} from './password-recovery';
