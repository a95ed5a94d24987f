import { App } from 'aws-cdk-lib';
import { DangjianStack } from './dangjian-stack';

/** The CDK app: `npx cdk synth` / `npx cdk deploy`. */
export function buildApp(app = new App()): { app: App; stack: DangjianStack } {
  const stack = new DangjianStack(app, 'DangjianFlow', {
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  return { app, stack };
}
