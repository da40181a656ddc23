/**
 * The options page's data packs: import a file (our JSON Lines, FollowTheMoney or BODS 0.4), see
 * what it added or every problem that stopped it, and remove a pack. Pure: props in, markup out;
 * the file is read and sent to the background by options-page.tsx.
 */
import { useState } from 'preact/hooks';

import type { ImportReply, PackInfo, PackSourceInput } from '../shared/messages.ts';
import { t } from './i18n.ts';

export interface PacksProps {
  packs: PackInfo[] | null;
  /** The last import's answer, shown until the next one. */
  result: ImportReply | null;
  busy: boolean;
  onImport?: (file: File, source?: PackSourceInput) => void;
  onRemove?: (name: string) => void;
}

export function Packs({ packs, result, busy, onImport, onRemove }: PacksProps) {
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [publisher, setPublisher] = useState('');
  const [asOf, setAsOf] = useState('');
  const urlOk = url.trim() === '' || /^https:\/\/[^\s]+$/i.test(url.trim());
  const submit = (event: Event) => {
    event.preventDefault();
    if (!file || !urlOk) return;
    const source = url.trim()
      ? {
          url: url.trim(),
          ...(publisher.trim() ? { publisher: publisher.trim() } : {}),
          ...(asOf ? { asOf } : {}),
        }
      : undefined;
    onImport?.(file, source);
  };
  return (
    <fieldset>
      <legend>{t('packsLegend')}</legend>
      <p class="muted">{t('packsHelp')}</p>
      <form onSubmit={submit}>
        <label>
          {t('packFile')}{' '}
          <input
            type="file"
            accept=".jsonl,.ndjson,.json,application/json"
            onChange={e => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </label>
        <label>
          {t('packSourceUrl')}{' '}
          <input
            type="url"
            placeholder="https://"
            value={url}
            aria-invalid={!urlOk}
            onInput={e => setUrl(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('packPublisher')}{' '}
          <input type="text" value={publisher} onInput={e => setPublisher(e.currentTarget.value)} />
        </label>
        <label>
          {t('packAsOf')} <input type="date" value={asOf} onInput={e => setAsOf(e.currentTarget.value)} />
        </label>
        {!urlOk && <p class="problem">{t('packSourceInvalid')}</p>}
        <p class="buttons">
          <button type="submit" disabled={!file || !urlOk || busy}>
            {busy ? t('packImporting') : t('packImport')}
          </button>
        </p>
      </form>
      <ImportResult result={result} />
      <PackList packs={packs} onRemove={onRemove} />
    </fieldset>
  );
}

function ImportResult({ result }: { result: ImportReply | null }) {
  if (!result) return null;
  const skipped = Object.entries(result.skipped)
    .map(([why, n]) => `${why}: ${n}`)
    .join('; ');
  if (result.ok && result.pack) {
    return (
      <div class="pack-result" role="status">
        <p>{t('packImported', result.pack.name, describeCounts(result.pack.counts))}</p>
        {skipped && <p class="muted">{t('packSkipped', skipped)}</p>}
      </div>
    );
  }
  return (
    <div class="pack-result problem" role="alert">
      <p>{t('packRejected', String(result.problems.length))}</p>
      <ul>
        {result.problems.map((problem, i) => (
          <li key={i}>{problem}</li>
        ))}
      </ul>
      {skipped && <p class="muted">{t('packSkipped', skipped)}</p>}
    </div>
  );
}

function PackList({ packs, onRemove }: { packs: PackInfo[] | null; onRemove?: ((name: string) => void) | undefined }) {
  if (!packs) return null;
  if (packs.length === 0) return <p class="muted">{t('packsNone')}</p>;
  return (
    <ul class="packs">
      {packs.map(p => (
        <li key={p.name}>
          <strong>{p.name}</strong> ({p.format}, {p.importedAt.slice(0, 10)}): {describeCounts(p.counts)}
          {!p.loaded && <span class="problem"> — {t('packNotLoaded', p.problem ?? '')}</span>}{' '}
          <button type="button" onClick={() => onRemove?.(p.name)}>
            {t('packRemove', p.name)}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** "12 entity, 30 ownership" in a stable order. */
export function describeCounts(counts: Record<string, number>): string {
  const order = ['entity', 'ownership', 'role', 'hierarchy', 'policy', 'policyLink'];
  return Object.entries(counts)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([type, n]) => `${n} ${type}`)
    .join(', ');
}
