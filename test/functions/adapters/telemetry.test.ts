import fc from 'fast-check';
import { auditActionsOf, metricOfAuditAction } from '../../../functions/adapters/telemetry/audit-metrics';
import { loggableError, redactPersonalData } from '../../../functions/adapters/telemetry/redact';

describe('personal data taken out of what is logged', () => {
  test.each([
    ['an e-mail address', 'no account for li@example.org here', 'no account for [email] here'],
    ['an 18-digit ID number', 'id 11010519491231002X refused', 'id [id-number] refused'],
    ['a 15-digit ID number', 'id 110105491231002 refused', 'id [id-number] refused'],
    ['16 digits: not an ID number, kept', 'count 1234567890123456', 'count 1234567890123456'],
    ['a mobile number', 'call 13800000000', 'call [phone]'],
    ['10 digits: kept', 'at 1380000000', 'at 1380000000'],
    ['a link id (43 characters, both cases and digits)', '/approvals/Zx3kPq9RtLm2NvB8wQe5YhUj7KcDf4GsAo1Ii6Pb0Tn', '/approvals/[token]'],
    ['20 such characters: a token', 'k Ab3Cd4Ef5Gh6Ij7Kl8Mn', 'k [token]'],
    ['19 such characters: kept', 'k Ab3Cd4Ef5Gh6Ij7Kl8M', 'k Ab3Cd4Ef5Gh6Ij7Kl8M'],
    ['a hex digest', 'hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'hash [token]'],
    ['a path of the stack: kept', 'at dispatch (file:///var/task/functions/http/edge/router.mjs:12:7)', 'at dispatch (file:///var/task/functions/http/edge/router.mjs:12:7)'],
    ['Chinese text (names, what people typed)', 'duplicate person 王芳 in 办公室党支部', 'duplicate person [text] in [text]'],
  ])('%s', (_case, text, expected) => {
    expect(redactPersonalData(text)).toBe(expected);
  });

  test('whatever an error says, no Chinese character, @ or long digit run is left in its logged form', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string(), (a, b) => {
      const logged = JSON.stringify(loggableError(new TypeError(`${a} 张三 ${b} zhang.san@example.org 110105194912310020`)));
      expect(logged).not.toMatch(/[\u4e00-\u9fff]|[a-z]@example\.org|\d{15}/);
    }));
  });
});

describe('metrics counted from the audit events of a committed transaction', () => {
  test.each([
    ['case.step-recorded', 'StepsRecorded'],
    ['election.step-recorded', 'StepsRecorded'],
    ['evaluation.step-recorded', 'StepsRecorded'],
    ['approval.resolved', 'ApprovalsDecided'],
    ['approval.decided', undefined], // the approver's decision; approval.resolved follows once per approval
    ['case.step-opened', undefined],
  ])('%s → %s', (action, metric) => {
    expect(metricOfAuditAction(action)).toBe(metric);
  });

  test('the audit items of a transaction, as the document client holds them or marshalled', () => {
    expect(auditActionsOf({
      TransactItems: [
        { Put: { Item: { type: 'audit', action: 'case.step-recorded' } } },
        { Put: { Item: { type: { S: 'audit' }, action: { S: 'approval.resolved' } } } },
        { Put: { Item: { type: 'case', action: 'not an audit event' } } },
        {},
      ],
    })).toEqual(['case.step-recorded', 'approval.resolved']);
  });
});
