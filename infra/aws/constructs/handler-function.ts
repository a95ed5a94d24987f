import { Annotations, Duration, Stack } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, CfnFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Metadata key naming the handler of a Lambda; the ASL resolver maps function ARNs to it. */
export const HANDLER_METADATA = 'dangjian:handler';

export interface HandlerFunctionProps {
  /** Stable id of the handler, e.g. 'notice-publish'; the local runtime registers the same id. */
  handlerId: string;
  /** Path of the handler module, relative to the repository root. */
  entry: string;
  environment?: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
}

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The module to hand to NodejsFunction. When bundling is skipped (tests, ASL extraction for the
 * local runtime) a handler module that is not written yet must not stop the synthesis, so this
 * file stands in for it, with a warning; a real synth or deploy still fails on a missing entry.
 */
function entryPath(scope: Construct, id: string, entry: string): string {
  const path = `${repositoryRoot}${entry}`;
  if (existsSync(path) || Stack.of(scope).bundlingRequired) return path;
  Annotations.of(scope).addWarningV2('dangjian:handler-entry-missing', `${id}: ${entry} does not exist yet (bundling is skipped)`);
  return fileURLToPath(import.meta.url);
}

/**
 * A Lambda handler bundled with the local esbuild (ESM, Node 22, ARM), traced, with its own log
 * group and its own role, which may only write to that log group (no managed policy).
 */
export class HandlerFunction extends NodejsFunction {
  readonly handlerId: string;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.SIX_MONTHS });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.handlerId} handler`,
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      entry: entryPath(scope, id, props.entry),
      projectRoot: repositoryRoot,
      depsLockFilePath: `${repositoryRoot}package-lock.json`,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(15),
      tracing: Tracing.ACTIVE,
      role,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      logGroup,
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        sourceMap: true,
        mainFields: ['module', 'main'],
        banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
        forceDockerBundling: false,
      },
    });
    this.handlerId = props.handlerId;
    (this.node.defaultChild as CfnFunction).addMetadata(HANDLER_METADATA, props.handlerId);
  }
}
