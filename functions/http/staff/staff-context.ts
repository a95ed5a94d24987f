import type { AccountDirectory, PasswordRecovery } from '../../../shared/services/accounts';
import type { Authenticator } from '../../../shared/services/auth';
import type { ServiceDeps } from '../../../shared/services/deps';
import { InputInvalidError } from '../../../shared/errors';
import type { Clock } from '../../../shared/services/ports';
import type { LayoutStaff } from '../../../shared/ui/layout';
import { AuthRequiredError } from '../../../shared/errors';
import type { SiteRequest } from '../edge/types';
import type { Session } from '../../../shared/services/auth';

/** What the staff site needs: the services' deps, an authenticator, and the clock sessions expire by. */
export type StaffSiteDeps = ServiceDeps & {
  authenticator: Authenticator;
  /** Defaults to `clock`; the local runtime may pass the real clock so jumping virtual time keeps you signed in. */
  sessionClock?: Clock;
  /** The account port; defaults to the local accounts table (the AWS handler passes the Cognito user pool's). */
  accounts?: AccountDirectory;
  /** 忘记密码 by a mailed code (Cognito on AWS); absent locally, where a reset is a set-password link. */
  passwordRecovery?: PasswordRecovery;
};

/** The request's session (the session middleware has refused requests without one). */
export function sessionOf(request: SiteRequest): Session {
  const session = request.site.session;
  if (!session) throw new AuthRequiredError();
  return session;
}

export function staffLayout(session: Session): LayoutStaff {
  return { displayName: session.actor.displayName, role: session.actor.role, csrfToken: session.csrfToken, ...(session.mustChangePassword ? { mustChangePassword: true } : {}) };
}

/** The submitted form without the CSRF field, for services and for showing the input again. */
export function formFields(request: SiteRequest): Record<string, string> {
  const { _csrf: _token, ...fields } = request.site.form;
  return fields;
}

/**
 * Runs a form submission; on invalid input an HTML client gets `render(fieldErrors, message)` (the form
 * again, input kept, 422), a JSON client the error itself.
 */
export async function handleForm<T>(request: SiteRequest, submit: () => Promise<T>, render: (error: InputInvalidError) => Promise<T>): Promise<T> {
  try {
    return await submit();
  } catch (error) {
    if (!(error instanceof InputInvalidError) || request.site.json) throw error;
    return render(error);
  }
}
