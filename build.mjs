#!/usr/bin/env node
/**
 * Builds the extension for Chrome and Firefox.
 *
 *   node build.mjs            dist/chrome/, dist/firefox/ and a zip of each for the stores, and the
 *                             development copies dist/chrome-dev/, dist/firefox-dev/
 *   node build.mjs --watch    rebuild the bundles on change (no zips)
 *
 * The development copies are the same extension with one difference: the content script also runs
 * on http://127.0.0.1 and http://localhost, where `npm start`, the tests and the benchmark serve
 * their pages (the store builds run on the default news sites and wherever the reader allows).
 *
 * Steps: compile and validate the dataset (bad data stops the build, naming
 * file, line, record and field) and pack its name index (data/index.bin, what
 * the background opens first), bundle the scripts with esbuild, copy the
 * static files from extension/, and write each browser's manifest from the
 * canonical manifest.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import { register } from 'tsx/esm/api';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.join(ROOT, 'dist');
const TARGETS = {
  chrome: { esbuild: 'chrome121' },
  firefox: { esbuild: 'firefox142' },
};
const ENTRIES = {
  content: 'src/page/index.ts',
  background: 'src/background/index.ts',
  popup: 'src/ui/popup-page.tsx',
  options: 'src/ui/options-page.tsx',
  overview: 'src/ui/overview-page.tsx',
};
const watch = process.argv.includes('--watch');

/**
 * Takes the HTML-parsing sinks out of two libraries we bundle, so that nothing
 * in the extension can turn a string into markup (and `web-ext lint` reports
 * no UNSAFE_VAR_ASSIGNMENT):
 * - Preact's dangerouslySetInnerHTML, which Stakes never uses, now throws;
 * - Readability keeps its retry snapshot as cloned nodes instead of an HTML
 *   string, and does not unwrap images from <noscript> (irrelevant to text).
 * Each pattern must match exactly as often as expected: a library upgrade that
 * changes the code stops the build instead of silently shipping the sink.
 */
const SINK_PATCHES = [
  {
    file: /preact[\\/]dist[\\/]preact\.module\.js$/,
    edits: [
      [
        /\((\w+)\.innerHTML=(\w+)\.__html\)/g,
        '(()=>{throw new Error("Stakes: dangerouslySetInnerHTML is disabled")})()',
        1,
      ],
    ],
  },
  {
    file: /@mozilla[\\/]readability[\\/]Readability\.js$/,
    edits: [
      [
        /var pageCacheHtml = page\.innerHTML;/g,
        'var pageCache = Array.from(page.childNodes, n => n.cloneNode(true));',
        1,
      ],
      [/page\.innerHTML = pageCacheHtml;/g, 'page.replaceChildren(...pageCache.map(n => n.cloneNode(true)));', 1],
      [/tmp\.innerHTML = noscript\.innerHTML;/g, '/* Stakes: <noscript> content is not parsed */', 1],
    ],
  },
];

const removeHtmlSinks = {
  name: 'remove-html-sinks',
  setup(build) {
    for (const { file, edits } of SINK_PATCHES) {
      build.onLoad({ filter: file }, args => {
        let code = fs.readFileSync(args.path, 'utf8');
        for (const [pattern, replacement, expected] of edits) {
          const found = code.match(pattern)?.length ?? 0;
          if (found !== expected) {
            throw new Error(
              `${path.relative(ROOT, args.path)}: expected ${expected} match of ${pattern}, found ${found}`,
            );
          }
          code = code.replace(pattern, replacement);
        }
        return { contents: code, loader: 'js' };
      });
    }
  },
};

/** The canonical manifest, cleaned for one browser. */
/** Where the development copies also run their content script. */
export const DEV_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export function manifestFor(target, canonical, { dev = false } = {}) {
  const m = structuredClone(canonical);
  if (dev) for (const script of m.content_scripts) script.matches = [...script.matches, ...DEV_MATCHES];
  if (target === 'chrome') {
    delete m.background.scripts;
    delete m.browser_specific_settings;
    delete m.sidebar_action; // Firefox's sidebar; Chrome has side_panel
  } else {
    delete m.background.service_worker;
    delete m.minimum_chrome_version;
    delete m.side_panel; // Chrome's side panel; Firefox has sidebar_action
    m.permissions = m.permissions.filter(p => p !== 'sidePanel');
  }
  return m;
}

/** The compiled dataset and its packed name index (what the background loads first). */
async function compileData() {
  const api = register({ namespace: 'stakes-build' });
  try {
    const { compileDataset } = await api.import('./src/data/compile.ts', import.meta.url);
    const { packDatasetIndex } = await api.import('./src/data/dataset.ts', import.meta.url);
    const dataset = compileDataset();
    return { dataset, index: packDatasetIndex(dataset) };
  } finally {
    await api.unregister();
  }
}

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(src, dst);
    else fs.copyFileSync(src, dst);
  }
}

function zipDir(dir) {
  const files = {};
  const walk = rel => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(r);
      else files[r] = [fs.readFileSync(path.join(dir, r)), { mtime: new Date('2026-01-01T00:00:00Z') }];
    }
  };
  walk('');
  return zipSync(files, { level: 9 });
}

const kb = bytes => `${(bytes / 1024).toFixed(1)} kB`;

async function main() {
  const started = performance.now();
  let dataset, index;
  try {
    ({ dataset, index } = await compileData());
  } catch (error) {
    if (error?.name === 'DataError') {
      console.error(`build failed: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const canonical = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
  const datasetJson = JSON.stringify(dataset);
  fs.rmSync(DIST, { recursive: true, force: true });

  const builds = Object.entries(TARGETS).flatMap(([target, options]) => [
    { target, options, dir: target, dev: false },
    { target, options, dir: `${target}-dev`, dev: true },
  ]);
  for (const { target, options, dir, dev } of builds) {
    const out = path.join(DIST, dir);
    copyDir(path.join(ROOT, 'extension'), out);
    fs.mkdirSync(path.join(out, 'data'), { recursive: true });
    fs.writeFileSync(path.join(out, 'data', 'dataset.json'), datasetJson);
    fs.writeFileSync(path.join(out, 'data', 'index.bin'), index);
    fs.writeFileSync(
      path.join(out, 'manifest.json'),
      JSON.stringify(manifestFor(target, canonical, { dev }), null, 2) + '\n',
    );
    const config = {
      absWorkingDir: ROOT,
      entryPoints: ENTRIES,
      outdir: out,
      bundle: true,
      format: 'iife',
      target: options.esbuild,
      loader: { '.css': 'text' },
      jsx: 'automatic',
      jsxImportSource: 'preact',
      define: { __TARGET__: JSON.stringify(target) },
      legalComments: 'none',
      logLevel: 'warning',
      metafile: true,
      plugins: [removeHtmlSinks],
    };
    if (watch) {
      const ctx = await esbuild.context(config);
      await ctx.watch();
      continue;
    }
    const result = await esbuild.build(config);
    if (dev) continue; // no zip: the stores get the builds without the development hosts
    const sizes = Object.entries(result.metafile.outputs).map(([file, o]) => `${path.basename(file)} ${kb(o.bytes)}`);
    const zip = zipDir(out);
    const zipName = `stakes-${canonical.version}-${target}.zip`;
    fs.writeFileSync(path.join(DIST, zipName), zip);
    console.log(
      `${target}: ${sizes.join(', ')}, dataset ${kb(datasetJson.length)}, index ${kb(index.length)} → dist/${zipName} (${kb(zip.length)})`,
    );
  }
  console.log(
    `dataset ${dataset.meta.version}: ${dataset.entities.length} entities, ${dataset.policies.length} policy items, ` +
      `${dataset.claims.length} claims; built in ${Math.round(performance.now() - started)} ms`,
  );
  if (watch) console.log('watching for changes (Ctrl-C to stop)');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
