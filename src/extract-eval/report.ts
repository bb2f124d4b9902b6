import { accuracy, addInto, scores, type Prf, type Ratio } from './metrics';
import { emptyCounts, type PageScore, type ScoreCounts } from './scorer';

/** Issue 10's targets on the development set. */
export const TARGETS = { statementF1: 0.85, speakerAccuracy: 0.9, cameoRootAccuracy: 0.7 } as const;

/** The whole set: counts summed over pages (micro averages) and the headline-only check. */
export interface EvalSummary {
  pages: PageScore[];
  overall: ScoreCounts;
  /** Pages whose gold has no statement, and whether the extractor reported none on each of them. */
  headlineOnly: { pages: string[]; zeroStatements: boolean };
  /** Pages the extractor gave no output for. */
  missing: string[];
}

/** Sums the page counts. */
export function summarize(pages: PageScore[]): EvalSummary {
  const overall = emptyCounts();
  for (const page of pages) addInto(overall, page.counts);
  const empty = pages.filter((p) => p.goldEmpty);
  return {
    pages,
    overall,
    headlineOnly: {
      pages: empty.map((p) => p.name),
      zeroStatements: empty.length > 0 && empty.every((p) => !p.missing && p.predictedStatements === 0),
    },
    missing: pages.filter((p) => p.missing).map((p) => p.name),
  };
}

/** The figures of a summary as plain numbers (null where nothing was counted), for `--json`. */
export function figures(counts: ScoreCounts): Record<string, unknown> {
  const r = (x: Ratio) => ({ accuracy: accuracy(x), ...x });
  const p = (x: Prf) => ({ ...scores(x), ...x });
  return {
    statements: p(counts.statements),
    speaker: r(counts.speaker),
    onBehalfOf: { ...r(counts.onBehalfOf.accuracy), values: p(counts.onBehalfOf.values) },
    via: { ...r(counts.via.accuracy), values: p(counts.via.values) },
    about: { ...r(counts.about.exact), items: p(counts.about.items) },
    form: r(counts.form),
    cameoRoot: r(counts.cameoRoot),
    cameoCode: r(counts.cameoCode),
    meetingStatus: r(counts.meetingStatus),
    meetings: {
      detection: p(counts.meetings.detection),
      status: r(counts.meetings.status),
      kind: r(counts.meetings.kind),
      participants: p(counts.meetings.participants),
    },
    articles: {
      detection: p(counts.articles.detection),
      title: r(counts.articles.title),
      publishedOn: r(counts.articles.publishedOn),
      language: r(counts.articles.language),
      outlet: r(counts.articles.outlet),
    },
  };
}

/** Whether each target of issue 10 is met. */
export function targets(summary: EvalSummary): { name: string; value: number | null; met: boolean }[] {
  const f1 = scores(summary.overall.statements).f1;
  const speaker = accuracy(summary.overall.speaker);
  const root = accuracy(summary.overall.cameoRoot);
  return [
    { name: `statement F1 >= ${TARGETS.statementF1}`, value: f1, met: f1 !== null && f1 >= TARGETS.statementF1 },
    {
      name: `speaker accuracy >= ${TARGETS.speakerAccuracy}`,
      value: speaker,
      met: speaker !== null && speaker >= TARGETS.speakerAccuracy,
    },
    {
      name: `CAMEO root accuracy >= ${TARGETS.cameoRootAccuracy}`,
      value: root,
      met: root !== null && root >= TARGETS.cameoRootAccuracy,
    },
    {
      name: 'headline-only page yields 0 statements',
      value: null,
      met: summary.headlineOnly.zeroStatements,
    },
  ];
}

const num = (x: number | null, width = 6): string => (x === null ? '–' : x.toFixed(3)).padStart(width);

function prfLine(label: string, c: Prf, extra = ''): string {
  const s = scores(c);
  return `${label.padEnd(30)}P ${num(s.precision)}  R ${num(s.recall)}  F1 ${num(s.f1)}  (tp ${c.tp}, fp ${
    c.predicted - c.tp
  }, fn ${c.gold - c.tp})${extra}`;
}

function fieldLine(label: string, r: Ratio, c?: Prf, note = ''): string {
  const s = c ? scores(c) : null;
  const cells = s
    ? `${num(s.precision, 7)}  ${num(s.recall, 7)}  ${num(s.f1, 7)}`
    : `${''.padStart(7)}  ${''.padStart(7)}  ${''.padStart(7)}`;
  return `  ${label.padEnd(20)}${num(accuracy(r), 7)}  ${cells}  ${`${r.correct}/${r.total}`.padStart(7)}${note}`;
}

/**
 * The report `npm run eval:extract` prints: detection P/R/F1, the accuracy (and P/R/F1 where a field can be empty
 * or a set) of every field on matched statements, meetings, articles, the headline-only check, the targets, and a
 * line per page; with `details`, every disagreement under its page.
 */
export function formatReport(summary: EvalSummary, details = false): string {
  const o = summary.overall;
  const lines: string[] = [];
  const goldTotal = o.statements.gold;
  lines.push(
    `Extraction evaluation: ${summary.pages.length} pages, ${goldTotal} gold statements, ${o.statements.predicted} predicted`,
  );
  if (summary.missing.length > 0) lines.push(`No output for: ${summary.missing.join(', ')} (scored as empty)`);
  lines.push('');
  lines.push(prfLine('Statement detection', o.statements));
  lines.push('');
  lines.push(`On ${o.statements.tp} matched statements     acc        P        R       F1    right/n`);
  lines.push(fieldLine('speaker', o.speaker));
  lines.push(fieldLine('on behalf of', o.onBehalfOf.accuracy, o.onBehalfOf.values, '  (P/R over non-empty values)'));
  lines.push(fieldLine('via', o.via.accuracy, o.via.values, '  (P/R over non-empty values)'));
  lines.push(fieldLine('targets (about)', o.about.exact, o.about.items, '  (acc: whole set; P/R: subjects)'));
  lines.push(fieldLine('form', o.form));
  lines.push(fieldLine('CAMEO root', o.cameoRoot));
  lines.push(fieldLine('CAMEO code', o.cameoCode));
  lines.push(fieldLine('meeting status', o.meetingStatus, undefined, '  (statuses the gold statements assert)'));
  lines.push('');
  lines.push(
    prfLine(
      'Meetings',
      o.meetings.detection,
      `; status acc ${num(accuracy(o.meetings.status), 5)}, kind acc ${num(accuracy(o.meetings.kind), 5)}, participants F1 ${num(
        scores(o.meetings.participants).f1,
        5,
      )}`,
    ),
  );
  lines.push(
    prfLine(
      'Articles',
      o.articles.detection,
      `; title ${num(accuracy(o.articles.title), 5)}, date ${num(accuracy(o.articles.publishedOn), 5)}, language ${num(
        accuracy(o.articles.language),
        5,
      )}, outlet ${num(accuracy(o.articles.outlet), 5)}`,
    ),
  );
  lines.push('');
  lines.push(
    `Headline-only page yields 0 statements: ${summary.headlineOnly.zeroStatements ? 'yes' : 'no'} (${
      summary.headlineOnly.pages.join(', ') || 'no such page'
    })`,
  );
  lines.push(
    `Targets: ${targets(summary)
      .map((t) => `${t.name}: ${t.met ? 'met' : 'NOT met'}${t.value === null ? '' : ` (${t.value.toFixed(3)})`}`)
      .join('; ')}`,
  );
  lines.push('');
  lines.push(`${'page'.padEnd(38)} gold  pred      P      R     F1  speak    obo    via  about   form   root  mstat`);
  for (const page of summary.pages) {
    const c = page.counts;
    const s = scores(c.statements);
    lines.push(
      `${page.name.slice(0, 38).padEnd(38)} ${String(c.statements.gold).padStart(4)}  ${String(c.statements.predicted).padStart(4)} ${[
        s.precision,
        s.recall,
        s.f1,
        accuracy(c.speaker),
        accuracy(c.onBehalfOf.accuracy),
        accuracy(c.via.accuracy),
        scores(c.about.items).f1,
        accuracy(c.form),
        accuracy(c.cameoRoot),
        accuracy(c.meetingStatus),
      ]
        .map((x) => (x === null ? '–' : x.toFixed(2)).padStart(6))
        .join(' ')}${page.missing ? '  (no output)' : ''}`,
    );
    if (details) for (const error of page.errors) lines.push(`    ${error}`);
  }
  return `${lines.join('\n')}\n`;
}
