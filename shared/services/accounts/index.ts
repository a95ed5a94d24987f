export { AccountsAlreadySetUpError, AccountUsernameTakenError } from './errors';
export { createFirstAdministrator, type FirstAdministratorInput } from './first-administrator';
export { newAccountItems, newAccountProblems, type NewAccountInput } from './new-account';
