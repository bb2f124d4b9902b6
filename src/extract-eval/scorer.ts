import { normalizeName } from '../shared/text/normalize';
import type { EntityMatcher, PredictedEntity } from './entity-matcher';
import type { GoldArticle, GoldFile, GoldMeeting, GoldRef, GoldStatement, PageSpan } from './gold.schema';
import { count, prf, ratio, type Prf, type Ratio } from './metrics';
import type { PredictedArticle, PredictedMeeting, PredictedStatement, PredictionLine } from './prediction.schema';

/** The counts of one page (or, summed, of the whole set). Accuracies are on matched statement pairs. */
export interface ScoreCounts {
  /** Statement detection: a prediction matches a gold statement when their page spans overlap (one-to-one). */
  statements: Prf;
  speaker: Ratio;
  /** Accuracy counts an empty value as right where the gold has none; P/R count non-empty values only. */
  onBehalfOf: { accuracy: Ratio; values: Prf };
  via: { accuracy: Ratio; values: Prf };
  /** Targets: `exact` is the accuracy of whole sets, `items` the set P/R over subjects. */
  about: { exact: Ratio; items: Prf };
  form: Ratio;
  cameoRoot: Ratio;
  cameoCode: Ratio;
  /** Per status a gold statement asserts: the matched prediction is about the aligned meeting, with that status. */
  meetingStatus: Ratio;
  meetings: { detection: Prf; status: Ratio; kind: Ratio; participants: Prf };
  articles: { detection: Prf; title: Ratio; publishedOn: Ratio; language: Ratio; outlet: Ratio };
}

/** The score of one page. */
export interface PageScore {
  name: string;
  counts: ScoreCounts;
  /** The gold page has no statement (a headline-only page). */
  goldEmpty: boolean;
  /** How many statements the extractor reported on the page. */
  predictedStatements: number;
  /** No output line for this page: everything in it counts as missed. */
  missing: boolean;
  /** One line per disagreement, for `--details`. */
  errors: string[];
}

/** Zeroed counters. */
export function emptyCounts(): ScoreCounts {
  return {
    statements: prf(),
    speaker: ratio(),
    onBehalfOf: { accuracy: ratio(), values: prf() },
    via: { accuracy: ratio(), values: prf() },
    about: { exact: ratio(), items: prf() },
    form: ratio(),
    cameoRoot: ratio(),
    cameoCode: ratio(),
    meetingStatus: ratio(),
    meetings: { detection: prf(), status: ratio(), kind: ratio(), participants: prf() },
    articles: { detection: prf(), title: ratio(), publishedOn: ratio(), language: ratio(), outlet: ratio() },
  };
}

function overlap(a: PageSpan, b: PageSpan): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * One-to-one greedy matching: every pair with a positive score, best first (ties by gold then prediction order),
 * taken while both sides are free. Returns gold index -> prediction index.
 */
export function greedyMatch(
  goldCount: number,
  predCount: number,
  score: (g: number, p: number) => number,
): Map<number, number> {
  const pairs: { g: number; p: number; s: number }[] = [];
  for (let g = 0; g < goldCount; g += 1)
    for (let p = 0; p < predCount; p += 1) {
      const s = score(g, p);
      if (s > 0) pairs.push({ g, p, s });
    }
  pairs.sort((a, b) => b.s - a.s || a.g - b.g || a.p - b.p);
  const matched = new Map<number, number>();
  const usedPred = new Set<number>();
  for (const { g, p } of pairs) {
    if (matched.has(g) || usedPred.has(p)) continue;
    matched.set(g, p);
    usedPred.add(p);
  }
  return matched;
}

interface GoldStatementAt {
  article: number;
  index: number;
  statement: GoldStatement;
  span: PageSpan;
}
interface PredStatementAt {
  article: number;
  statement: PredictedStatement;
}
interface GoldMeetingAt {
  article: number;
  meeting: GoldMeeting;
}
interface PredMeetingAt {
  article: number;
  meeting: PredictedMeeting;
}

const short = (text: string | null | undefined): string => {
  const t = (text ?? '').replace(/\s+/g, ' ');
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
};

const showEntity = (e: PredictedEntity | null | undefined): string =>
  e ? `${e.name ?? '?'}${e.unnamed ? ' (unnamed)' : ''}` : 'none';

function showRef(ref: GoldRef | { unnamed: true; names: string[] } | null): string {
  if (!ref) return 'none';
  if ('unnamed' in ref) return `unnamed (${ref.names.join(' / ')})`;
  return [...(ref.keys ?? []), ...(ref.countries ?? []), ...(ref.names ?? []).slice(0, 2)].join(' | ');
}

function present(entity: PredictedEntity | null | undefined): entity is PredictedEntity {
  return !!entity && !!(entity.id || entity.name || entity.unnamed);
}

/** Whole-set accuracy and item P/R of two participant or subject lists, matched one-to-one in gold order. */
function matchItems<G, P>(gold: readonly G[], pred: readonly P[], same: (g: G, p: P) => boolean): number {
  const used = new Set<number>();
  let tp = 0;
  for (const g of gold) {
    const p = pred.findIndex((candidate, i) => !used.has(i) && same(g, candidate));
    if (p >= 0) {
      used.add(p);
      tp += 1;
    }
  }
  return tp;
}

/**
 * Scores one page: the gold file (with spans, see computeGoldSpans) against the extractor's line for it, or null
 * when the extractor gave none. Pure; names compare through `matcher`.
 */
export function scorePage(
  name: string,
  gold: GoldFile,
  page: string,
  prediction: PredictionLine | null,
  matcher: EntityMatcher,
): PageScore {
  const counts = emptyCounts();
  const errors: string[] = [];
  const predArticles: PredictedArticle[] = prediction?.articles ?? [];
  const goldStatements: GoldStatementAt[] = gold.articles.flatMap((article, a) =>
    article.statements.map((statement, index) => {
      if (!statement.span)
        throw new Error(`${name}: articles[${a}].statements[${index}] has no span (run npm run eval:spans)`);
      return { article: a, index, statement, span: statement.span };
    }),
  );
  const predStatements: PredStatementAt[] = predArticles.flatMap((article, a) =>
    article.statements.map((statement) => ({ article: a, statement })),
  );
  const goldMeetings: GoldMeetingAt[] = gold.articles.flatMap((article, a) =>
    article.meetings.map((meeting) => ({ article: a, meeting })),
  );
  const predMeetings: PredMeetingAt[] = predArticles.flatMap((article, a) =>
    (article.meetings ?? []).map((meeting) => ({ article: a, meeting })),
  );
  const goldMeetingIndex = (article: number, key: string): number =>
    goldMeetings.findIndex((m) => m.article === article && m.meeting.key === key);
  const predMeetingIndex = (article: number, key: string): number =>
    predMeetings.findIndex((m) => m.article === article && m.meeting.key === key);

  scoreArticles(gold.articles, predArticles, page, matcher, counts, errors);

  // Statements: by page-span overlap.
  const pairs = greedyMatch(goldStatements.length, predStatements.length, (g, p) =>
    overlap(goldStatements[g]!.span, predStatements[p]!.statement.pageSpan),
  );
  counts.statements = { tp: pairs.size, predicted: predStatements.length, gold: goldStatements.length };
  goldStatements.forEach((g, i) => {
    if (!pairs.has(i))
      errors.push(`missed   a${g.article}s${g.index} "${short(g.statement.text)}" (${showRef(g.statement.speaker)})`);
  });
  const matchedPred = new Set(pairs.values());
  predStatements.forEach((p, i) => {
    if (!matchedPred.has(i)) {
      const s = p.statement.pageSpan;
      errors.push(
        `spurious ${s.start}..${s.end} "${short(page.slice(s.start, s.end))}" (${showEntity(p.statement.speaker)})`,
      );
    }
  });

  // Meetings: aligned by the matched statements that are about them, then by shared participants.
  const links = new Map<string, number>();
  for (const [g, p] of pairs) {
    const gs = goldStatements[g]!;
    const ps = predStatements[p]!;
    for (const subject of gs.statement.about) {
      if (!('meeting' in subject)) continue;
      const gm = goldMeetingIndex(gs.article, subject.meeting);
      for (const predSubject of ps.statement.about ?? []) {
        if (!('meeting' in predSubject) || typeof predSubject.meeting !== 'string') continue;
        const pm = predMeetingIndex(ps.article, predSubject.meeting);
        if (gm >= 0 && pm >= 0) links.set(`${gm}:${pm}`, (links.get(`${gm}:${pm}`) ?? 0) + 1);
      }
    }
  }
  const participantMatches = (gm: GoldMeeting, pm: PredictedMeeting): number =>
    matchItems(gm.participants, pm.participants ?? [], (ref, entity) => matcher.matches(ref, entity));
  const kindOk = (gm: GoldMeeting, pm: PredictedMeeting): boolean =>
    (Array.isArray(gm.kind) ? gm.kind : [gm.kind]).some((kind) => kind === pm.kind);
  const meetingAlignment = greedyMatch(goldMeetings.length, predMeetings.length, (g, p) => {
    const gm = goldMeetings[g]!.meeting;
    const pm = predMeetings[p]!.meeting;
    const score = 100 * (links.get(`${g}:${p}`) ?? 0) + 10 * participantMatches(gm, pm);
    return score > 0 ? score + (kindOk(gm, pm) ? 1 : 0) : 0;
  });
  const alignedPredToGold = new Map([...meetingAlignment].map(([g, p]) => [p, g]));
  counts.meetings.detection = { tp: meetingAlignment.size, predicted: predMeetings.length, gold: goldMeetings.length };
  goldMeetings.forEach(({ meeting: gm }, g) => {
    const p = meetingAlignment.get(g);
    if (p === undefined) {
      errors.push(`meeting  missed ${gm.key} (${gm.status})`);
      return;
    }
    const pm = predMeetings[p]!.meeting;
    count(counts.meetings.status, pm.status === gm.status);
    count(counts.meetings.kind, kindOk(gm, pm));
    if (pm.status !== gm.status) errors.push(`meeting  ${gm.key}: status ${pm.status ?? 'none'}, want ${gm.status}`);
    if (!kindOk(gm, pm)) errors.push(`meeting  ${gm.key}: kind ${pm.kind ?? 'none'}, want ${String(gm.kind)}`);
    counts.meetings.participants.tp += participantMatches(gm, pm);
    counts.meetings.participants.predicted += (pm.participants ?? []).length;
    counts.meetings.participants.gold += gm.participants.length;
  });
  predMeetings.forEach(({ meeting }, p) => {
    if (!alignedPredToGold.has(p)) errors.push(`meeting  spurious ${meeting.key} (${meeting.status ?? 'no status'})`);
  });

  // Fields of matched pairs.
  for (const [g, p] of pairs) {
    const gs = goldStatements[g]!;
    const ps = predStatements[p]!;
    const where = `a${gs.article}s${gs.index}`;
    const want = gs.statement;
    const got = ps.statement;
    const goldArticle = gold.articles[gs.article]!;

    const speakerOk =
      'unnamed' in want.speaker
        ? matcher.matchesUnnamed(want.speaker, got.speaker)
        : matcher.matches(want.speaker, got.speaker);
    count(counts.speaker, speakerOk);
    if (!speakerOk) errors.push(`${where} speaker ${showEntity(got.speaker)}, want ${showRef(want.speaker)}`);

    scoreOptional(counts.onBehalfOf, want.onBehalfOf, got.onBehalfOf, [], matcher, `${where} onBehalfOf`, errors);
    scoreOptional(counts.via, want.via, got.via, goldArticle.agencies, matcher, `${where} via`, errors);

    const predAbout = got.about ?? [];
    const tp = matchItems(want.about, predAbout, (subject, predSubject) => {
      if ('meeting' in subject) {
        if (!('meeting' in predSubject) || typeof predSubject.meeting !== 'string') return false;
        const pm = predMeetingIndex(ps.article, predSubject.meeting);
        return pm >= 0 && alignedPredToGold.get(pm) === goldMeetingIndex(gs.article, subject.meeting);
      }
      return !('meeting' in predSubject) && matcher.matches(subject, predSubject as PredictedEntity);
    });
    counts.about.items.tp += tp;
    counts.about.items.predicted += predAbout.length;
    counts.about.items.gold += want.about.length;
    const exact = tp === want.about.length && tp === predAbout.length;
    count(counts.about.exact, exact);
    if (!exact)
      errors.push(
        `${where} about [${predAbout.map((s) => ('meeting' in s ? `meeting ${s.meeting}` : showEntity(s as PredictedEntity))).join(', ')}], want [${want.about
          .map((s) => ('meeting' in s ? `meeting ${s.meeting}` : showRef(s)))
          .join(', ')}]`,
      );

    count(counts.form, got.form === want.form);
    if (got.form !== want.form) errors.push(`${where} form ${got.form ?? 'none'}, want ${want.form}`);
    const rootOk = (got.cameo ?? '').slice(0, 2) === want.cameo.slice(0, 2);
    count(counts.cameoRoot, rootOk);
    count(counts.cameoCode, got.cameo === want.cameo);
    if (got.cameo !== want.cameo)
      errors.push(`${where} CAMEO ${got.cameo ?? 'none'}, want ${want.cameo}${rootOk ? ' (root right)' : ''}`);

    goldMeetings.forEach(({ article, meeting: gm }, gmIndex) => {
      if (article !== gs.article || !gm.statusStatements.includes(gs.index)) return;
      const ok = predAbout.some((s) => {
        if (!('meeting' in s) || typeof s.meeting !== 'string') return false;
        const pm = predMeetingIndex(ps.article, s.meeting);
        return pm >= 0 && alignedPredToGold.get(pm) === gmIndex && predMeetings[pm]!.meeting.status === gm.status;
      });
      count(counts.meetingStatus, ok);
      if (!ok) errors.push(`${where} does not assert ${gm.key} ${gm.status}`);
    });
  }

  return {
    name,
    counts,
    goldEmpty: goldStatements.length === 0,
    predictedStatements: predStatements.length,
    missing: prediction === null,
    errors,
  };
}

/**
 * `onBehalfOf` and `via`: right when the prediction is the gold entity, or empty where the gold has none or marks
 * its value optional; for `via`, an agency the article's dateline credits is right too where the gold has none.
 */
function scoreOptional(
  target: { accuracy: Ratio; values: Prf },
  want: GoldRef | null,
  got: PredictedEntity | null | undefined,
  alsoAccepted: readonly GoldRef[],
  matcher: EntityMatcher,
  where: string,
  errors: string[],
): void {
  const required = want !== null && !want.optional;
  const has = present(got);
  const right =
    (want !== null && has && matcher.matches(want, got)) ||
    (!required && !has) ||
    (want === null && has && alsoAccepted.some((ref) => matcher.matches(ref, got)));
  count(target.accuracy, right);
  if (required) {
    target.values.gold += 1;
    if (has) target.values.predicted += 1;
    if (right) target.values.tp += 1;
  } else if (has && !right) target.values.predicted += 1;
  if (!right) errors.push(`${where} ${showEntity(got)}, want ${showRef(want)}`);
}

function scoreArticles(
  goldArticles: readonly GoldArticle[],
  predArticles: readonly PredictedArticle[],
  page: string,
  matcher: EntityMatcher,
  counts: ScoreCounts,
  errors: string[],
): void {
  const sameTitle = (g: GoldArticle, p: PredictedArticle): boolean =>
    normalizeName(p.title ?? '') === normalizeName(g.title) && normalizeName(g.title) !== '';
  const matched = greedyMatch(goldArticles.length, predArticles.length, (g, p) => {
    const gold = goldArticles[g]!;
    const pred = predArticles[p]!;
    const byTitle = sameTitle(gold, pred) ? page.length + 1 : 0;
    return byTitle + (gold.span && pred.pageSpan ? overlap(gold.span, pred.pageSpan) : 0);
  });
  counts.articles.detection = { tp: matched.size, predicted: predArticles.length, gold: goldArticles.length };
  goldArticles.forEach((gold, g) => {
    const p = matched.get(g);
    if (p === undefined) {
      errors.push(`article  missed "${short(gold.title)}"`);
      return;
    }
    const pred = predArticles[p]!;
    count(counts.articles.title, sameTitle(gold, pred));
    if (!sameTitle(gold, pred)) errors.push(`article  a${g} title "${short(pred.title)}", want "${short(gold.title)}"`);
    const dateOk = (pred.publishedOn ?? null) === gold.publishedOn;
    count(counts.articles.publishedOn, dateOk);
    if (!dateOk)
      errors.push(`article  a${g} publishedOn ${pred.publishedOn ?? 'none'}, want ${gold.publishedOn ?? 'none'}`);
    const language = (pred.language ?? '').split('-')[0]!.toLowerCase();
    count(counts.articles.language, language === gold.language);
    if (language !== gold.language)
      errors.push(`article  a${g} language ${pred.language ?? 'none'}, want ${gold.language}`);
    if (gold.outlet) {
      const outletOk = matcher.matches(gold.outlet, pred.outlet);
      count(counts.articles.outlet, outletOk);
      if (!outletOk) errors.push(`article  a${g} outlet ${showEntity(pred.outlet)}, want ${showRef(gold.outlet)}`);
    }
  });
  const matchedPred = new Set(matched.values());
  predArticles.forEach((pred, p) => {
    if (!matchedPred.has(p)) errors.push(`article  spurious "${short(pred.title)}"`);
  });
}
