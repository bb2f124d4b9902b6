import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kind, parse, type DocumentNode } from 'graphql';
import { z } from 'zod';

/**
 * One registered operation of Apollo's persisted query manifest format
 * (https://www.apollographql.com/docs/graphos/platform/security/persisted-queries#manifest-format), the format
 * `@apollo/generate-persisted-query-manifest` writes and `@apollo/persisted-query-lists` reads.
 */
export const ManifestOperation = z.object({
  /** SHA-256 of `body` in lowercase hex: the id a client sends as `extensions.persistedQuery.sha256Hash`. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().min(1),
  type: z.enum(['query', 'mutation', 'subscription']),
  /** The exact text a client sends; listed texts are compared byte for byte. */
  body: z.string().min(1),
});
export type ManifestOperation = z.infer<typeof ManifestOperation>;

export const PersistedQueryManifest = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(ManifestOperation),
});
export type PersistedQueryManifest = z.infer<typeof PersistedQueryManifest>;

/** The id of a document: SHA-256 of its UTF-8 text, lowercase hex (the APQ hash, Apollo's default manifest id). */
export function documentId(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/**
 * Whether every operation of `document` selects only introspection fields (`__schema`, `__type`, `__typename`) at
 * its root: such a document reads the schema, never data, and INTROSPECTION decides whether it runs.
 */
export function isIntrospectionOnly(document: DocumentNode): boolean {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return (
    operations.length > 0 &&
    operations.every(
      (operation) =>
        operation.operation === 'query' &&
        operation.selectionSet.selections.every(
          (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
        ),
    )
  );
}

/** Why a request's document may not run in trusted-documents mode. */
export interface TrustedDocumentRefusal {
  message: string;
}

/** What a GraphQL request names of its document: the text and/or the APQ extension's id. */
export interface DocumentRequest {
  query?: string | null;
  extensions?: Record<string, unknown> | null;
}

/** The `extensions.persistedQuery.sha256Hash` of a request, when it has one. */
export function persistedQueryId(request: DocumentRequest): string | undefined {
  const persisted = request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

/**
 * The registered operations (trusted documents): the committed manifest, schema/persisted-query-manifest.json,
 * plus any manifests an operator adds (TRUSTED_DOCUMENTS_FILES). Looked up by id and by exact text.
 */
export class TrustedDocuments {
  private readonly byIdMap = new Map<string, string>();
  private readonly bodies = new Set<string>();

  constructor(manifests: readonly PersistedQueryManifest[]) {
    for (const manifest of manifests) {
      for (const operation of manifest.operations) {
        this.byIdMap.set(operation.id, operation.body);
        this.bodies.add(operation.body);
      }
    }
  }

  /**
   * Reads and validates manifest files.
   * @throws Error naming the file when one is missing, not JSON, not in the manifest format, or lists an id that
   *   is not the SHA-256 of its body (a client sending that id would run another text than it hashed).
   */
  static fromFiles(files: readonly string[]): TrustedDocuments {
    return new TrustedDocuments(
      files.map((file) => {
        let manifest: PersistedQueryManifest;
        try {
          manifest = PersistedQueryManifest.parse(JSON.parse(readFileSync(file, 'utf8')));
        } catch (error) {
          throw new Error(`${file} is not a persisted query manifest: ${(error as Error).message}`);
        }
        for (const operation of manifest.operations) {
          if (documentId(operation.body) !== operation.id) {
            throw new Error(`${file}: operation ${operation.name} has an id that is not the SHA-256 of its body`);
          }
        }
        return manifest;
      }),
    );
  }

  get size(): number {
    return this.byIdMap.size;
  }

  /** The body registered under `id`. */
  byId(id: string): string | undefined {
    return this.byIdMap.get(id);
  }

  /** Whether exactly this text is registered. */
  has(body: string): boolean {
    return this.bodies.has(body);
  }

  /**
   * The text a request runs in trusted-documents mode, or why it may not run: a registered id (its body), a
   * registered text (with or without its id), or, when `introspection` is on, a document that only introspects
   * (parsed with `maxTokens`). Anything else is refused.
   */
  admit(
    request: DocumentRequest,
    options: { introspection: boolean; maxTokens: number },
  ): { query: string } | TrustedDocumentRefusal {
    const id = persistedQueryId(request);
    const query = request.query ?? '';
    if (query === '') {
      if (id === undefined) return { message: 'The request has neither a query nor a persisted query id' };
      const body = this.byId(id);
      return body !== undefined
        ? { query: body }
        : { message: `No registered operation has the id ${id}: this server runs registered operations only` };
    }
    if (this.has(query)) return { query };
    if (options.introspection) {
      try {
        if (isIntrospectionOnly(parse(query, { maxTokens: options.maxTokens, noLocation: true }))) return { query };
      } catch {
        // An unparsable document is simply not registered.
      }
    }
    return {
      message:
        'This operation is not in the list of registered operations: this server runs registered operations only ' +
        '(send the id of a registered operation as extensions.persistedQuery.sha256Hash)',
    };
  }
}
