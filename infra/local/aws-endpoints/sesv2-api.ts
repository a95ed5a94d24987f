import { randomUUID } from 'node:crypto';
import type { Mailer, OutgoingMail } from '../../../shared/services/ports';
import { AwsServiceError } from './aws-error';

/**
 * SES v2 SendEmail (REST JSON: `POST /v2/email/outbound-emails`) into the runtime's mailer (the outbox of `npm start`,
 * the SMTP queue of a pilot). What `functions/adapters/ses-mailer.ts` sends is served: Simple content (subject, text,
 * optional HTML) to ToAddresses. Anything else is refused with BadRequestException rather than half delivered.
 */

const MAX_RECIPIENTS = 50;

export async function sendEmail(mailer: Mailer, body: Record<string, unknown>): Promise<{ MessageId: string }> {
  await mailer.send(outgoingMail(body));
  return { MessageId: randomUUID() };
}

function outgoingMail(body: Record<string, unknown>): OutgoingMail {
  if (!text(body.FromEmailAddress)) throw badRequest('FromEmailAddress is required');
  const destination = record(body.Destination);
  if (destination.CcAddresses || destination.BccAddresses) throw badRequest('CcAddresses and BccAddresses are not served by the local endpoint');
  const to = destination.ToAddresses;
  if (!Array.isArray(to) || to.length === 0 || !to.every((address) => text(address))) throw badRequest('Destination.ToAddresses must list at least one address');
  if (to.length > MAX_RECIPIENTS) throw new AwsServiceError('MessageRejected', `At most ${MAX_RECIPIENTS} recipients`);
  const content = record(body.Content);
  if (content.Raw || content.Template) throw badRequest('Only Simple content is served by the local endpoint');
  const simple = record(content.Simple);
  const subject = record(simple.Subject).Data;
  const mailBody = record(simple.Body);
  const plain = record(mailBody.Text).Data;
  const html = record(mailBody.Html).Data;
  if (!text(subject)) throw badRequest('Content.Simple.Subject.Data is required');
  if (!text(plain) && !text(html)) throw badRequest('Content.Simple.Body needs Text or Html');
  return { to: to as string[], subject: subject as string, text: text(plain) ? (plain as string) : '', ...(text(html) ? { html: html as string } : {}) };
}

function text(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function badRequest(message: string): AwsServiceError {
  return new AwsServiceError('BadRequestException', message);
}
