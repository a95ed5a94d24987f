#!/usr/bin/env node
// The dangjian command line: runs the TypeScript CLI through tsx, from any working folder.
import { register } from 'tsx/esm/api';

register();
await import('../infra/local/cli/main.ts');
