/**
 * Host permissions beyond the manifest's own content-script sites: what the reader granted. Pure;
 * used by the background (to register the content script there) and the options page (to show it).
 */
export function grantedBeyond(
  manifest: { content_scripts?: { matches?: string[] }[] },
  origins: readonly string[],
): string[] {
  const own = new Set((manifest.content_scripts ?? []).flatMap(c => c.matches ?? []));
  return origins.filter(o => !own.has(o));
}
