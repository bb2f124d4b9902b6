import { toGlobalId } from '../shared/global-id';
import type { FieldPlan } from '../shared/graphql/field-plan';
import { selectProperties, type FieldProperties, type PropertySelection } from '../shared/graphql/stored-properties';
import { dateString, stringOrNull } from '../shared/neo4j/values';
import { Article } from './article.type';

export function toArticle(properties: Record<string, unknown>, outletKey: string | null = null): Article {
  const article = new Article();
  article.key = String(properties.id);
  article.id = toGlobalId('Article', article.key);
  article.title = String(properties.title);
  article.language = String(properties.language);
  article.publishedOn = dateString(properties.publishedOn);
  article.url = stringOrNull(properties.url);
  article.outletKey = outletKey;
  return article;
}

/**
 * The stored properties each Article field reads. The verbatim text is never read with the article: the `text`
 * field has its own loader (it was most of a page's bytes).
 */
export const ARTICLE_FIELDS: FieldProperties = {
  id: [],
  title: ['title'],
  language: ['language'],
  publishedOn: ['publishedOn'],
  url: ['url'],
  text: [],
  outlet: [],
  mentions: [],
  topics: [],
  statements: [],
};

/** How an operation reads articles: the properties, and whether the outlet (PUBLISHED_BY) comes along. */
export interface ArticleSelection {
  properties: PropertySelection;
  outlet: boolean;
}

/** The article reads of the operation of `plan` (everything but the text without one). */
export function articleSelection(plan: FieldPlan | undefined): ArticleSelection {
  if (!plan) return { properties: null, outlet: true };
  return {
    properties: selectProperties(plan, 'Article', ARTICLE_FIELDS, ['id']),
    outlet: plan.has('Article', 'outlet'),
  };
}
