import { parseArgs } from 'node:util';
import { javaAvailable, JAVA_MISSING_MESSAGE } from '../java-check';
import type { CliIo } from './calendar-command';
import { readServeConfig, type Env } from './serve-config';

export const SERVE_USAGE = [
  '用法：dangjian serve [--data 数据目录] [--port 端口]',
  '在本机运行试点（真实工作人员、真实时间、通过 SMTP 发送邮件，无演示数据）。设置见 README“Pilot on one machine”。',
  'Usage: dangjian serve [--data DIR] [--port N]   (settings: README, "Pilot on one machine")',
];

/** `dangjian serve`: checks the settings, then runs the pilot until SIGINT / SIGTERM; 2 for bad settings, 1 when it cannot start. */
export async function runServeCommand(argv: string[], io: CliIo, env: Env = process.env): Promise<number> {
  let values: { data?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { data: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    io.err(`参数错误 / bad arguments: ${(error as Error).message}`);
    io.err(SERVE_USAGE.join('\n'));
    return 2;
  }
  if (values.help) {
    io.out(SERVE_USAGE.join('\n'));
    return 0;
  }
  const read = readServeConfig(env, values);
  if ('problems' in read) {
    io.err('无法启动：以下设置缺失或有误 / Cannot start: these settings are missing or wrong');
    for (const problem of read.problems) io.err(`  - ${problem.zh}\n    ${problem.en}`);
    return 2;
  }
  const { config } = read;
  if (!config.dynamoDbEndpoint && !javaAvailable()) {
    io.err(JAVA_MISSING_MESSAGE.join('\n'));
    return 2;
  }
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const log = (msg: string) => io.out(JSON.stringify({ level: 'info', at: new Date().toISOString(), msg }));
  const { startPilot } = await import('../pilot');
  let pilot;
  try {
    pilot = await startPilot(config, log);
  } catch (error) {
    io.err(`启动失败 / failed to start: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  io.out(`党建流程 dangjian-flow 试点已启动 / pilot running at ${pilot.url} (public address ${config.publicUrl}, data ${config.dataDir})`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log('stopping…');
  await pilot.stop();
  return 0;
}
