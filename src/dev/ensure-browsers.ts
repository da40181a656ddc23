/**
 * First step of `npm test`: make sure the two browsers the end-to-end tests drive are installed.
 * Present: print their versions (fast). Missing: install the Debian packages when we can (root with
 * apt-get), otherwise stop at once with the exact command to run.
 */
import { accessSync, constants } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromiumPath, firefoxPath } from './browsers.ts';

const PACKAGES = ['chromium', 'firefox-esr'];
const INSTALL = `DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`;

const executable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (name: string): boolean =>
  (process.env.PATH ?? '').split(path.delimiter).some(dir => dir !== '' && executable(path.join(dir, name)));
const missing = (): string[] => [chromiumPath(), firefoxPath()].filter(file => !executable(file));

function version(file: string): string {
  // Chromium's Debian wrapper prints a harmless shell warning to stderr: ignore stderr.
  return execFileSync(file, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 10_000,
  }).trim();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(
      `ensure-browsers: "${command} ${args.join(' ')}" failed (${result.error?.message ?? `exit ${result.status}`})`,
    );
    process.exit(1);
  }
}

let absent = missing();
if (absent.length > 0) {
  console.log(`ensure-browsers: not found: ${absent.join(', ')} (override with CHROMIUM_PATH / FIREFOX_PATH)`);
  if (process.getuid?.() !== 0 || !onPath('apt-get')) {
    console.error('ensure-browsers: cannot install them here (needs root and apt-get). Run:');
    console.error(`  sudo apt-get update && sudo ${INSTALL}`);
    process.exit(1);
  }
  console.log(`ensure-browsers: installing the Debian packages ${PACKAGES.join(' and ')}`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...PACKAGES], {
    ...process.env,
    DEBIAN_FRONTEND: 'noninteractive',
  });
  absent = missing();
  if (absent.length > 0) {
    console.error(
      `ensure-browsers: still missing after install: ${absent.join(', ')} (check CHROMIUM_PATH / FIREFOX_PATH)`,
    );
    process.exit(1);
  }
}
console.log(`browsers: ${version(chromiumPath())}; ${version(firefoxPath())}`);
