// Range indexes behind filters and orderings: dates, kinds, ranks, codes.
CREATE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n.date, n.id);
CREATE INDEX statement_said_on IF NOT EXISTS FOR (n:Statement) ON (n.saidOn);
CREATE INDEX statement_cameo IF NOT EXISTS FOR (n:Statement) ON (n.cameo);
CREATE INDEX statement_rank IF NOT EXISTS FOR (n:Statement) ON (n.rank);
CREATE INDEX statement_language IF NOT EXISTS FOR (n:Statement) ON (n.language);
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);
CREATE INDEX actor_name_en IF NOT EXISTS FOR (n:Actor) ON (n.name_en);
CREATE INDEX meeting_status IF NOT EXISTS FOR (n:Meeting) ON (n.status);
CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date);
CREATE INDEX article_published_on IF NOT EXISTS FOR (n:Article) ON (n.publishedOn, n.id);
CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url);
CREATE INDEX country_alpha3 IF NOT EXISTS FOR (n:Country) ON (n.alpha3);
