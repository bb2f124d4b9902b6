import type { ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { GraphQLContext } from '../shared/context';
import { PersistedQueryNotInListError } from '../shared/errors';
import type { TrustedDocuments } from '../shared/graphql/trusted-documents';

/** Apollo prefixes the keys of its persisted-query cache with this (APQ_CACHE_PREFIX in @apollo/server). */
const APQ_PREFIX = 'apq:';

/**
 * Apollo's persisted-query cache (`persistedQueries.cache`) with the registered operations always in it: an id of
 * the manifest resolves to its body in either mode. With `registered` null (trusted-documents mode) nothing else
 * is stored: a client cannot register a text by sending it with its hash. Otherwise Automatic Persisted Queries
 * work as before, in `registered` (Apollo's bounded in-memory LRU cache).
 */
export class PersistedDocumentsCache implements KeyValueCache<string> {
  constructor(
    private readonly documents: TrustedDocuments,
    private readonly registered: KeyValueCache<string> | null,
  ) {}

  /** The cache of a server: nothing registered in trusted-documents mode, Apollo's default LRU cache otherwise. */
  static forMode(documents: TrustedDocuments, enforce: boolean): PersistedDocumentsCache {
    return new PersistedDocumentsCache(documents, enforce ? null : new InMemoryLRUCache<string>());
  }

  async get(key: string): Promise<string | undefined> {
    const id = key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key;
    return this.documents.byId(id) ?? (await this.registered?.get(key));
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    await this.registered?.set(key, value, options);
  }

  async delete(key: string): Promise<boolean | void> {
    return this.registered?.delete(key);
  }
}

/**
 * Trusted-documents mode (TRUSTED_DOCUMENTS=true): a request runs only when it names a registered operation, by id
 * (`extensions.persistedQuery.sha256Hash`) or by its exact text, or, with INTROSPECTION on, when it only
 * introspects. Anything else is refused with PERSISTED_QUERY_NOT_IN_LIST and HTTP 400 before Apollo looks up,
 * parses or validates it (an unknown id is refused the same way, not with APQ's PERSISTED_QUERY_NOT_FOUND, which
 * would invite the client to send the text).
 *
 * Apollo masks an error thrown by a plugin hook as a 500 unless `unexpectedErrorProcessingRequest` throws it again
 * (see document-limits.plugin.ts), so the refusal is thrown again there.
 */
export function trustedDocumentsPlugin(
  documents: TrustedDocuments,
  options: { introspection: boolean; maxTokens: number },
): ApolloServerPlugin<GraphQLContext> {
  return {
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      if (!(error instanceof PersistedQueryNotInListError)) return;
      requestContext.contextValue.log.info(
        { operationName: requestContext.request.operationName ?? null, errorCodes: [error.extensions.code] },
        'graphql operation refused: not a registered operation',
      );
      throw error;
    },
    async requestDidStart({ request }) {
      const admitted = documents.admit(
        { query: request.query, extensions: request.extensions as Record<string, unknown> | undefined },
        options,
      );
      if ('message' in admitted) throw new PersistedQueryNotInListError(admitted.message);
    },
  };
}
