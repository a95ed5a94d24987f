import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface RuntimeProcess {
  child: ChildProcess;
  output: () => string;
}

/** Starts `npm start`'s program (infra/local/main.ts) as its own process and waits until it serves. */
export async function startRuntimeProcess(env: Record<string, string>): Promise<RuntimeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The runtime did not start:\n${output}`)), 120_000); // the demo builds a case with its history first
    const check = () => {
      if (output.includes('running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The runtime exited with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output };
}

/** kill -9, and wait until the process is gone. */
export async function killHard(runtime: RuntimeProcess): Promise<void> {
  if (runtime.child.exitCode !== null || runtime.child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    runtime.child.once('exit', () => resolve());
    runtime.child.kill('SIGKILL');
  });
}
