import { useQuery } from '../../api/client';
import { Empty, QueryView } from '../../components/states';
import { ArticleView } from './article-view';
import { EntityView } from './entity-view';
import { NODE_PAGE, type NodePageData } from './node.queries';
import { StatementView } from './statement-view';

/** /node/<global id>: any node of the graph, shown by its type. */
export function NodeScreen({
  id,
  includeRelated,
  from,
  to,
}: {
  id: string;
  includeRelated: boolean;
  from: string;
  to: string;
}) {
  const state = useQuery<NodePageData>(NODE_PAGE, { id });
  return (
    <QueryView state={state}>
      {({ node }) => {
        if (!node) return <Empty>Nothing has the id {id}.</Empty>;
        if (node.__typename === 'Statement') return <StatementView id={node.id} />;
        if (node.__typename === 'Article') return <ArticleView id={node.id} />;
        return <EntityView node={node} includeRelated={includeRelated} from={from} to={to} />;
      }}
    </QueryView>
  );
}
