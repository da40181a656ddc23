import type { SourceView } from '../shared/card.ts';
import { formatDate, safeUrl, sourceLabel } from './format.ts';

/** A claim's sources as links (http(s) only), each with its date. */
export function Sources({ sources }: { sources: SourceView[] }) {
  return (
    <span class="sources">
      {sources.map((s, i) => {
        const href = safeUrl(s.url);
        const label = `${sourceLabel(s)}, ${formatDate(s.asOf)}`;
        return (
          <span key={i}>
            {i > 0 ? '; ' : ''}
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" title={s.title ?? s.url}>
                {label}
              </a>
            ) : (
              label
            )}
          </span>
        );
      })}
    </span>
  );
}
