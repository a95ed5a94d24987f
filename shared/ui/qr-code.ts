import QRCode from 'qrcode';
import { raw, type SafeHtml } from './html';

/**
 * A QR code drawn on the server as inline SVG (no script, no CDN): what a phone's camera opens. `label` is read out
 * by screen readers in place of the picture.
 */
export async function qrCodeSvg(text: string, label: string): Promise<SafeHtml> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return raw(svg.replace('<svg ', `<svg role="img" aria-label="${label.replace(/[<>&"]/g, '')}" class="qr" `));
}
