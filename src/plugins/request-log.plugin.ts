import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLContext } from '../shared/context';
import { VARIABLE_ERROR_LIMIT } from './format-error';

/**
 * One structured log line per operation, with its request id, duration, round trips and error codes, at info;
 * unexpected errors at error. Below info (the usual production level) the line is not even assembled.
 */
export function requestLogPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const listener: GraphQLRequestListener<GraphQLContext> = {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (error.message === VARIABLE_ERROR_LIMIT) continue; // a client's mistake (see format-error.ts)
            if (!error.extensions?.code || error.extensions.code === 'INTERNAL_SERVER_ERROR') {
              contextValue.log.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
            }
          }
        },
      };
      if (!contextValue.log.isLevelEnabled('info')) return listener;
      const started = performance.now();
      listener.willSendResponse = async ({ operationName, errors }) => {
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
      };
      return listener;
    },
  };
}
