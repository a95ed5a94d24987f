import { withRequestBaseUrl } from '../../../../functions/http/edge/base-url';
import type { ServiceDeps } from '../../../../shared/services/deps';
import { edgeEvent } from './support/event';

// Links in e-mails use the configured public URL; without one, the address API Gateway says the request came to
// (its domain name, never the Host header a client chooses), https only when the request came over https.

const deps = (publicBaseUrl?: string) => ({ publicBaseUrl }) as ServiceDeps;

test.each([
  ['the configured URL wins over the request', 'https://dangjian.example.gov.cn', 'api.example.com', 'http', 'https://dangjian.example.gov.cn'],
  ['the configured URL even on an http request', 'https://dangjian.example.gov.cn', 'api.example.com', undefined, 'https://dangjian.example.gov.cn'],
  ['else the request domain over https', undefined, 'api.example.com', 'https', 'https://api.example.com'],
  ['else the request domain over http', undefined, 'localhost:3000', 'http', 'http://localhost:3000'],
  ['http when the scheme is not given', undefined, 'localhost:3000', undefined, 'http://localhost:3000'],
  ['the first scheme of a forwarded chain', undefined, 'api.example.com', 'https, http', 'https://api.example.com'],
  ['an empty configured URL counts as none', '', 'api.example.com', 'https', 'https://api.example.com'],
])('%s', (_name, configured, domainName, proto, expected) => {
  const event = edgeEvent({ domainName, headers: { host: 'evil.example', ...(proto ? { 'x-forwarded-proto': proto } : {}) } });
  expect(withRequestBaseUrl(deps(configured), event).publicBaseUrl).toBe(expected);
});

test('the Host header is never used, even without a domain name: the deps stay as they are', () => {
  const event = edgeEvent({ headers: { host: 'evil.example', 'x-forwarded-proto': 'https' } });
  delete (event.requestContext as { domainName?: string }).domainName;
  const original = deps(undefined);
  expect(withRequestBaseUrl(original, event)).toBe(original);
});

test('the deps given are not changed', () => {
  const original = deps(undefined);
  withRequestBaseUrl(original, edgeEvent({ domainName: 'api.example.com' }));
  expect(original.publicBaseUrl).toBeUndefined();
});
