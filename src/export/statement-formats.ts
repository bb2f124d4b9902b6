import { toGlobalId } from '../shared/global-id';
import type { NodeTypeName } from '../shared/graph-schema';
import { namesFrom, pickName } from '../shared/graphql/names';
import { csvRecord } from './csv';
import contextDocument from './diplograph-context.json';
import type { EntityRow, ExportStatementRow } from './export.repository';

/**
 * How one exported statement is written in each format. Ids are the API's Relay global ids, so a row can be looked
 * up with `node(id:)`; names are English where there is one, else the first name stored.
 */

/** The JSON-LD context of /export/statements.jsonld (also served at /export/context.jsonld). */
export const JSONLD_CONTEXT = contextDocument['@context'];

/** Where JSON-LD node IRIs start: `<base><global id>`. Opaque and stable; nothing is served there. */
export const JSONLD_ID_BASE = 'urn:diplograph:';

function globalId(row: EntityRow | null): string | null {
  return row ? toGlobalId(row.label as NodeTypeName, row.key) : null;
}

function displayName(row: EntityRow | null): string | null {
  if (!row) return null;
  return row.label === 'Country' && !namesFrom(row.props).en ? row.key : pickName(namesFrom(row.props), 'en');
}

const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** The CSV columns, in order: one row per statement, its earliest report giving article, outlet, agency and span. */
export const CSV_COLUMNS = [
  'id',
  'date',
  'said_on',
  'speaker_id',
  'speaker',
  'on_behalf_of_id',
  'on_behalf_of',
  'subject_ids',
  'subjects',
  'cameo',
  'plover',
  'goldstein',
  'form',
  'language',
  'text',
  'translation',
  'quote',
  'verb',
  'rank',
  'article_id',
  'article_title',
  'article_url',
  'published_on',
  'outlet',
  'agency',
  'span_start',
  'span_end',
  'span_text',
  'report_count',
] as const;

/** One CSV record (CRLF-terminated). Several subjects are joined with "; " in subject order. */
export function statementCsv(row: ExportStatementRow): string {
  const p = row.props;
  const report = row.reports[0] ?? null;
  return csvRecord([
    toGlobalId('Statement', row.key),
    row.date,
    row.saidOn,
    globalId(row.speaker),
    displayName(row.speaker),
    globalId(row.onBehalfOf),
    displayName(row.onBehalfOf),
    row.about.map((x) => globalId(x)).join('; '),
    row.about.map((x) => displayName(x)).join('; '),
    str(p.cameo),
    str(p.plover),
    num(p.goldstein),
    str(p.form),
    str(p.language),
    str(p.text),
    str(p.translation),
    str(p.quote),
    str(p.verb),
    str(p.rank) ?? 'NORMAL',
    report ? toGlobalId('Article', report.article.key) : null,
    report?.article.title,
    report?.article.url,
    report?.article.publishedOn,
    displayName(report?.outlet ?? null),
    displayName(report?.via ?? null),
    report?.start,
    report?.end,
    report?.text,
    row.reports.length,
  ]);
}

const entityJson = (row: EntityRow | null) =>
  row ? { id: globalId(row), type: row.label, name: displayName(row) } : null;

/** One JSON Lines record: the statement as a JSON object, with its subjects and every report. */
export function statementJsonLine(row: ExportStatementRow): string {
  const p = row.props;
  return `${JSON.stringify({
    id: toGlobalId('Statement', row.key),
    date: row.date,
    saidOn: row.saidOn,
    speaker: entityJson(row.speaker),
    onBehalfOf: entityJson(row.onBehalfOf),
    about: row.about.map(entityJson),
    text: str(p.text),
    language: str(p.language),
    translation: str(p.translation),
    form: str(p.form),
    quote: str(p.quote),
    verb: str(p.verb),
    event: { cameo: str(p.cameo), plover: str(p.plover), goldstein: num(p.goldstein), rationale: str(p.rationale) },
    rank: str(p.rank) ?? 'NORMAL',
    reports: row.reports.map((r) => ({
      article: {
        id: toGlobalId('Article', r.article.key),
        title: r.article.title,
        url: r.article.url,
        publishedOn: r.article.publishedOn,
        language: r.article.language,
      },
      outlet: entityJson(r.outlet),
      via: entityJson(r.via),
      span: { start: r.start, end: r.end, text: r.text },
    })),
  })}\n`;
}

const SCHEMA_TYPE: Record<string, string> = {
  Country: 'Country',
  Meeting: 'Event',
  Topic: 'Thing',
  Statement: 'Claim',
  Article: 'NewsArticle',
};

function entityLd(row: EntityRow | null): Record<string, unknown> | null {
  if (!row) return null;
  const type =
    row.label === 'Actor' ? (row.props.kind === 'PERSON' ? 'Person' : 'Organization') : SCHEMA_TYPE[row.label];
  const wikidata = str(row.props.wikidata);
  return {
    '@id': `${JSONLD_ID_BASE}${globalId(row)}`,
    '@type': type ?? 'Thing',
    name: displayName(row),
    ...(wikidata ? { sameAs: `http://www.wikidata.org/entity/${wikidata}` } : {}),
  };
}

/**
 * One statement as a schema.org Claim (a node of the `@graph` array): `author` the speaker, `about` its subjects,
 * `appearance` its reports (CreativeWorks holding the span's text, `isPartOf` the NewsArticle, `sourceOrganization`
 * the agency), with the event coding under the dg: vocabulary (cameo, plover, goldstein).
 */
export function statementJsonLd(row: ExportStatementRow): Record<string, unknown> {
  const p = row.props;
  const statementIri = `${JSONLD_ID_BASE}${toGlobalId('Statement', row.key)}`;
  const optional = (name: string, value: unknown) => (value === null || value === undefined ? {} : { [name]: value });
  return {
    '@id': statementIri,
    '@type': 'Claim',
    text: { '@value': str(p.text), '@language': str(p.language) },
    inLanguage: str(p.language),
    ...optional('translation', p.translation == null ? null : { '@value': str(p.translation), '@language': 'en' }),
    ...optional('author', entityLd(row.speaker)),
    ...optional('onBehalfOf', entityLd(row.onBehalfOf)),
    about: row.about.map(entityLd),
    form: str(p.form),
    ...optional('quote', str(p.quote)),
    ...optional('reportingVerb', str(p.verb)),
    ...optional('dateCreated', row.saidOn),
    ...optional('statementDate', row.date),
    cameo: str(p.cameo),
    ...optional('plover', str(p.plover)),
    ...optional('goldstein', p.goldstein == null ? null : String(num(p.goldstein))),
    rank: str(p.rank) ?? 'NORMAL',
    appearance: row.reports.map((r, i) => ({
      '@id': `${statementIri}#report-${i + 1}`,
      '@type': 'CreativeWork',
      text: r.text,
      spanStart: r.start,
      spanEnd: r.end,
      ...optional('sourceOrganization', entityLd(r.via)),
      isPartOf: {
        '@id': `${JSONLD_ID_BASE}${toGlobalId('Article', r.article.key)}`,
        '@type': 'NewsArticle',
        headline: r.article.title,
        inLanguage: r.article.language,
        ...optional('datePublished', r.article.publishedOn),
        ...optional('url', r.article.url),
        ...optional('publisher', entityLd(r.outlet)),
      },
    })),
  };
}
