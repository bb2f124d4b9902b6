// Full-text indexes updated after commit, by Neo4j's index-update thread, instead of inside every commit
// (`fulltext.eventually_consistent`, Neo4j Operations Manual, "Full-text indexes"). A synchronous full-text index
// flushes and reopens a Lucene segment in each writing transaction: profiling ingestArticle (bench/ingest-profile.ts,
// JFR) put Lucene flushes and merges at about a third of the database's CPU and most of the commit time, and every
// writer held its locks through it. Queued updates are applied in batches instead. Readers keep read-your-writes:
// search and entity resolution first call db.index.fulltext.awaitEventuallyConsistentIndexRefresh(), which waits
// for the queue to drain (a no-op when it is empty).
// A full-text index cannot change its settings: each is dropped and created again, same name, analyzer and
// properties as 003/006, and repopulated from the store.
DROP INDEX statement_text_ar IF EXISTS;
CREATE FULLTEXT INDEX statement_text_ar IF NOT EXISTS FOR (n:Statement) ON EACH [n.search_text, n.search_quote]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'arabic', `fulltext.eventually_consistent`: true } };
DROP INDEX statement_text_en IF EXISTS;
CREATE FULLTEXT INDEX statement_text_en IF NOT EXISTS FOR (n:Statement) ON EACH [n.search_translation]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'english', `fulltext.eventually_consistent`: true } };
DROP INDEX alias_text_ar IF EXISTS;
CREATE FULLTEXT INDEX alias_text_ar IF NOT EXISTS FOR (n:Alias) ON EACH [n.search_text]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'arabic', `fulltext.eventually_consistent`: true } };
DROP INDEX alias_text_std IF EXISTS;
CREATE FULLTEXT INDEX alias_text_std IF NOT EXISTS FOR (n:Alias) ON EACH [n.key]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: true } };
DROP INDEX article_text_ar IF EXISTS;
CREATE FULLTEXT INDEX article_text_ar IF NOT EXISTS FOR (n:Article) ON EACH [n.search_title, n.search_text]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'arabic', `fulltext.eventually_consistent`: true } };
DROP INDEX topic_name IF EXISTS;
CREATE FULLTEXT INDEX topic_name IF NOT EXISTS FOR (n:Topic) ON EACH [n.search_name_en, n.search_name_ar]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: true } };
