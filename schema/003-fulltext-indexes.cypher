// Full-text indexes for search: the `arabic` analyzer for Arabic text, `english` and `standard-no-stop-words`
// for English and names. Lucene folds case and, for Arabic, alef and yeh forms and teh marbuta.
CREATE FULLTEXT INDEX statement_text_ar IF NOT EXISTS FOR (n:Statement) ON EACH [n.text, n.quote]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'arabic' } };
CREATE FULLTEXT INDEX statement_text_en IF NOT EXISTS FOR (n:Statement) ON EACH [n.translation]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'english' } };
CREATE FULLTEXT INDEX alias_text_ar IF NOT EXISTS FOR (n:Alias) ON EACH [n.text]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'arabic' } };
// Over the normalized `key`, not `text`: Neo4j counts a second full-text index on the same label and properties as
// equivalent whatever its analyzer, so IF NOT EXISTS silently skipped it. Code aliases (text null) are indexed
// here too; readers skip them where codes would match ordinary words.
CREATE FULLTEXT INDEX alias_text_std IF NOT EXISTS FOR (n:Alias) ON EACH [n.key]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
CREATE FULLTEXT INDEX article_text_ar IF NOT EXISTS FOR (n:Article) ON EACH [n.title, n.text]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'arabic' } };
CREATE FULLTEXT INDEX topic_name IF NOT EXISTS FOR (n:Topic) ON EACH [n.name_en, n.name_ar]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
