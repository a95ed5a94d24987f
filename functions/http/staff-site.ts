import { awsServiceDeps } from '../adapters/aws-deps';
import { cognitoAccountDirectoryFromEnv } from '../adapters/cognito-account-directory';
import { cognitoAuthenticatorFromEnv } from '../adapters/cognito-authenticator';
import { cognitoPasswordRecoveryFromEnv } from '../adapters/cognito-password-recovery';
import { lazyHandler } from '../adapters/lazy-handler';
import { lambdaFaultLogger } from '../adapters/telemetry/telemetry';
import { withRequestBaseUrl } from './edge/base-url';
import type { ErrorLogger } from './edge/error-mapper';
import { createSiteApp } from './edge/site-app';
import type { HttpHandlerFn } from './edge/types';
import { accountRoutes, OPEN_ACCOUNT_ROUTES, PASSWORD_CHANGE_ROUTES } from './staff/account-routes';
import { calendarRoutes } from './staff/calendar-routes';
import { electionRoutes } from './staff/election-routes';
import { evaluationRoutes } from './staff/evaluation-routes';
import { electionRoundRoutes } from './staff/election-round-routes';
import { electionStepRoutes } from './staff/election-step-routes';
import { caseRoutes } from './staff/case-routes';
import { developmentRoutes } from './staff/development-routes';
import { noticeRoutes } from './staff/notice-routes';
import { ROSTER_BODY_ROUTES, rosterRoutes } from './staff/roster-routes';
import { orgRoutes } from './staff/org-routes';
import { peopleRoutes } from './staff/people-routes';
import { ruleSetRoutes } from './staff/rule-set-routes';
import { OPEN_RECOVERY_ROUTES, passwordRecoveryRoutes } from './staff/password-recovery-routes';
import { signInRoutes } from './staff/sign-in-routes';
import type { StaffSiteDeps } from './staff/staff-context';
import { taskRoutes } from './staff/task-routes';
import { termReminderSettingsRoutes } from './staff/term-reminder-settings-routes';
import { transferRoutes } from './staff/transfer-routes';
import { ASSESSMENT_BODY_ROUTES, assessmentRoutes } from './staff/assessment-routes';

export type { StaffSiteDeps } from './staff/staff-context';

/** Routes that need no session: signing in, signing out (which checks the token itself when signed in), the set-password link, 忘记密码. */
export const OPEN_STAFF_ROUTES: ReadonlySet<string> = new Set(['GET /staff/sign-in', 'POST /staff/sign-in', 'POST /staff/sign-in/challenge', 'POST /staff/sign-out', ...OPEN_ACCOUNT_ROUTES, ...OPEN_RECOVERY_ROUTES]);

/** The staff site (工作人员): sign-in, 待办, notices, the calendar, organizations and people. Every page needs a session; every POST its CSRF token. */
export function createStaffSite(deps: StaffSiteDeps, options: { log?: ErrorLogger } = {}): HttpHandlerFn {
  return createSiteApp({
    routes: (event) => {
      const d = withRequestBaseUrl(deps, event);
      return { ...signInRoutes(d), ...taskRoutes(d), ...noticeRoutes(d), ...calendarRoutes(d), ...orgRoutes(d), ...peopleRoutes(d), ...rosterRoutes(d), ...electionRoutes(d), ...electionStepRoutes(d), ...electionRoundRoutes(d), ...evaluationRoutes(d), ...developmentRoutes(d), ...caseRoutes(d), ...ruleSetRoutes(d), ...termReminderSettingsRoutes(d), ...transferRoutes(d), ...assessmentRoutes(d), ...accountRoutes(d), ...(d.passwordRecovery ? passwordRecoveryRoutes(d, d.passwordRecovery) : {}) };
    },
    session: { store: deps.store, clock: deps.sessionClock ?? deps.clock, openRouteKeys: OPEN_STAFF_ROUTES, passwordChangeRouteKeys: PASSWORD_CHANGE_ROUTES },
    bodyRoutes: { ...ROSTER_BODY_ROUTES, ...ASSESSMENT_BODY_ROUTES },
    cacheControl: 'no-store',
    log: options.log,
  });
}

/** The Lambda handler: built on first use from the AWS environment, signing in through Cognito, accounts in its user pool, 忘记密码 by Cognito's mailed code. */
export const handler = lazyHandler(() => {
  const deps = awsServiceDeps();
  return createStaffSite({ ...deps, authenticator: cognitoAuthenticatorFromEnv(), accounts: cognitoAccountDirectoryFromEnv(deps.store), passwordRecovery: cognitoPasswordRecoveryFromEnv() }, { log: lambdaFaultLogger });
});
