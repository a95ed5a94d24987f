import { DEFAULT_RULE_SET, defineRuleSet } from '../../../shared/domain/development/rule-set';
import { parseRuleSetForm, ruleSetFormValues } from '../../../shared/schemas/rule-set-form';
import { InputInvalidError } from '../../../shared/errors';
import { joinPeopleRows, stepField } from '../../../shared/ui/development/step-fields';
import { stepHref } from '../../../shared/ui/development/paths';

describe('rule-set form', () => {
  test('the defaults round-trip: form values of the 2014 rules parse back to the same rule set', () => {
    const parsed = parseRuleSetForm({ ...ruleSetFormValues(), ruleSetVersion: 'copy-1' });
    expect(defineRuleSet(parsed)).toEqual({ ...DEFAULT_RULE_SET, ruleSetVersion: 'copy-1' });
  });

  test('an unchecked notice node is off; a number that is not an integer, a bad version and an unknown option are refused per field', () => {
    const values = { ...ruleSetFormValues(), ruleSetVersion: 'v2', 'noticeNodes.activist': '' };
    expect(parseRuleSetForm(values).noticeNodes?.activist).toBe(false);
    try {
      parseRuleSetForm({ ...values, ruleSetVersion: '新 版', probationMonths: '1.5', 'notice.unit': 'weeks', sponsorCount: '' });
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(InputInvalidError);
      expect((error as InputInvalidError).fieldErrors).toEqual({
        ruleSetVersion: expect.stringContaining('请填写版本号'),
        probationMonths: '预备期（月）应为 0 至 1000 的整数。',
        'notice.unit': '请选择公示期计算方式。',
        sponsorCount: '入党介绍人人数应为 0 至 1000 的整数。',
      });
    }
  });
});

describe('step form fields', () => {
  test('people rows are joined into the list the schema takes; empty rows are dropped', () => {
    const fields = [{ name: 'sponsorIds', label: '入党介绍人', type: 'people' as const, required: true }];
    expect(joinPeopleRows({ 'sponsorIds.0': 'p-1', 'sponsorIds.1': ' p-2 ', other: 'x' }, fields)).toEqual({ sponsorIds: 'p-1,p-2', other: 'x' });
    expect(joinPeopleRows({ 'sponsorIds.0': 'p-1', 'sponsorIds.1': '' }, fields)).toEqual({ sponsorIds: 'p-1' });
  });

  test('each field type renders its control, with the value kept and text escaped', () => {
    const state = { values: { a: '<b>', d: '2026-09-23', c: 'on', s: 'x' }, errors: { a: '请填写。' } };
    expect(stepField({ name: 'a', label: '说明', type: 'textarea', required: true }, state).value).toContain('&lt;b&gt;</textarea>');
    expect(stepField({ name: 'a', label: '说明', type: 'textarea', required: true }, state).value).toContain('请填写。');
    expect(stepField({ name: 'd', label: '日期', type: 'date', required: true }, state).value).toContain('type="date"');
    expect(stepField({ name: 'c', label: '确认', type: 'checkbox', required: true }, state).value).toContain('checked');
    expect(stepField({ name: 's', label: '结果', type: 'select', required: true, options: [{ value: 'x', label: '合格' }] }, state).value).toContain('<option value="x" selected>合格</option>');
    expect(stepField({ name: 'p', label: '申请人', type: 'person', required: true }, state, [{ id: 'p-1', label: '张三' }]).value).toContain('<option value="p-1">张三</option>');
  });

  test('a warning links to the step form when staff fill one in, otherwise to the case file', () => {
    expect(stepHref('c1', 2)).toBe('/staff/cases/c1/steps/talk');
    expect(stepHref('c1', 6)).toBe('/staff/cases/c1/steps/evaluation');
    expect(stepHref('c1', 17)).toBe('/staff/cases/c1');
  });
});
