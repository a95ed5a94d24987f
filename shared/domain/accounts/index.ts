export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem, type PasswordContext } from './password-policy';
export { USERNAME_PATTERN, usernameProblem } from './username-rule';
export { ACCOUNT_ROLES, isEmailAddress, manageableRoles, ROLE_LABELS, type AccountRole } from './account-rules';
