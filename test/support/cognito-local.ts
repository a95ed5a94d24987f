import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  CognitoIdentityProviderClient, CreateGroupCommand, CreateUserPoolClientCommand, CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { freePort } from '../../infra/local/dynamodb-local';

/** cognito-local (npm), a local twin of the Cognito user pool API, as a child process with its own data folder. */
export interface CognitoLocal {
  client: CognitoIdentityProviderClient;
  /** A pool shaped like the deployed one's groups and custom:orgId (names users by username, not e-mail). */
  userPoolId: string;
  clientId: string;
  /** Where it listens (http://127.0.0.1:<port>), for a child process or a command given COGNITO_ENDPOINT. */
  endpoint: string;
  /** The last code cognito-local "mailed" (it prints its messages) to `username`. */
  lastCode(username: string): string | undefined;
  stop(): Promise<void>;
}

export async function startCognitoLocal(): Promise<CognitoLocal> {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-local-'));
  const port = await freePort();
  // Pools name users by username unless told otherwise (cognito-local's default is e-mail).
  mkdirSync(join(dir, '.cognito'));
  writeFileSync(join(dir, '.cognito', 'config.json'), JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }));
  const entry = join(dirname(createRequire(import.meta.url).resolve('cognito-local/package.json')), 'lib/bin/start.js');
  const child: ChildProcess = spawn(process.execPath, [entry], { cwd: dir, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const client = new CognitoIdentityProviderClient({ endpoint: `http://127.0.0.1:${port}`, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const stop = async () => {
    client.destroy();
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cognito-local did not start in 60 s:\n${output}`)), 60_000);
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Cognito Local running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', watch);
    child.stderr!.on('data', watch);
    child.once('exit', (code) => reject(new Error(`cognito-local exited (${code}):\n${output}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  const pool = await client.send(new CreateUserPoolCommand({
    PoolName: 'staff',
    UsernameAttributes: [],
    Schema: [{ Name: 'orgId', AttributeDataType: 'String', Mutable: true }, { Name: 'name', AttributeDataType: 'String', Mutable: true }],
  }));
  const userPoolId = pool.UserPool!.Id!;
  for (const group of ['admin', 'committee-staff', 'branch-staff']) await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group }));
  const app = await client.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'staff-site', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }));
  const lastCode = (username: string) => [...output.matchAll(/Username:\s+(\S+)[\s\S]*?Code:\s+(\d+)/g)].filter((m) => m[1] === username).at(-1)?.[2];
  return { client, userPoolId, clientId: app.UserPoolClient!.ClientId!, endpoint: `http://127.0.0.1:${port}`, lastCode, stop };
}
