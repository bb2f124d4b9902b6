import { toGlobalId } from '../shared/global-id';
import { StatementForm, StatementRank } from '../shared/graphql/enums';
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
