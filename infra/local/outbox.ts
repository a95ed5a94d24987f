import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock, Mailer, OutgoingMail } from '../../shared/services/ports';
import type { Store } from '../../shared/store/store';

/**
 * The local runtime's mail: instead of SES, each mail is kept in the table, so it survives a restart
 * and the /dev/outbox page can show it:  pk OUTBOX, sk <iso time>#<id>.
 */

export interface OutboxMail extends OutgoingMail {
  id: string;
  sentAt: string;
}

const PK = 'OUTBOX';

export class Outbox implements Mailer {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly newId: () => string = randomUUID,
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    const id = this.newId();
    const sentAt = this.clock.now().toISOString();
    const item: OutboxMail = { id, sentAt, to: [...mail.to], subject: mail.subject, text: mail.text, html: mail.html };
    await this.store.doc.send(
      new PutCommand({
        TableName: this.store.tableName,
        Item: { pk: PK, sk: `${sentAt}#${id}`, type: 'outbox-mail', ...item },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** The newest mails first, at most `limit`. */
  async list(limit = 50): Promise<OutboxMail[]> {
    const result = await this.store.doc.send(
      new QueryCommand({
        TableName: this.store.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': PK },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map(({ id, sentAt, to, subject, text, html }) => ({ id, sentAt, to, subject, text, html }) as OutboxMail);
  }
}
