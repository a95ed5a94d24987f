import { CONTENT_SECURITY_POLICY } from '../../../functions/http/edge/security-headers';
import { layout } from '../../../shared/ui/layout';

test('every page is titled with the whole system, not only the public notice', () => {
  const page = layout({ title: '换届选举', body: '' }).value;
  expect(page).toContain('<title>换届选举 - 党建工作流程系统</title>');
  expect(page).toContain('<a class="brand" href="/">党建工作流程系统</a>');
});

test('the site icon is inline (no request, no 404) and allowed by the CSP', () => {
  const page = layout({ title: '公示栏', body: '', bare: true }).value;
  const href = /<link rel="icon" type="image\/svg\+xml" href="(data:image\/svg\+xml,[^"]+)">/.exec(page)?.[1];
  expect(href).toBeDefined();
  expect(decodeURIComponent(href!.replace(/&#39;/g, "'").slice('data:image/svg+xml,'.length))).toMatch(/^<svg xmlns='http:\/\/www.w3.org\/2000\/svg'[\s\S]*<\/svg>$/);
  expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' data:");
});
