/** The toolbar popup: what Stakes is and how old its data is. */
import type { StatusReply } from '../shared/messages.ts';
import { formatDate, isStale } from './format.ts';

export function Popup({ status, today = new Date() }: { status: StatusReply | null; today?: Date }) {
  return (
    <>
      <h1>Stakes</h1>
      <p>Click an underlined name in a news article to see who owns it and the policy around it.</p>
      {status ? (
        <p class="muted">
          Dataset {status.version}, updated {formatDate(status.updated)}
          {isStale(status.updated, today) ? ' (over two years old)' : ''}: {status.entities.toLocaleString('en')} entities,{' '}
          {status.names.toLocaleString('en')} names. Offline: nothing you read leaves your browser.
        </p>
      ) : (
        <p class="muted">Loading the dataset…</p>
      )}
    </>
  );
}
