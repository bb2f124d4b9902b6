// Full-text indexes over the normalized shadows `search_<field>` (src/shared/text/search-text.ts) instead of the
// stored text: the index sees what normalizeName makes of the text (invisible characters gone, NFKC, Persian and
// Urdu letters folded ...) and search normalizes the query the same way, while stored text stays as written.
// A full-text index cannot change its properties: each is dropped and created again over the shadows, which the
// 007-renormalize code migration then backfills. Same names, so readers do not change.
DROP INDEX statement_text_ar IF EXISTS;
CREATE FULLTEXT INDEX statement_text_ar IF NOT EXISTS FOR (n:Statement) ON EACH [n.search_text, n.search_quote]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'arabic' } };
DROP INDEX statement_text_en IF EXISTS;
CREATE FULLTEXT INDEX statement_text_en IF NOT EXISTS FOR (n:Statement) ON EACH [n.search_translation]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'english' } };
DROP INDEX alias_text_ar IF EXISTS;
CREATE FULLTEXT INDEX alias_text_ar IF NOT EXISTS FOR (n:Alias) ON EACH [n.search_text]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'arabic' } };
DROP INDEX article_text_ar IF EXISTS;
CREATE FULLTEXT INDEX article_text_ar IF NOT EXISTS FOR (n:Article) ON EACH [n.search_title, n.search_text]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'arabic' } };
DROP INDEX topic_name IF EXISTS;
CREATE FULLTEXT INDEX topic_name IF NOT EXISTS FOR (n:Topic) ON EACH [n.search_name_en, n.search_name_ar]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
// Article identity by canonical URL (src/shared/text/canonical-url.ts); the URL as given stays in `url`.
CREATE INDEX article_canonical_url IF NOT EXISTS FOR (n:Article) ON (n.canonicalUrl);
