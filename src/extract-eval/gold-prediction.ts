import { toGlobalId } from '../shared/global-id';
import type { EntityMatcher, PredictedEntity } from './entity-matcher';
import type { GoldFile, GoldRef, GoldStatement } from './gold.schema';
import type { PredictedArticle, PredictionLine } from './prediction.schema';

/** The Goldstein score is not scored; a perfect prediction carries 0 so the shape stays complete. */
const UNSCORED_GOLDSTEIN = 0;

function entityOf(ref: GoldRef, matcher: EntityMatcher): PredictedEntity {
  const key = ref.keys?.[0];
  if (key) return { id: toGlobalId('Actor', key), name: matcher.displayName('actor', key) ?? key };
  const code = ref.countries?.[0];
  if (code) return { id: toGlobalId('Country', code), name: matcher.displayName('country', code) ?? code };
  return { name: ref.names![0]! };
}

function speakerOf(speaker: GoldStatement['speaker'], matcher: EntityMatcher): PredictedEntity {
  return 'unnamed' in speaker
    ? { name: speaker.names[0] ?? 'unnamed source', unnamed: true }
    : entityOf(speaker, matcher);
}

/**
 * The extractor output a perfect extractor would print for a gold page, in the `extract --json` line shape: each
 * gold article with its page span and text, each statement with the first accepted entity of every field, its
 * spans in article and page coordinates. Used to test the scorer (a perfect prediction must score 1.0). The gold
 * must carry its spans (computeGoldSpans).
 */
export function predictionFromGold(file: string, gold: GoldFile, page: string, matcher: EntityMatcher): PredictionLine {
  const articles: PredictedArticle[] = gold.articles.map((article) => {
    const articleSpan = article.span!;
    return {
      title: article.title,
      language: article.language,
      publishedOn: article.publishedOn,
      outlet: article.outlet ? entityOf(article.outlet, matcher) : null,
      text: page.slice(articleSpan.start, articleSpan.end),
      pageSpan: articleSpan,
      statements: article.statements.map((statement) => {
        const span = statement.span!;
        return {
          speaker: speakerOf(statement.speaker, matcher),
          onBehalfOf: statement.onBehalfOf ? entityOf(statement.onBehalfOf, matcher) : null,
          via: statement.via ? entityOf(statement.via, matcher) : null,
          verb: statement.verb,
          form: statement.form,
          text: statement.text,
          about: statement.about.map((subject) =>
            'meeting' in subject ? { meeting: subject.meeting } : entityOf(subject, matcher),
          ),
          cameo: statement.cameo,
          goldstein: UNSCORED_GOLDSTEIN,
          span: { start: span.start - articleSpan.start, end: span.end - articleSpan.start },
          pageSpan: span,
          confidence: 1,
        };
      }),
      meetings: article.meetings.map((meeting) => ({
        key: meeting.key,
        kind: Array.isArray(meeting.kind) ? meeting.kind[0]! : meeting.kind,
        status: meeting.status,
        participants: meeting.participants.map((ref) => entityOf(ref, matcher)),
      })),
    };
  });
  return { file, articles };
}
