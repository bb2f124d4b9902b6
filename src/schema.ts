import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { CountryResolver } from './country/country.resolver';
import { ActorResolver, RoleResolver } from './actor/actor.resolver';
import { ArticleResolver } from './article/article.resolver';
import { CountryAliasResolver, EntityResolver } from './entity/entity.resolver';
import { MeetingResolver, StatusChangeResolver } from './meeting/meeting.resolver';
import { ReportResolver, StatementResolver } from './statement/statement.resolver';
import { TopicResolver } from './topic/topic.resolver';
import { NodeResolver } from './node/node.resolver';
import { IngestResolver } from './ingest/ingest.resolver';
import { CurationResolver } from './curation/curation.resolver';
import { SearchResolver } from './search/search.resolver';
import { ExploreResolver } from './explore/explore.resolver';
import { TimelineResolver } from './timeline/timeline.resolver';
import { StatsResolver } from './stats/stats.resolver';
import { SubscriptionResolver, UNUSED_PUBSUB } from './subscription/subscription.resolver';
import { ExtractResolver } from './extract/extract.resolver';
import { authChecker } from './auth/auth-checker';

/** Every resolver class of the API. */
// type-graphql's own signature takes Function.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  CountryResolver,
  ActorResolver,
  RoleResolver,
  ArticleResolver,
  EntityResolver,
  CountryAliasResolver,
  MeetingResolver,
  StatusChangeResolver,
  StatementResolver,
  ReportResolver,
  TopicResolver,
  IngestResolver,
  CurationResolver,
  SearchResolver,
  ExploreResolver,
  TimelineResolver,
  StatsResolver,
  SubscriptionResolver,
  ExtractResolver,
];

/** Builds the executable schema from the decorated classes. */
export async function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: false, authChecker, pubSub: UNUSED_PUBSUB });
}

/** The SDL committed as schema/schema.graphql: sorted, so it changes only when the API does. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
