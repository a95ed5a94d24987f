import { runCalendarCommand, type CliIo } from './calendar-command';
import { runVoteCheckCommand } from './vote-check-command';
import { runTallyCommand } from './tally-command';
import { runEvaluationTallyCommand } from './evaluation-tally-command';
import { backupCommand } from './backup-commands';
import { runCheckCommand } from './check-command';
import { runServeCommand } from './serve-command';
import { runAdminCommand } from './admin-command';

/** The `dangjian` command line: the first word picks the command, the rest goes to it. */
const commands: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  calendar: runCalendarCommand,
  'vote-check': runVoteCheckCommand,
  tally: runTallyCommand,
  'evaluation-tally': runEvaluationTallyCommand,
  backup: backupCommand('backup'),
  restore: backupCommand('restore'),
  export: backupCommand('export'),
  import: backupCommand('import'),
  check: runCheckCommand,
  serve: runServeCommand,
  admin: runAdminCommand,
};

const io: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const [name, ...rest] = process.argv.slice(2);
const command = name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;
if (command) {
  process.exitCode = await command(rest, io);
} else {
  if (name !== undefined) io.err(`未知的命令“${name}”`);
  io.err(['用法：dangjian <命令> [参数]', '命令：', ...Object.keys(commands).map((key) => `  ${key}`)].join('\n'));
  process.exitCode = 2;
}
