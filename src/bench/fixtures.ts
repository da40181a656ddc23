/**
 * Benchmark fixtures written at run time (original text, written for the
 * project): a live page whose script appends 1,000 paragraphs when asked,
 * as a live blog or an infinite scroll does.
 */
import fs from 'node:fs';
import path from 'node:path';

import { prng } from './synthetic-pack.ts';

const SUBJECTS = [
  'TikTok',
  'ByteDance',
  'The city council',
  'A spokesperson',
  'The regulator',
  'Shareholders',
  'The committee',
];
const VERBS = [
  'said on Tuesday that',
  'argued that',
  'confirmed that',
  'denied reports that',
  'wrote in a filing that',
];
const OBJECTS = [
  'the review of the app would continue into next year',
  'ByteDance had not been asked for comment before the vote',
  'the deal left the recommendation algorithm under the parent company',
  'the hearing would be held in public',
  'the numbers published last week were incomplete',
  'TikTok would appeal the decision',
];

/** One paragraph of plausible, original news prose (deterministic for i). */
export function paragraph(i: number): string {
  const rnd = prng(1000 + i);
  const pick = (list: string[]) => list[Math.floor(rnd() * list.length)]!;
  const sentences = 2 + Math.floor(rnd() * 3);
  const out: string[] = [];
  for (let k = 0; k < sentences; k++) out.push(`${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}.`);
  return `Update ${i + 1}: ${out.join(' ')}`;
}

export function livePage(): string {
  const intro = Array.from({ length: 12 }, (_, i) => `      <p>${paragraph(5000 + i)}</p>`).join('\n');
  const updates = JSON.stringify(Array.from({ length: 1000 }, (_, i) => paragraph(i)));
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Live: the TikTok review, day three</title></head>
<body>
  <header><nav><a href="/">Home</a> <a href="/live">Live</a></nav></header>
  <main>
    <article>
      <h1>Live: the TikTok review, day three</h1>
      <p class="byline">By the benchmark desk</p>
${intro}
      <section id="updates"></section>
    </article>
  </main>
  <footer>Benchmark fixture, original text.</footer>
  <script>
    const UPDATES = ${updates};
    /** Appends the updates in one task (the worst case for an observer). Returns the time it took. */
    window.__append = (n) => {
      const t0 = performance.now();
      const section = document.getElementById('updates');
      for (let i = 0; i < n; i++) {
        const p = document.createElement('p');
        p.textContent = UPDATES[i % UPDATES.length];
        section.appendChild(p);
      }
      return performance.now() - t0;
    };
  </script>
</body>
</html>
`;
}

export function writeFixtures(dir: string): void {
  fs.mkdirSync(path.join(dir, 'live'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'live', 'index.html'), livePage());
}
