import { startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb-local';

/**
 * Runs a bench against a DynamoDB Local of its own (in memory), stopped however the bench ends: done, failed,
 * interrupted (Ctrl-C or SIGTERM: exit 130) or past `timeoutMs` (exit 1), so no Java process outlives it.
 */
export async function withDynamoDbLocal(
  run: (endpoint: string) => Promise<void>,
  options: { progress: (line: string) => void; timeoutMs?: number },
): Promise<void> {
  // The benches run plain node 20: the AWS SDK's notice about Node 22 is not a figure (read at client creation).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let db: DynamoDbLocal | undefined;
  const stopThenExit = (code: number) => void (db?.stop() ?? Promise.resolve()).finally(() => process.exit(code));
  const watchdog = options.timeoutMs === undefined ? undefined : setTimeout(() => {
    options.progress(`gave up after ${options.timeoutMs! / 1000} s`);
    stopThenExit(1);
  }, options.timeoutMs);
  watchdog?.unref();
  const interrupt = () => stopThenExit(130);
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    options.progress('starting DynamoDB Local (in memory)…');
    db = await startDynamoDbLocal();
    await run(db.endpoint);
  } finally {
    clearTimeout(watchdog);
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    await db?.stop();
  }
}
