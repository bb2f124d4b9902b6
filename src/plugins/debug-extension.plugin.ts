import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../shared/context';

/**
 * Adds `extensions.diplograph { dbRoundTrips dbTimeMs }` to responses of requests that asked for it with
 * `x-diplograph-debug: 1` (the context decides whether the caller may).
 */
export function debugExtensionPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.debug || response.body.kind !== 'single') return;
          const stats = contextValue.db.stats;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            diplograph: { dbRoundTrips: stats.roundTrips, dbTimeMs: Math.round(stats.timeMs * 100) / 100 },
          };
        },
      };
    },
  };
}
