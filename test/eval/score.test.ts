/** The benchmark scorer and the CoNLL rebuild, on small documents written here. */
import { describe, expect, it } from 'vitest';

import { parseConll, rebuildConllText, toUtf16, type Benchmark, type BenchmarkDoc } from '../../src/eval/corpora.ts';
import { judge, scoreBenchmark, worst, type Prediction } from '../../src/eval/score.ts';

const PERSON = 'Q215627';
const ORG = 'Q43229';

function doc(text: string, labels: [string, string, string, string?][], span?: [number, number]): BenchmarkDoc {
  // Labels by surface text: [surface, entity_id, type, flag]
  return {
    id: 'd1',
    title: '',
    text,
    evaluation_span: span ?? [0, text.length],
    labels: labels.map(([surface, entity_id, type, flag], id) => {
      const start = text.indexOf(surface);
      return {
        id,
        span: [start, start + surface.length],
        entity_id,
        name: surface,
        type,
        ...(flag ? { [flag]: true } : {}),
      };
    }),
  };
}

const p = (text: string, surface: string, qid: string | null, entityId = 'x:y'): Prediction => {
  const start = text.indexOf(surface);
  return { start, end: start + surface.length, entityId, qid, why: 'test' };
};

describe('judge', () => {
  const text = 'Apple TV and Tim Cook met 3 people.';
  const d = doc(text, [
    ['Apple TV', 'Q270285', 'Q2424752'],
    ['Tim Cook', 'Q265852', PERSON],
    ['3', 'QUANTITY', 'QUANTITY'],
  ]);

  it('counts a prediction right only when its QID is the gold QID of an overlapping span', () => {
    expect(judge(p(text, 'Tim Cook', 'Q265852'), d, true)).toMatchObject({ verdict: 'correct' });
    expect(judge(p(text, 'Apple', 'Q312'), d, true)).toMatchObject({ verdict: 'wrong', kind: 'other' });
    expect(judge(p(text, '3', 'Q1'), d, true)).toMatchObject({ verdict: 'wrong', kind: 'nil' });
    expect(judge(p(text, 'Tim Cook', null), d, true)).toMatchObject({ verdict: 'wrong', kind: 'noQid' });
  });

  it('counts a prediction outside every gold span wrong only on an exhaustive benchmark', () => {
    expect(judge(p(text, 'met', 'Q1'), d, true)).toMatchObject({ verdict: 'wrong', kind: 'unannotated' });
    expect(judge(p(text, 'met', 'Q1'), d, false)).toMatchObject({ verdict: 'unjudged' });
  });
});

describe('scoreBenchmark', () => {
  const text = 'Obama met Merkel. He said the EU and Acme agreed. Later Obama left.';
  const d = doc(
    text,
    [
      ['Obama', 'Q76', PERSON],
      ['Merkel', 'Q567', PERSON],
      ['He', 'Q76', PERSON, 'coref'],
      ['EU', 'Q458', 'Q27096213|Q43229'],
      ['Acme', 'Q999', ORG],
    ],
    [0, text.indexOf('Later')],
  );
  const bench: Benchmark = { name: 'test', file: 'test', docs: [d], exhaustive: true, note: '' };
  const known = new Set(['Q76', 'Q567', 'Q458']);

  it('scores precision inside the evaluation span, recall over known PER/ORG gold, and coverage', () => {
    const predictions = [
      p(text, 'Obama', 'Q76'),
      p(text, 'EU', 'Q458'),
      p(text, 'Acme', 'Q1'),
      { ...p(text, 'Obama', 'Q76'), start: text.lastIndexOf('Obama'), end: text.lastIndexOf('Obama') + 5 },
    ];
    const s = scoreBenchmark(bench, () => predictions, known);
    // The second Obama is outside the evaluation span; Acme is wrong.
    expect(s).toMatchObject({
      predictions: 3,
      correct: 2,
      wrong: 1,
      wrongBy: { other: 1, nil: 0, unannotated: 0, noQid: 0 },
    });
    expect(s.precision).toBeCloseTo(2 / 3);
    // Known gold: Obama, Merkel, EU (the coreference "He" is left out); Merkel was missed.
    expect(s).toMatchObject({ known: 3, found: 2, goldPerOrg: 4 });
    expect(s.coverage).toBeCloseTo(3 / 4);
    expect(s.misses.map(m => m.text)).toEqual(['Merkel']);
    expect(s.falsePositives[0]!.context).toContain('[Acme]');
  });

  it('counts the names it linked on <NIL> spans', () => {
    const t = 'The EU and the EU and OSCE.';
    const nil = doc(t, [
      ['EU', '<NIL>', ORG],
      ['OSCE', '<NIL>', ORG],
    ]);
    nil.labels.push({ ...nil.labels[0]!, id: 2, span: [t.lastIndexOf('EU'), t.lastIndexOf('EU') + 2] });
    const second = { ...p(t, 'EU', 'Q458'), start: t.lastIndexOf('EU'), end: t.lastIndexOf('EU') + 2 };
    const s = scoreBenchmark(
      { ...bench, docs: [nil] },
      () => [p(t, 'EU', 'Q458'), second, p(t, 'OSCE', 'Q81299')],
      known,
    );
    expect(s.wrongBy.nil).toBe(3);
    expect([...s.nilTexts]).toEqual([
      ['EU', 2],
      ['OSCE', 1],
    ]);
  });

  it('groups examples by entity and text, most frequent first', () => {
    const ex = (entity: string, t: string) => ({ doc: 'd', text: t, context: t, entity, detail: '' });
    expect(worst([ex('a', 'X'), ex('b', 'Y'), ex('b', 'y')], 5).map(g => [g.example.entity, g.count])).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
  });
});

describe('the CoNLL rebuild', () => {
  const conll =
    '-DOCSTART- -X- -X- O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n. . O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n';

  it('restores obscured words token by token, with a line break between sentences', () => {
    const docs = [doc('EU ******* . Peter *********', [])];
    expect(rebuildConllText(docs, parseConll(conll))).toEqual({ ok: true, value: undefined });
    expect(docs[0]!.text).toBe('EU rejects .\nPeter Blackburn');
  });

  it('refuses texts that do not line up, changing nothing', () => {
    const docs = [doc('EU ****** . Peter *********', [])];
    const result = rebuildConllText(docs, parseConll(conll));
    expect(result.ok).toBe(false);
    expect(docs[0]!.text).toBe('EU ****** . Peter *********');
  });

  it('turns code-point offsets into UTF-16 offsets after an emoji', () => {
    const d = toUtf16(doc('😀 Obama', [['Obama', 'Q76', PERSON]]));
    // The helper placed the span with indexOf (UTF-16); as code points it would be one less.
    const raw = {
      ...d,
      labels: [{ ...d.labels[0]!, span: [2, 7] as [number, number] }],
      evaluation_span: [0, 7] as [number, number],
    };
    expect(toUtf16(raw).labels[0]!.span).toEqual([3, 8]);
  });
});
