import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readServeConfig } from '../../../../infra/local/cli/serve-config';
import { isCrossOriginWrite } from '../../../../infra/local/same-origin';

const dataDir = mkdtempSync(join(tmpdir(), 'dangjian-config-'));
// A folder that cannot be made: its parent is a file (never /proc: Node's recursive mkdir loops there).
const notWritable = join(dataDir, 'a-file', 'data');
writeFileSync(join(dataDir, 'a-file'), '');
const complete = { DANGJIAN_PUBLIC_URL: 'https://dangjian.example.gov.cn/', DANGJIAN_SMTP_HOST: 'smtp.example.gov.cn', DANGJIAN_MAIL_FROM: 'dangjian@example.gov.cn' };

describe('readServeConfig', () => {
  test('the defaults: port 3000 on 127.0.0.1, STARTTLS on 587, table dangjian; the public URL as an origin', () => {
    const read = readServeConfig(complete, { data: dataDir });
    expect(read).toEqual({ config: { dataDir, port: 3000, host: '127.0.0.1', publicUrl: 'https://dangjian.example.gov.cn', tableName: 'dangjian', dynamoDbEndpoint: undefined, smtp: { host: 'smtp.example.gov.cn', port: 587, security: 'starttls', user: undefined, password: undefined, from: 'dangjian@example.gov.cn' }, backups: { dir: join(dataDir, 'backups'), keep: 14 } } });
  });

  test('TLS defaults to port 465; --port beats PORT', () => {
    const read = readServeConfig({ ...complete, DANGJIAN_SMTP_SECURITY: 'tls', PORT: '8080' }, { data: dataDir, port: '8081' });
    expect('config' in read && [read.config.smtp.port, read.config.port]).toEqual([465, 8081]);
  });

  test('every missing or wrong setting is named, none skipped', () => {
    const read = readServeConfig({ DANGJIAN_SMTP_USER: 'u', DANGJIAN_SMTP_SECURITY: 'ssl', DANGJIAN_SMTP_PORT: '70000' }, { data: notWritable, port: '0' });
    expect('problems' in read && read.problems.map((p) => p.setting)).toEqual([
      'DANGJIAN_PUBLIC_URL', 'PORT', 'DANGJIAN_SMTP_HOST', 'DANGJIAN_MAIL_FROM', 'DANGJIAN_SMTP_SECURITY', 'DANGJIAN_SMTP_PORT', 'DANGJIAN_SMTP_PASSWORD', 'DANGJIAN_DATA_DIR',
    ]);
  });

  test.each([['ftp://x.example'], ['https://x.example/dangjian'], ['not a url']])('a public URL %s is refused', (url) => {
    const read = readServeConfig({ ...complete, DANGJIAN_PUBLIC_URL: url }, { data: dataDir });
    expect('problems' in read && read.problems[0].setting).toBe('DANGJIAN_PUBLIC_URL');
  });
});

test('backups: DANGJIAN_BACKUP_DIR and DANGJIAN_BACKUP_KEEP; a keep that is not a positive whole number is refused', () => {
  const read = readServeConfig({ ...complete, DANGJIAN_BACKUP_DIR: join(dataDir, 'elsewhere'), DANGJIAN_BACKUP_KEEP: '30' }, { data: dataDir });
  expect('config' in read && read.config.backups).toEqual({ dir: join(dataDir, 'elsewhere'), keep: 30 });
  for (const keep of ['0', '2.5', 'many']) {
    const refused = readServeConfig({ ...complete, DANGJIAN_BACKUP_KEEP: keep }, { data: dataDir });
    expect('problems' in refused && refused.problems.map((p) => p.setting)).toEqual(['DANGJIAN_BACKUP_KEEP']);
  }
});

describe('isCrossOriginWrite', () => {
  const origin = 'https://dangjian.example.gov.cn';
  test.each([
    ['POST', { origin }, false],
    ['POST', { origin: 'https://evil.example' }, true],
    ['POST', { origin: 'http://dangjian.example.gov.cn' }, true], // the scheme is part of the origin
    ['POST', { origin: 'null' }, true],
    ['POST', { referer: `${origin}/staff` }, false],
    ['POST', { referer: 'https://evil.example/x' }, true],
    ['POST', {}, false], // not from a browser page: the CSRF token still applies
    ['GET', { origin: 'https://evil.example' }, false],
    ['HEAD', { origin: 'https://evil.example' }, false],
  ])('%s with %j → %s', (method, headers, refused) => {
    expect(isCrossOriginWrite(method, headers, origin)).toBe(refused);
  });
});
