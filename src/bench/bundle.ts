/**
 * Bundles the in-page and in-background probes with esbuild, the way
 * build.mjs bundles the extension (IIFE, same targets; Readability patched
 * the same way, so its retry path costs what it costs in the extension).
 */
import fs from 'node:fs';
import path from 'node:path';

import * as esbuild from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The Readability edit build.mjs makes (cloned nodes instead of an HTML string for the retry snapshot). */
const readabilityPatch: esbuild.Plugin = {
  name: 'bench-readability-patch',
  setup(build) {
    build.onLoad({ filter: /@mozilla[\\/]readability[\\/]Readability\.js$/ }, args => {
      const code = fs
        .readFileSync(args.path, 'utf8')
        .replace(
          /var pageCacheHtml = page\.innerHTML;/g,
          'var pageCache = Array.from(page.childNodes, n => n.cloneNode(true));',
        )
        .replace(/page\.innerHTML = pageCacheHtml;/g, 'page.replaceChildren(...pageCache.map(n => n.cloneNode(true)));')
        .replace(/tmp\.innerHTML = noscript\.innerHTML;/g, '/* Stakes: <noscript> content is not parsed */');
      return { contents: code, loader: 'js' };
    });
  },
};

export async function bundleProbe(entry: 'page-probe.ts' | 'sw-probe.ts', target = 'chrome121'): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/bench', entry)],
    bundle: true,
    format: 'iife',
    target,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: { __TARGET__: JSON.stringify('chrome') },
    plugins: [readabilityPatch],
  });
  return result.outputFiles[0]!.text;
}

export function markJsSource(): string {
  return fs.readFileSync(path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
}
