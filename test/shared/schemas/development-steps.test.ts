import { DEVELOPMENT_STEPS } from '../../../shared/domain/development/steps';
import { InputInvalidError } from '../../../shared/errors';
import { hasForm, stepFormFields, stepFormSchema, STEP_FORM_FIELDS } from '../../../shared/schemas/development-steps';
import { parseForm } from '../../../shared/schemas/parse-form';

test('every form and record step has a field list; approvals and filings have none', () => {
  for (const step of DEVELOPMENT_STEPS) {
    expect([step.key, hasForm(step.key)]).toEqual([step.key, step.kind === 'form' || step.kind === 'record']);
  }
  for (const fields of Object.values(STEP_FORM_FIELDS)) for (const spec of fields) expect(spec.field.label).toMatch(/[\u4e00-\u9fa5]/);
  expect(stepFormFields('talk').map((f) => f.name)).toEqual(['talkDate', 'talker', 'content', 'lateReason', 'notes']);
});

test('a bad form is refused with a Chinese message per field', () => {
  const error = (() => {
    try {
      parseForm(stepFormSchema('generalMeeting'), { meetingDate: '2026-13-01', present: 'x', shouldAttend: '', attachments: '[{"name":""}]' });
    } catch (e) {
      return e as InputInvalidError;
    }
    throw new Error('not refused');
  })();
  expect(error).toBeInstanceOf(InputInvalidError);
  expect(error.fieldErrors.meetingDate).toBe('支部大会日期不是有效的日期。');
  expect(error.fieldErrors.shouldAttend).toBe('请填写应到会有表决权的正式党员人数。');
  expect(error.fieldErrors.present).toBe('实到会有表决权的正式党员人数应为数字。');
  expect(error.fieldErrors.oneAtATime).toBe('请确认：逐个讨论、逐个表决（无记名投票）。');
  expect(Object.keys(error.fieldErrors).some((k) => k.startsWith('attachments'))).toBe(true);
});

test('form values are coerced: numbers, people lists, checkboxes, attachments metadata', () => {
  const sha256 = 'a'.repeat(64);
  expect(parseForm(stepFormSchema('sponsors'), { assignedDate: '2026-03-01', sponsorIds: 'p-1, p-2' })).toMatchObject({ sponsorIds: ['p-1', 'p-2'], attachments: [] });
  expect(
    parseForm(stepFormSchema('generalMeeting'), {
      meetingDate: '2026-03-01', shouldAttend: '16', present: '9', yes: '9', writtenYes: '', exclusions: '无', oneAtATime: 'on', discussion: '一致认为',
      attachments: [{ name: '会议记录.pdf', size: 1024, contentType: 'application/pdf', sha256 }],
    }),
  ).toMatchObject({ shouldAttend: 16, present: 9, yes: 9, writtenYes: undefined, oneAtATime: true, attachments: [{ name: '会议记录.pdf', sha256 }] });
});
