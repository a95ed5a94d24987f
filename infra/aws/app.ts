import { App } from 'aws-cdk-lib';
import { DangjianStack } from './dangjian-stack';
import { readDeployContext } from './deploy-context';

/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy -c mailFrom=… [-c mailDomain=…] [-c publicBaseUrl=…]
 *  [-c mailTransport=smtp -c smtpHost=… [-c smtpPort=…] [-c smtpSecurity=…] [-c smtpSecret=…]] [-c alarmEmail=…] [-c requireMfa=true]`.
 * Context keys are documented in deploy-context.ts.
 */
export function buildApp(app = new App()): { app: App; stack: DangjianStack } {
  const { mailFrom, mailDomain, publicBaseUrl, smtp, alarmEmail, requireMfa } = readDeployContext(app);
  const stack = new DangjianStack(app, 'DangjianFlow', {
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    mailFrom,
    mailDomain,
    publicBaseUrl,
    smtp,
    alarmEmail,
    requireMfa,
  });
  return { app, stack };
}
