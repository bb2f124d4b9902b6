import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../shared/context';

/** One structured log line per operation, with its request id, duration, round trips and error codes. */
export function requestLogPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors }) {
          const codes = (errors ?? []).map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          contextValue.log.info(
            {
              operationName: operationName ?? null,
              ms: Math.round(performance.now() - started),
              dbRoundTrips: contextValue.db.stats.roundTrips,
              ...(codes.length ? { errorCodes: codes } : {}),
            },
            'graphql operation',
          );
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (!error.extensions?.code || error.extensions.code === 'INTERNAL_SERVER_ERROR') {
              contextValue.log.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
            }
          }
        },
      };
    },
  };
}
