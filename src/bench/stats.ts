/** Small helpers for the benchmark's figures and tables (unit-tested in test/bench-stats.test.ts). */

/** The median (the mean of the two middle values for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  const v = values.filter(x => !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export function fmtRatio(r: number): string {
  if (!Number.isFinite(r)) return '–';
  return r >= 100 ? `${Math.round(r)}×` : `${r.toFixed(1)}×`;
}

export function fmtBytes(b: number): string {
  if (!Number.isFinite(b)) return '–';
  const sign = b < 0 ? '-' : '';
  const a = Math.abs(b);
  if (a >= 1024 * 1024 * 1024) return `${sign}${(a / 1024 ** 3).toFixed(2)} GB`;
  if (a >= 1024 * 1024) return `${sign}${(a / 1024 ** 2).toFixed(1)} MB`;
  return `${sign}${(a / 1024).toFixed(0)} kB`;
}

/** A Markdown table (pipes), columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (c ?? '').padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
