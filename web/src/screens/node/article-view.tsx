import { useQuery } from '../../api/client';
import { NodeLink, Text } from '../../components/node-link';
import { SpanText } from '../../components/span-text';
import { Empty, QueryView } from '../../components/states';
import { ARTICLE_VIEW, type ArticleViewData } from './statement.queries';

/** An article: its text with the span of every statement reported in it marked, and those statements. */
export function ArticleView({ id }: { id: string }) {
  const state = useQuery<ArticleViewData>(ARTICLE_VIEW, { id });
  return (
    <QueryView state={state} what="Loading the article">
      {({ node: article }) => {
        if (!article) return <Empty>No article has this id.</Empty>;
        const highlights = article.statements.flatMap((statement) =>
          statement.reports
            .filter((report) => report.article.id === article.id)
            .map((report) => ({
              start: report.span.start,
              end: report.span.end,
              title: statement.translation ?? statement.text,
            })),
        );
        return (
          <article className="article-view">
            <p className="kicker">Article</p>
            <h1>
              <Text>{article.title}</Text>
            </h1>
            <dl className="facts">
              <dt>Outlet</dt>
              <dd>
                <NodeLink node={article.outlet} />
              </dd>
              <dt>Published</dt>
              <dd>{article.publishedOn ?? 'undated'}</dd>
              <dt>Language</dt>
              <dd>{article.language}</dd>
              {article.url && (
                <>
                  <dt>URL</dt>
                  <dd dir="ltr">{article.url}</dd>
                </>
              )}
              <dt>Mentions</dt>
              <dd>
                {article.mentions.map((entity, index) => (
                  <span key={entity.id}>
                    {index > 0 && ', '}
                    <NodeLink node={entity} />
                  </span>
                ))}
              </dd>
              <dt>Topics</dt>
              <dd>
                {article.topics.length === 0 && '—'}
                {article.topics.map((topic, index) => (
                  <span key={topic.id}>
                    {index > 0 && ', '}
                    <NodeLink node={topic} />
                  </span>
                ))}
              </dd>
            </dl>
            <div className="two-columns">
              <section>
                <h2>Text, statement spans marked</h2>
                <SpanText text={article.text} highlights={highlights} />
              </section>
              <section>
                <h2>Statements ({article.statements.length})</h2>
                <ol className="plain-list">
                  {article.statements.map((statement) => (
                    <li key={statement.id}>
                      <NodeLink node={statement.speaker} />:{' '}
                      <NodeLink node={{ id: statement.id, name: statement.translation ?? statement.text }} />
                    </li>
                  ))}
                </ol>
              </section>
            </div>
          </article>
        );
      }}
    </QueryView>
  );
}
