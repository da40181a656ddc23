/** Fail the whole e2e run at once, with the fix, when the extension has not been built. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EXT_DIRS, STORE_DIRS } from './helpers.ts';

export default function setup(): void {
  const missing = [...Object.values(EXT_DIRS), ...Object.values(STORE_DIRS)].filter(
    dir => !existsSync(path.join(dir, 'manifest.json')),
  );
  if (missing.length > 0) {
    throw new Error(`built extension missing (${missing.join(', ')}): run \`npm run build\` first`);
  }
}
