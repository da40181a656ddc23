#!/usr/bin/env node
// Runs a TypeScript entry point of this repository with tsx, passing the remaining arguments on.
// Usage: node bin/run.mjs src/dev/start.ts [args...]
import { register } from 'tsx/esm/api';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node bin/run.mjs <file.ts> [args...]');
  process.exit(2);
}
register();
process.argv = [process.argv[0], path.resolve(entry), ...rest];
await import(pathToFileURL(path.resolve(entry)).href);
