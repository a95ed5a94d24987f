import type { Construct } from 'constructs';
import { PLACEHOLDER_MAIL_FROM } from './constructs/mail';

/** Deploy-time settings, read from CDK context (`-c key=value` or cdk.json / cdk.context.json). */
export interface DeployContext {
  /** `mailFrom`: sender of every mail. Required for a deploy; a placeholder lets synth run offline. */
  mailFrom: string;
  /** `mailDomain`: optional domain to create an SES identity (with DKIM) for; must contain mailFrom. */
  mailDomain?: string;
  /** `publicBaseUrl`: optional https base URL of the site for links in mails; empty: the request's host. */
  publicBaseUrl: string;
}

export class DeployContextInvalidError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DeployContextInvalidError';
  }
}

function text(scope: Construct, key: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new DeployContextInvalidError(`Context ${key} must be a string`);
  return value.trim();
}

function baseUrl(value: string | undefined): string {
  if (!value) return '';
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new DeployContextInvalidError(`Context publicBaseUrl "${value}" is not a URL`, { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DeployContextInvalidError(`Context publicBaseUrl "${value}" must be an http(s) URL`);
  }
  return value.replace(/\/+$/, '');
}

export function readDeployContext(scope: Construct): DeployContext {
  return {
    mailFrom: text(scope, 'mailFrom') ?? PLACEHOLDER_MAIL_FROM,
    mailDomain: text(scope, 'mailDomain'),
    publicBaseUrl: baseUrl(text(scope, 'publicBaseUrl')),
  };
}
