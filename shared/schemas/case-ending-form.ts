import { z } from 'zod';
import { CASE_ENDING_KINDS } from '../domain/development/case-ending';
import { choice, requiredText } from './form-fields';

/** Branch staff end a development case (终止发展): the kind, the circumstances, and the confirmation step's answer. */
export const caseEndingFields = z.object({
  kind: choice('终止原因', CASE_ENDING_KINDS),
  reason: requiredText('具体情况', 1000),
});

export const endCaseForm = caseEndingFields.extend({
  confirmed: z.literal('yes', { error: '终止后不能恢复，请在确认页面核对后点击“确认终止”。' }),
});
