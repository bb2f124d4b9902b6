import { actorLoaders } from '../actor/actor.loaders';
import { articleLoaders } from '../article/article.loaders';
import { countryLoaders } from '../country/country.loaders';
import { meetingLoaders } from '../meeting/meeting.loaders';
import { statementLoaders } from '../statement/statement.loaders';
import { topicLoaders } from '../topic/topic.loaders';
import type { GraphQLContext } from '../shared/context';
import type { NodeTypeName } from '../shared/graph-schema';

/** How `node(id:)` fetches each type: through that type's per-request loader, so many ids batch into one query. */
export type NodeFetcher = (ctx: GraphQLContext, key: string) => Promise<object | null>;

export const nodeFetchers: Partial<Record<NodeTypeName, NodeFetcher>> = {
  Country: (ctx, key) => ctx.scope.get(countryLoaders).byCode.load(key),
  Actor: (ctx, key) => ctx.scope.get(actorLoaders).byKey.load(key),
  Statement: (ctx, key) => ctx.scope.get(statementLoaders).byKey.load(key),
  Meeting: (ctx, key) => ctx.scope.get(meetingLoaders).byKey.load(key),
  Article: (ctx, key) => ctx.scope.get(articleLoaders).byKey.load(key),
  Topic: (ctx, key) => ctx.scope.get(topicLoaders).byKey.load(key),
};
