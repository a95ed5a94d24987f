import QRCode from 'qrcode';
import { evaluationSlipsPage, slipUrl } from '../../../shared/ui/pages/evaluation-slips';
import { qrCodeSvg } from '../../../shared/ui/qr-code';

const evaluation = { id: 'e1', orgName: '办公室党支部', year: 2026 } as never;
const codes = [
  { code: 'ABCDEFGH', evaluationId: 'e1', raterKind: 'member' as const, validUntil: '2026-12-20', spent: false },
  { code: 'JKLMNPQR', evaluationId: 'e1', raterKind: 'member' as const, validUntil: '2026-12-20', spent: true },
];

test('each unspent slip carries a server-drawn QR code of the raters’ page with its code, beside the short code', async () => {
  const qr = new Map([[codes[0].code, await qrCodeSvg(slipUrl('https://dj.example.org', codes[0].code), '评议二维码')]]);
  const html = evaluationSlipsPage(evaluation, codes, 'https://dj.example.org', qr).value;
  expect(html.match(/<svg role="img" aria-label="评议二维码" class="qr"/g)).toHaveLength(1);
  expect(html).toContain('ABCD-EFGH');
  expect(html).not.toContain('JKLM-NPQR');
  expect(html).not.toContain('<script');
  // The picture is the code of that address (as qrcode draws it), not of another.
  const expected = await QRCode.toString('https://dj.example.org/rate/ABCDEFGH', { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  expect(html).toContain(expected.match(/ d="[^"]+"/g)!.at(-1)!);
});
