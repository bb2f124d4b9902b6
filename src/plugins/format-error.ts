import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../shared/errors';

const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  ...Object.values(ApolloServerErrorCode).filter((code) => code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR),
]);

/**
 * Apollo reports every validation-rule error as GRAPHQL_VALIDATION_FAILED; the query-limit rules give theirs a
 * code of ours (QUERY_TOO_COMPLEX, BAD_USER_INPUT), which clients can rely on, so it is put back.
 */
function ruleCode(formatted: GraphQLFormattedError, error: unknown): string | null {
  if (formatted.extensions?.code !== ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED) return null;
  const original = error instanceof GraphQLError ? error.originalError : null;
  const code = original instanceof GraphQLError ? original.extensions?.code : null;
  return typeof code === 'string' && (Object.values(ErrorCode) as string[]).includes(code) ? code : null;
}

/**
 * graphql-js stops coercing variables after 50 errors and adds this error, with no code and no node, so Apollo does
 * not recognise it as the user-input error it is (a list of 51 nulls for [ID!] gets there). The message is
 * graphql-js's (execution/values.js); format-error.test.ts pins it against the installed graphql.
 */
export const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables, error limit reached. Execution aborted.';

/**
 * Masks unexpected errors: clients see our own codes and messages, and for anything else only
 * "Internal server error". Stack traces appear only in development (Apollo adds them there).
 */
export function createFormatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    const own = ruleCode(formatted, error);
    if (own) return { ...formatted, extensions: { ...formatted.extensions, code: own } };
    if (formatted.message === VARIABLE_ERROR_LIMIT && !formatted.path) {
      return { message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: {
        code: ErrorCode.INTERNAL_SERVER_ERROR,
        ...(development && formatted.extensions?.stacktrace ? { stacktrace: formatted.extensions.stacktrace } : {}),
        ...(development ? { detail: formatted.message } : {}),
      },
    };
  };
}
