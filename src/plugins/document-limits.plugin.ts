import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import type { QueryLimits } from '../shared/config';
import type { GraphQLContext } from '../shared/context';
import { QueryTooComplexError } from '../shared/errors';

/**
 * The deepest nesting of `{`, `(` and `[` a document may have. Deeper than anything the depth limit (at most 50
 * fields) lets through, arguments included, and far from where graphql-js's recursive parser and the recursive
 * validation rules (a few stack frames per level) would exhaust Node's stack, which a 3,000-level query does.
 */
export const MAX_NESTING = 128;

const OPENERS = new Set<string>([TokenKind.BRACE_L, TokenKind.PAREN_L, TokenKind.BRACKET_L]);
const CLOSERS = new Set<string>([TokenKind.BRACE_R, TokenKind.PAREN_R, TokenKind.BRACKET_R]);

/** What `scanDocument` found: the tokens read and the deepest nesting, both counted only up to just past a limit. */
export interface DocumentScan {
  tokens: number;
  nesting: number;
  /** The limit the document is over, if any. */
  over: 'tokens' | 'nesting' | null;
}

/**
 * Reads a document's tokens with graphql-js's lexer, without parsing: a loop, not a recursion, so no document can
 * exhaust the stack, and it stops at the first token past a limit, so its work is at most `maxTokens` tokens. A
 * lexical error ends the scan quietly: the parser then reports it as the syntax error it is.
 * @param maxTokens the most tokens accepted (punctuators, names, values; comments do not count, as in `parse`).
 * @param maxNesting the deepest nesting of braces, parentheses and brackets accepted.
 */
export function scanDocument(source: string, maxTokens: number, maxNesting: number): DocumentScan {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  let depth = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (tokens > maxTokens) return { tokens, nesting, over: 'tokens' };
      if (OPENERS.has(token.kind)) {
        depth += 1;
        if (depth > nesting) nesting = depth;
        if (nesting > maxNesting) return { tokens, nesting, over: 'nesting' };
      } else if (CLOSERS.has(token.kind)) {
        depth -= 1;
      }
    }
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  return { tokens, nesting, over: null };
}

const REJECTED = { http: { status: 400 } };

/** A refusal of the scan: thrown before parsing, answered as the client error it is (see the plugin). */
class DocumentTooLargeError extends QueryTooComplexError {}

/**
 * Bounds a document before it is parsed: more than `maxTokens` tokens or nesting deeper than MAX_NESTING is refused
 * with QUERY_TOO_COMPLEX (HTTP 400), naming the limit. Runs when Apollo is about to parse, so a document already
 * parsed and validated (Apollo keeps them by query hash) is not scanned again. Apollo also passes `maxTokens` to
 * graphql-js's `parse` (parseOptions), which guards the same bound inside the parser.
 *
 * Apollo treats an error thrown by a plugin hook as unexpected: it calls `unexpectedErrorProcessingRequest` and
 * masks the error as a 500, unless that hook throws in turn, when its error is the answer (formatted by formatError,
 * its HTTP status from `extensions.http`). So the scan's refusal is thrown again there; any other error is left alone.
 * Such a request never reaches the request log's willSendResponse, so its line is written here.
 */
export function documentLimitsPlugin(limits: Pick<QueryLimits, 'maxTokens'>): ApolloServerPlugin<GraphQLContext> {
  return {
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      if (!(error instanceof DocumentTooLargeError)) return;
      requestContext.contextValue.log.info(
        { operationName: null, dbRoundTrips: 0, errorCodes: [error.extensions.code], limit: error.extensions.limit },
        'graphql operation refused before parsing',
      );
      throw error;
    },
    async requestDidStart() {
      return {
        async parsingDidStart({ source }) {
          const scan = scanDocument(source, limits.maxTokens, MAX_NESTING);
          if (scan.over === 'tokens') {
            throw new DocumentTooLargeError(`The document has more than ${limits.maxTokens} tokens`, {
              ...REJECTED,
              limit: 'tokens',
              max: limits.maxTokens,
            });
          }
          if (scan.over === 'nesting') {
            throw new DocumentTooLargeError(
              `The document nests braces, parentheses or brackets more than ${MAX_NESTING} levels deep`,
              { ...REJECTED, limit: 'nesting', max: MAX_NESTING },
            );
          }
        },
      };
    },
  };
}
