import { Annotations, ArnFormat, SecretValue, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

/** Sender used when the `mailFrom` context is not given: lets `cdk synth` run offline, useless for a deploy. */
export const PLACEHOLDER_MAIL_FROM = 'noreply@example.org';

export interface MailProps {
  /** The From address of every mail the system sends. */
  mailFrom: string;
  /** A domain to create an SES identity for (DKIM); mailFrom must be in it. Without it, verify mailFrom (or its domain) in SES yourself. */
  mailDomain?: string;
  /** Mail through an SMTP server instead of SES (regions without SES, an agency's own mail server). */
  smtp?: SmtpProps;
}

export interface SmtpProps {
  host: string;
  port: number;
  security: 'starttls' | 'tls' | 'none';
  /**
   * Name of a Secrets Manager secret whose JSON has `username` and `password` for the server's login; absent: the
   * server takes mail without a login. CloudFormation resolves it at deploy time into the functions' (encrypted)
   * environment: it is never in the template or in cdk.out.
   */
  secretName?: string;
}

export class MailConfigurationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MailConfigurationError';
  }
}

const addressPattern = /^[^@\s]+@([a-z0-9-]+(\.[a-z0-9-]+)+)$/i;

/** SES sending (the sender identity, a configuration set, and a grant limited to both), or SMTP when configured. */
export class Mail extends Construct {
  readonly mailFrom: string;
  /** SES only. */
  readonly configurationSet?: ConfigurationSet;
  readonly smtp?: SmtpProps;
  /** The domain identity, when a mailDomain is given. */
  readonly identity?: EmailIdentity;
  /** ARNs of the identities a send from mailFrom may be authorized against. */
  readonly identityArns: string[];

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    const match = addressPattern.exec(props.mailFrom);
    if (!match) throw new MailConfigurationError(`mailFrom "${props.mailFrom}" is not an e-mail address`);
    const addressDomain = match[1].toLowerCase();
    const mailDomain = props.mailDomain?.toLowerCase();
    if (mailDomain && addressDomain !== mailDomain && !addressDomain.endsWith(`.${mailDomain}`)) {
      throw new MailConfigurationError(`mailFrom "${props.mailFrom}" is not in mailDomain "${props.mailDomain}"`);
    }
    this.mailFrom = props.mailFrom;
    if (props.mailFrom === PLACEHOLDER_MAIL_FROM) {
      Annotations.of(this).addWarningV2('dangjian:mail-from-placeholder',
        `mailFrom is the placeholder ${PLACEHOLDER_MAIL_FROM}: deploy with -c mailFrom=<sender address>`);
    }

    if (props.smtp) {
      if (mailDomain) throw new MailConfigurationError('mailDomain creates an SES identity: it does not go with mailTransport smtp');
      this.smtp = props.smtp;
      this.identityArns = [];
      return;
    }

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    if (mailDomain) {
      this.identity = new EmailIdentity(this, 'DomainIdentity', {
        identity: Identity.domain(mailDomain),
        configurationSet: this.configurationSet,
      });
      this.identityArns = [this.identity.emailIdentityArn];
    } else {
      const stack = Stack.of(this);
      this.identityArns = [...new Set([props.mailFrom, addressDomain])].map((name) =>
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name }));
    }
  }

  get configurationSetArn(): string {
    if (!this.configurationSet) throw new MailConfigurationError('no SES configuration set: mail goes through SMTP');
    return Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
  }

  /** Lets a function send mail from mailFrom only, through this configuration set only, and tells it both. */
  grantSend(fn: LambdaFunction): void {
    if (this.smtp) {
      // functions/adapters/mailer-from-env.ts reads these.
      fn.addEnvironment('MAIL_FROM', this.mailFrom);
      fn.addEnvironment('MAIL_TRANSPORT', 'smtp');
      fn.addEnvironment('SMTP_HOST', this.smtp.host);
      fn.addEnvironment('SMTP_PORT', String(this.smtp.port));
      fn.addEnvironment('SMTP_SECURITY', this.smtp.security);
      if (this.smtp.secretName) {
        fn.addEnvironment('SMTP_USER', SecretValue.secretsManager(this.smtp.secretName, { jsonField: 'username' }).unsafeUnwrap());
        fn.addEnvironment('SMTP_PASSWORD', SecretValue.secretsManager(this.smtp.secretName, { jsonField: 'password' }).unsafeUnwrap());
      }
      return;
    }
    fn.addToRolePolicy(new PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [...this.identityArns, this.configurationSetArn],
      conditions: { StringEquals: { 'ses:FromAddress': this.mailFrom } },
    }));
    fn.addEnvironment('MAIL_FROM', this.mailFrom);
    fn.addEnvironment('MAIL_CONFIGURATION_SET', this.configurationSet!.configurationSetName);
  }
}
