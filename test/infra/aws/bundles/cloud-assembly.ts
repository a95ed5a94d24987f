import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * The cloud assembly `npx cdk synth` writes, Lambda bundles included, synthesized once per change of the sources.
 * It lives under node_modules/.cache (ignored) so that a bundle's `@aws-sdk/*` imports, which esbuild leaves out as
 * the Lambda runtime provides them, resolve to the repository's SDK as they resolve to the runtime's in AWS.
 */

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CACHE_ROOT = join(REPOSITORY_ROOT, 'node_modules', '.cache', 'dangjian-bundles');
const SOURCES = ['infra/aws', 'functions', 'shared', 'workflows', 'package-lock.json', 'cdk.json'];
export const STACK_NAME = 'DangjianFlow';

function filesOf(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).sort().flatMap((name) => filesOf(join(path, name)));
}

/** A hash of every source the bundles and the template are built from. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((source) => filesOf(join(REPOSITORY_ROOT, source)))) {
    hash.update(relative(REPOSITORY_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The folder of the cloud assembly for the current sources: synthesized with bundling (as `cdk.json`'s app) if not cached. */
export async function cloudAssembly(): Promise<string> {
  const dir = join(CACHE_ROOT, sourceHash());
  if (existsSync(join(dir, `${STACK_NAME}.template.json`))) return dir;
  mkdirSync(CACHE_ROOT, { recursive: true });
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  // The CDK CLI runs this command and reads CDK_OUTDIR the same way; no network is involved.
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'infra/aws/main.ts'], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, CDK_OUTDIR: building, CDK_DEFAULT_REGION: 'us-east-1', CDK_DEFAULT_ACCOUNT: '111111111111' },
    maxBuffer: 64 * 1024 * 1024,
  });
  // Older assemblies are of sources that changed since: one is enough.
  for (const name of readdirSync(CACHE_ROOT)) if (!name.includes('.building-')) rmSync(join(CACHE_ROOT, name), { recursive: true, force: true });
  renameSync(building, dir);
  return dir;
}
