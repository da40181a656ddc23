/**
 * Scoring the detector against gold entity-linking annotations.
 *
 * Only what lies inside a document's evaluation span is judged.
 *
 * Strict precision: a predicted mention is correct when it overlaps a gold
 * span whose entity is the predicted entity's Wikidata QID (nested gold
 * spans: any of them). It is a false positive when it overlaps gold spans of
 * other entities only (another QID, <NIL>, a quantity or date…), or when the
 * entity it names has no Wikidata id at all (we cannot show it is right).
 * A prediction that overlaps no gold span is a false positive on an
 * exhaustive benchmark (every entity mention in the span is annotated:
 * News-Fair, AIDA-CoNLL) and not judged on a partial one (RSS-500).
 *
 * Recall: over the gold mentions of people and organizations (type includes
 * Q215627 or Q43229) whose QID is in our dataset, leaving out coreference
 * mentions ("he", "the company") and optional ones. A gold mention is found
 * when a prediction of the same QID overlaps it.
 *
 * Coverage: how many of those gold person/organization mentions (with a QID,
 * not coreference, not optional) our dataset knows at all.
 */
import type { Benchmark, BenchmarkDoc, GoldLabel } from './corpora.ts';

export const PERSON = 'Q215627';
export const ORGANIZATION = 'Q43229';

export interface Prediction {
  start: number;
  end: number;
  entityId: string;
  /** The entity's Wikidata QID, if the dataset has one. */
  qid: string | null;
  /** Why the detector matched (the card's small print). */
  why: string;
}

export type Verdict = 'correct' | 'wrong' | 'unjudged';

/**
 * Why a prediction is wrong: the gold names another entity there; the gold span is <NIL> or
 * not an entity (a quantity, a date); nothing is annotated there (exhaustive benchmarks only);
 * or the predicted entity has no Wikidata id to compare.
 */
export type WrongKind = 'other' | 'nil' | 'unannotated' | 'noQid';

export interface Example {
  doc: string;
  /** The mention, and a little of the text around it. */
  text: string;
  context: string;
  /** Predicted entity (false positives) or gold entity (misses). */
  entity: string;
  /** What the gold says (false positives) or the closest prediction (misses). */
  detail: string;
}

export interface BenchmarkScore {
  name: string;
  docs: number;
  predictions: number;
  correct: number;
  wrong: number;
  wrongBy: Record<WrongKind, number>;
  /** The text of the mentions on spans the gold marks <NIL> or not an entity, and how often. */
  nilTexts: Map<string, number>;
  precision: number;
  /** Gold PER/ORG mentions whose QID we know, and how many of them were found. */
  known: number;
  found: number;
  recall: number;
  /** Gold PER/ORG mentions with a QID. */
  goldPerOrg: number;
  coverage: number;
  falsePositives: Example[];
  misses: Example[];
}

const overlaps = (a: { start: number; end: number }, s: [number, number]) => a.start < s[1] && s[0] < a.end;

export function isPerOrg(label: GoldLabel): boolean {
  return label.type.split('|').some(t => t === PERSON || t === ORGANIZATION);
}

/** The gold mentions that recall and coverage count. */
export function countedGold(doc: BenchmarkDoc): GoldLabel[] {
  const [s, e] = doc.evaluation_span;
  return doc.labels.filter(
    l => l.span[0] >= s && l.span[1] <= e && !l.coref && !l.optional && /^Q\d+$/.test(l.entity_id) && isPerOrg(l),
  );
}

/** Judges one prediction (see the module comment). */
export function judge(
  p: Prediction,
  doc: BenchmarkDoc,
  exhaustive: boolean,
): { verdict: Verdict; kind?: WrongKind; gold: GoldLabel[] } {
  const gold = doc.labels.filter(l => overlaps(p, l.span));
  if (gold.length === 0)
    return exhaustive
      ? { verdict: 'wrong', kind: p.qid === null ? 'noQid' : 'unannotated', gold }
      : { verdict: 'unjudged', gold };
  if (p.qid !== null && gold.some(l => l.entity_id === p.qid)) return { verdict: 'correct', gold };
  const kind: WrongKind = p.qid === null ? 'noQid' : gold.some(l => /^Q\d+$/.test(l.entity_id)) ? 'other' : 'nil';
  return { verdict: 'wrong', kind, gold };
}

export function scoreBenchmark(
  bench: Benchmark,
  predict: (doc: BenchmarkDoc) => Prediction[],
  knownQids: ReadonlySet<string>,
): BenchmarkScore {
  const score: BenchmarkScore = {
    name: bench.name,
    docs: bench.docs.length,
    predictions: 0,
    correct: 0,
    wrong: 0,
    wrongBy: { other: 0, nil: 0, unannotated: 0, noQid: 0 },
    nilTexts: new Map(),
    precision: 1,
    known: 0,
    found: 0,
    recall: 1,
    goldPerOrg: 0,
    coverage: 0,
    falsePositives: [],
    misses: [],
  };
  for (const doc of bench.docs) {
    const [s, e] = doc.evaluation_span;
    const predictions = predict(doc).filter(p => overlaps(p, [s, e]));
    for (const p of predictions) {
      const { verdict, kind, gold } = judge(p, doc, bench.exhaustive);
      if (verdict === 'unjudged') continue;
      score.predictions++;
      if (verdict === 'correct') {
        score.correct++;
        continue;
      }
      score.wrong++;
      score.wrongBy[kind!]++;
      if (kind === 'nil') {
        const text = doc.text.slice(p.start, p.end);
        score.nilTexts.set(text, (score.nilTexts.get(text) ?? 0) + 1);
      }
      const detail =
        p.qid === null
          ? 'entity has no Wikidata id'
          : gold.length
            ? `gold: ${gold.map(l => `${l.entity_id === '<NIL>' || !/^Q/.test(l.entity_id) ? l.entity_id : `${l.name} ${l.entity_id}`} “${doc.text.slice(...l.span)}”`).join('; ')}`
            : 'not an entity mention in the gold';
      score.falsePositives.push(
        example(doc, p.start, p.end, `${p.entityId}${p.qid ? ` ${p.qid}` : ''}`, `${detail}; ${p.why}`),
      );
    }
    for (const label of countedGold(doc)) {
      score.goldPerOrg++;
      if (!knownQids.has(label.entity_id)) continue;
      score.known++;
      const hit = predictions.some(p => p.qid === label.entity_id && overlaps(p, label.span));
      if (hit) {
        score.found++;
        continue;
      }
      const near = predictions.find(p => overlaps(p, label.span));
      score.misses.push(
        example(
          doc,
          label.span[0],
          label.span[1],
          `${label.name} ${label.entity_id}`,
          near ? `predicted ${near.entityId}` : 'not found',
        ),
      );
    }
  }
  score.precision = score.predictions ? score.correct / score.predictions : 1;
  score.recall = score.known ? score.found / score.known : 1;
  score.coverage = score.goldPerOrg ? score.known / score.goldPerOrg : 0;
  return score;
}

function example(doc: BenchmarkDoc, start: number, end: number, entity: string, detail: string): Example {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const before = flat(doc.text.slice(Math.max(0, start - 40), start));
  const after = flat(doc.text.slice(end, end + 40));
  const text = flat(doc.text.slice(start, end));
  return { doc: doc.id, text, context: `…${before}[${text}]${after}…`, entity, detail };
}

/** Examples grouped by what they have in common (entity and text), the most frequent first. */
export function worst(examples: Example[], limit: number): { count: number; example: Example }[] {
  const groups = new Map<string, { count: number; example: Example }>();
  for (const ex of examples) {
    const key = `${ex.entity}\u0000${ex.text.toLowerCase()}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { count: 1, example: ex });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count).slice(0, limit);
}
