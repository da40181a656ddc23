/** Mozilla's add-on linter on the Firefox build: what addons.mozilla.org would report. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { STORE_DIRS } from './helpers.ts';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const lint = (dir: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const bin = path.resolve('node_modules/.bin/web-ext');
    const args = ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'];
    // Exit status is non-zero when there are errors; the JSON report on stdout is what we judge.
    execFile(bin, args, { env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } }, (error, stdout, stderr) => {
      if (stdout.trim().startsWith('{')) resolve(stdout);
      else reject(new Error(`web-ext lint gave no JSON report: ${error?.message ?? ''}\n${stdout}\n${stderr}`));
    });
  });

it('web-ext lint reports no errors and no warnings for dist/firefox', async () => {
  const report = JSON.parse(await lint(STORE_DIRS.firefox)) as LintReport;
  const list = (messages: LintMessage[]): string[] => messages.map(m => `${m.code} ${m.file ?? ''}: ${m.message}`);
  if (report.notices.length > 0) console.log(`web-ext lint notices:\n  ${list(report.notices).join('\n  ')}`);
  expect(list(report.errors), 'errors').toEqual([]);
  expect(list(report.warnings), 'warnings').toEqual([]);
});
