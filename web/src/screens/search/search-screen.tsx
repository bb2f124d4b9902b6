import { useQuery } from '../../api/client';
import { AltName, NodeLink, nodePath, Text } from '../../components/node-link';
import { Empty, QueryView } from '../../components/states';
import { href, Link } from '../../router';
import { SEARCH, type SearchData, type SearchNode } from './search.queries';

const GROUPS: { type: SearchNode['__typename']; label: string; searchType: string }[] = [
  { type: 'Actor', label: 'Actors', searchType: 'ACTOR' },
  { type: 'Country', label: 'Countries', searchType: 'COUNTRY' },
  { type: 'Topic', label: 'Topics', searchType: 'TOPIC' },
  { type: 'Statement', label: 'Statements', searchType: 'STATEMENT' },
  { type: 'Article', label: 'Articles', searchType: 'ARTICLE' },
];

function Hit({ node, score }: { node: SearchNode; score: number }) {
  const scoreText = (
    <span className="score" title="relevance">
      {score.toFixed(2)}
    </span>
  );
  if (node.__typename === 'Statement') {
    return (
      <li className="hit">
        <Link to={nodePath(node.id)} dir="auto" className="statement-text">
          {node.text}
        </Link>
        {node.translation && <Text className="translation">{node.translation}</Text>}
        <span className="meta">
          <NodeLink node={node.speaker} /> · {node.date ?? 'undated'} · {scoreText}
        </span>
      </li>
    );
  }
  if (node.__typename === 'Article') {
    return (
      <li className="hit">
        <Link to={nodePath(node.id)} dir="auto">
          {node.title}
        </Link>
        <span className="meta">
          {node.publishedOn ?? 'undated'} · {scoreText}
        </span>
      </li>
    );
  }
  return (
    <li className="hit">
      <Link to={nodePath(node.id)} dir="auto">
        {node.name}
      </Link>
      {node.ar && node.ar !== node.name && <AltName>{node.ar}</AltName>}
      <span className="meta">
        {node.kind ?? node.code ?? ''} {scoreText}
      </span>
    </li>
  );
}

/** Full-text search over the graph (Arabic or English), its hits grouped by type, best first within each. */
export function SearchScreen({ text, types }: { text: string; types: string }) {
  const typeList = types ? types.split(',').filter(Boolean) : null;
  const state = useQuery<SearchData>(SEARCH, { text, types: typeList, first: 50 }, text.trim() === '');
  if (text.trim() === '') {
    return (
      <section>
        <h1>Search</h1>
        <Empty>Type a name, a place or words of a statement, in Arabic or English, in the search box above.</Empty>
      </section>
    );
  }
  return (
    <section>
      <h1>
        Search “<bdi>{text}</bdi>”
      </h1>
      <p className="filters">
        Only:{' '}
        {GROUPS.map((group) => (
          <Link
            key={group.type}
            to={href('/search', { q: text, types: typeList?.includes(group.searchType) ? '' : group.searchType })}
            className={typeList?.includes(group.searchType) ? 'chip active' : 'chip'}
          >
            {group.label}
          </Link>
        ))}
      </p>
      <QueryView state={state} what="Searching">
        {({ search }) => {
          if (search.edges.length === 0) return <Empty>Nothing matches “{text}”.</Empty>;
          return (
            <>
              <p className="muted">
                {search.totalCount} hits{search.pageInfo.hasNextPage ? `, the best ${search.edges.length} shown` : ''}
              </p>
              <div className="search-groups">
                {GROUPS.map((group) => {
                  const hits = search.edges.filter((edge) => edge.node.__typename === group.type);
                  if (hits.length === 0) return null;
                  return (
                    <section key={group.type} className="search-group" data-type={group.type}>
                      <h2>
                        {group.label} <span className="count">{hits.length}</span>
                      </h2>
                      <ul>
                        {hits.map((edge) => (
                          <Hit key={edge.node.id} node={edge.node} score={edge.score} />
                        ))}
                      </ul>
                    </section>
                  );
                })}
              </div>
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
