import type { Mailer, OutgoingMail } from '../../../shared/services/ports';
import { countMetric, METRIC } from './telemetry';

/** A mailer that counts each mail it handed on (the MailsSent metric). */
export function countedMailer(mailer: Mailer): Mailer {
  return {
    send: async (mail: OutgoingMail) => {
      await mailer.send(mail);
      countMetric(METRIC.mailsSent);
    },
  };
}
