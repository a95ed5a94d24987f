import type { Finding } from '../../../shared/domain/development/check-result';
import { DevelopmentCaseExistsError, DevelopmentCaseStateError, DevelopmentRuleViolationError, DevelopmentStageTooEarlyError } from '../../../shared/services/development/errors';
import { InputInvalidError, TaskAlreadyHandledError, type ServiceError } from '../../../shared/errors';
import type { SiteRequest } from '../edge/types';

/** What a development form shows after a refused submission: per-field messages, the rules broken, or why not now. */
export interface DevelopmentFormFailure {
  status: number;
  fieldErrors: Record<string, string>;
  message?: string;
  problems?: string[];
}

const SHOWN_ON_FORM = [InputInvalidError, DevelopmentRuleViolationError, DevelopmentCaseStateError, DevelopmentStageTooEarlyError, DevelopmentCaseExistsError, TaskAlreadyHandledError];

/** A broken rule about a field goes under that field (several joined); the others stay in the list above the form. */
function placeProblems(problems: readonly Finding[]): { fieldErrors: Record<string, string>; problems: string[] } {
  const fieldErrors: Record<string, string> = {};
  for (const p of problems.filter((p) => p.field)) fieldErrors[p.field!] = fieldErrors[p.field!] ? `${fieldErrors[p.field!]}；${p.message}` : p.message;
  return { fieldErrors, problems: problems.filter((p) => !p.field).map((p) => p.message) };
}

export function formFailure(error: ServiceError): DevelopmentFormFailure {
  if (error instanceof InputInvalidError) return { status: 422, fieldErrors: error.fieldErrors, message: error.userMessage };
  if (error instanceof DevelopmentRuleViolationError) return { status: 422, ...placeProblems(error.problems) };
  return { status: error.httpStatus, fieldErrors: {}, message: error.userMessage };
}

/**
 * Runs a development form: a refusal an HTML client can act on (bad input 422, a broken rule 422, not now 409, already
 * done 409) comes back as the form with the reason; a JSON client, or any other error, gets the error itself.
 */
export async function handleDevelopmentForm<T>(request: SiteRequest, submit: () => Promise<T>, render: (failure: DevelopmentFormFailure) => Promise<T>): Promise<T> {
  try {
    return await submit();
  } catch (error) {
    if (request.site.json || !SHOWN_ON_FORM.some((type) => error instanceof type)) throw error;
    return render(formFailure(error as ServiceError));
  }
}
