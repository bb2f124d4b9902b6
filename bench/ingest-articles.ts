import { createHash } from 'node:crypto';
import { toGlobalId } from '../src/shared/global-id';
import { Label } from '../src/shared/graph-schema';
import { subjectRef } from '../src/shared/neo4j/subject-months.repository';
import { searchProperties } from '../src/shared/text/search-text';

/** Who the bench articles are by and about: keys of the loaded data, the busiest ones on purpose. */
export interface IngestSubjects {
  /** Outlet actor key: one for every article, as a wire service such as SANA is behind a large share of the news. */
  outlet: string;
  /** Speaker actor keys; the first (the top speaker) says a third of the statements. */
  speakers: string[];
  /** Country codes; every statement is about the first (the busiest country) and one other. */
  countries: string[];
}

/** The rows the floor writes for one article: the same nodes and links ingestArticle stores for it. */
export interface FloorArticleRows {
  article: {
    id: string;
    contentHash: string;
    title: string;
    language: string;
    publishedOn: string;
    url: string;
    text: string;
  };
  outlet: string;
  statements: {
    id: string;
    props: Record<string, unknown>;
    speaker: string;
    about: string[];
    report: { id: string; start: number; end: number; text: string };
    /** The subject-month entries ingestArticle derives: a country's closure is the country itself. */
    subjectMonths: { key: string; subject: string; month: string }[];
    /** The timeline-month entries ingestArticle derives: the speaker's (kind 0) and each country's (kind 1). */
    timelineMonths: { key: string; subject: string; month: string; sortKey: string }[];
    /** The stats cells ingestArticle derives (stats-cells.repository.ts): per country, its code, speaker and other. */
    statsCells: {
      key: string;
      subject: string;
      month: string;
      dim: string;
      value: string;
      plover: null;
      goldstein: number;
    }[];
  }[];
}

/** One article of the write workloads: the ingestArticle input, and the floor's rows for the same content. */
export interface BenchArticle {
  input: Record<string, unknown>;
  floor: FloorArticleRows;
}

const STATEMENTS_PER_ARTICLE = 3;
const VERBS = ['said', 'stressed', 'warned'] as const;

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * Article `i` of run `run`: a title and three sentences, each a statement by a speaker of `subjects` about the
 * busiest country and one other, all through one outlet, with ids (as an extraction pipeline that has resolved
 * names sends them). The same (run, i) gives the same article, so sending it again is a replay.
 */
export function benchArticle(run: string, i: number, subjects: IngestSubjects): BenchArticle {
  const title = `Bench ${run} dispatch ${i}`;
  const sentences = Array.from({ length: STATEMENTS_PER_ARTICLE }, (_, k) => {
    const speaker = subjects.speakers[(i * STATEMENTS_PER_ARTICLE + k) % subjects.speakers.length]!;
    const other = subjects.countries[1 + ((i + k) % (subjects.countries.length - 1))]!;
    return {
      speaker,
      about: [subjects.countries[0]!, other],
      verb: VERBS[k]!,
      text: `The spokesman ${VERBS[k]} that talks ${i}.${k} with ${other} would resume within the week.`,
    };
  });
  const text = `${title}\n${sentences.map((s) => s.text).join(' ')}`;
  const url = `https://bench.example/${run}/${i}`;
  const articleId = `bench-${run}-${i}`;
  const spans = sentences.map((s) => {
    const start = text.indexOf(s.text);
    return { start, end: start + s.text.length };
  });
  const input = {
    title,
    language: 'en',
    publishedOn: '2025-06-03',
    url,
    outlet: { id: toGlobalId('Actor', subjects.outlet) },
    text,
    statements: sentences.map((s, k) => ({
      speaker: { id: toGlobalId('Actor', s.speaker) },
      form: 'PARAPHRASE',
      verb: s.verb,
      text: s.text,
      about: s.about.map((code) => ({ id: toGlobalId('Country', code) })),
      cameo: '036',
      goldstein: 4,
      span: spans[k],
    })),
  };
  const floor: FloorArticleRows = {
    article: {
      id: articleId,
      contentHash: digest(`${subjects.outlet}|${title}|${text}`),
      title,
      language: 'en',
      publishedOn: '2025-06-03',
      url,
      text,
      ...searchProperties('Article', { title, text }),
    },
    outlet: subjects.outlet,
    statements: sentences.map((s, k) => ({
      id: `${articleId}-${k}`,
      props: {
        text: s.text,
        language: 'en',
        form: 'PARAPHRASE',
        verb: s.verb,
        cameo: '036',
        goldstein: 4,
        rank: 'NORMAL',
        sortKey: `2025-06-03|${articleId}-${k}`,
        ...searchProperties('Statement', { text: s.text }),
      },
      speaker: s.speaker,
      about: s.about,
      report: { id: `${articleId}-${k}-r`, ...spans[k]!, text: s.text },
      subjectMonths: s.about.map((code) => {
        const subject = subjectRef(Label.Country, code);
        return { key: `${subject}|2025-06`, subject, month: '2025-06' };
      }),
      timelineMonths: [
        { subject: subjectRef(Label.Actor, s.speaker), kind: 0 },
        ...s.about.map((code) => ({ subject: subjectRef(Label.Country, code), kind: 1 })),
      ].map(({ subject, kind }) => ({
        key: `${subject}|2025-06`,
        subject,
        month: '2025-06',
        sortKey: `2025-06-03|${kind}|${articleId}-${k}`,
      })),
      statsCells: s.about.flatMap((code) => {
        const subject = subjectRef(Label.Country, code);
        const others = s.about.filter((other) => other !== code).map((other) => subjectRef(Label.Country, other));
        return [
          { dim: 'C', value: '036' },
          { dim: 'S', value: s.speaker },
          ...others.map((other) => ({ dim: 'A', value: other })),
        ].map(({ dim, value }) => ({
          key: `${subject}|2025-06|${dim}|=${value}|-|=4.0`, // toString(4.0) in Cypher
          subject,
          month: '2025-06',
          dim,
          value,
          plover: null,
          goldstein: 4,
        }));
      }),
    })),
  };
  return { input, floor };
}

/** The mutation the write workloads send; it asks for what an ingest pipeline checks. */
export const INGEST_MUTATION = `mutation Ingest($input: ArticleInput!) {
  ingestArticle(input: $input) { article { id } created { articles statements } matched { articles statements } }
}`;
