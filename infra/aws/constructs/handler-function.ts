import { Duration } from 'aws-cdk-lib';
import { Architecture, CfnFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
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

/** A Lambda handler bundled with the local esbuild (ESM, Node 22, ARM), traced, with its own log group. */
export class HandlerFunction extends NodejsFunction {
  readonly handlerId: string;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id, {
      entry: `${repositoryRoot}${props.entry}`,
      projectRoot: repositoryRoot,
      depsLockFilePath: `${repositoryRoot}package-lock.json`,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(15),
      tracing: Tracing.ACTIVE,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      logGroup: new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.SIX_MONTHS }),
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
