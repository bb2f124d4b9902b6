import { toGlobalId } from '../shared/global-id';
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
