import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** The password from a file (its first line), for scripts. */
export function passwordFromFile(path: string): string {
  return readFileSync(path, 'utf8').split(/\r?\n/)[0];
}

/** Asks for a password on the terminal without echoing it. */
export function promptPassword(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const echo = rl as unknown as { _writeToOutput: (text: string) => void };
    let prompted = false;
    echo._writeToOutput = (text: string) => {
      if (!prompted) {
        process.stdout.write(text);
        prompted = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
