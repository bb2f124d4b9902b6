import { toGlobalId } from '../shared/global-id';
import { StatementForm, StatementRank } from '../shared/graphql/enums';
import type { FieldPlan } from '../shared/graphql/field-plan';
import { selectProperties, type FieldProperties, type PropertySelection } from '../shared/graphql/stored-properties';
import { dateString, numberOrNull, stringOrNull } from '../shared/neo4j/values';
import { Deprecation, EventCode, Report, Span, Statement } from './statement.type';

/** Maps a Statement node's properties (plus its speaker's key) to the GraphQL object. */
export function toStatement(properties: Record<string, unknown>, speakerKey: string | null = null): Statement {
  const statement = new Statement();
  statement.key = String(properties.id);
  statement.id = toGlobalId('Statement', statement.key);
  statement.sortKey = String(properties.sortKey ?? '');
  statement.text = String(properties.text);
  statement.language = String(properties.language);
  statement.translation = stringOrNull(properties.translation);
  statement.form = properties.form as StatementForm;
  statement.quote = stringOrNull(properties.quote);
  statement.verb = stringOrNull(properties.verb);
  statement.saidOn = dateString(properties.saidOn);
  statement.date = dateString(properties.date);
  statement.rank = (properties.rank as StatementRank | undefined) ?? StatementRank.NORMAL;
  const event = new EventCode();
  event.cameo = String(properties.cameo);
  event.plover = stringOrNull(properties.plover);
  event.goldstein = numberOrNull(properties.goldstein);
  event.rationale = stringOrNull(properties.rationale);
  statement.event = event;
  if (statement.rank === StatementRank.DEPRECATED && properties.deprecatedReason) {
    const deprecation = new Deprecation();
    deprecation.reason = String(properties.deprecatedReason);
    deprecation.by = stringOrNull(properties.deprecatedBy);
    deprecation.at = stringOrNull(properties.deprecatedAt);
    statement.deprecation = deprecation;
  } else {
    statement.deprecation = null;
  }
  statement.speakerKey = speakerKey;
  return statement;
}

/** Maps a Report node (which stores its span's words as `text`) with its article and agency keys. */
export function toReport(properties: Record<string, unknown>, articleKey: string, viaKey: string | null): Report {
  const report = new Report();
  report.key = String(properties.id);
  report.id = report.key;
  report.articleKey = articleKey;
  report.viaKey = viaKey;
  const span = new Span();
  span.start = Number(properties.start);
  span.end = Number(properties.end);
  span.text = String(properties.text);
  report.span = span;
  return report;
}

/** The stored properties each Statement field reads (relations read none: their loaders go by the key). */
export const STATEMENT_FIELDS: FieldProperties = {
  id: [],
  text: ['text'],
  language: ['language'],
  translation: ['translation'],
  form: ['form'],
  quote: ['quote'],
  verb: ['verb'],
  saidOn: ['saidOn'],
  date: ['date'],
  event: {
    type: 'Event',
    fields: { cameo: ['cameo'], plover: ['plover'], goldstein: ['goldstein'], rationale: ['rationale'] },
  },
  rank: ['rank'],
  deprecation: ['rank', 'deprecatedReason', 'deprecatedBy', 'deprecatedAt'],
  speaker: [],
  onBehalfOf: [],
  about: [],
  reports: [],
};

/** The stored properties each Report field reads; its article and agency are relations. */
export const REPORT_FIELDS: FieldProperties = {
  id: [],
  span: { type: 'Span', fields: { start: ['start'], end: ['end'], text: ['text'] } },
  article: [],
  via: [],
};

/** How an operation reads statements: the properties, and whether the speaker (SAID_BY) comes along. */
export interface StatementSelection {
  properties: PropertySelection;
  speaker: boolean;
}

/** How an operation reads reports: the properties, and whether the agency (VIA) comes along. */
export interface ReportSelection {
  properties: PropertySelection;
  via: boolean;
}

/**
 * The statement reads of the operation of `plan` (everything without one). The sort key always comes: cursors
 * wrap it.
 */
export function statementSelection(plan: FieldPlan | undefined): StatementSelection {
  if (!plan) return { properties: null, speaker: true };
  return {
    properties: selectProperties(plan, 'Statement', STATEMENT_FIELDS, ['id', 'sortKey']),
    speaker: plan.has('Statement', 'speaker'),
  };
}

/** The report reads of the operation of `plan` (everything without one). */
export function reportSelection(plan: FieldPlan | undefined): ReportSelection {
  if (!plan) return { properties: null, via: true };
  return { properties: selectProperties(plan, 'Report', REPORT_FIELDS, ['id']), via: plan.has('Report', 'via') };
}
