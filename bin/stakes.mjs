#!/usr/bin/env node
// The `stakes` command: runs src/cli/main.ts (TypeScript, through tsx) with the same detection code as the extension.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
// `stakes … | head`: when the reader goes away, stop quietly instead of crashing.
process.stdout.on('error', error => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const { run } = await import(main);
process.exitCode = await run(process.argv.slice(2));
