import type { CasesView } from '../../../shared/services/development-views/cases';
import { developmentCasesPage } from '../../../shared/ui/pages/development-cases';

const view: CasesView = {
  org: { id: 'b1', name: '办公室党支部' }, orgChoices: [{ id: 'b1', name: '办公室党支部' }], cases: [], firstPage: true, pageSize: 50, orgNames: { b1: '办公室党支部' },
  applicants: [{ id: 'p-1', label: '王明芳（办公室党支部，入党申请人）' }],
  ruleSetVersions: [{ version: '2014', builtIn: true }, { version: '2026-local', builtIn: false }],
};
const staff = { displayName: '李书记', role: 'branch-staff', csrfToken: 't' };

test('适用规则版本 is chosen among the stored versions, the built-in one preselected, not typed in', () => {
  const page = developmentCasesPage(view, staff, { values: {}, errors: {} }).value;
  expect(page).not.toMatch(/<input[^>]*name="ruleSetVersion"/);
  expect(page).toMatch(/<select id="[^"]*" name="ruleSetVersion"[^>]*>/);
  expect(page).toMatch(/<option value="2014" selected>2014（/);
  expect(page).toContain('<option value="2026-local">2026-local</option>');
});

test('a choice sent back with an error stays chosen', () => {
  const page = developmentCasesPage(view, staff, { values: { ruleSetVersion: '2026-local' }, errors: { applicationDate: '请填写日期' } }).value;
  expect(page).toContain('<option value="2026-local" selected>');
  expect(page).not.toContain('<option value="2014" selected>');
});
