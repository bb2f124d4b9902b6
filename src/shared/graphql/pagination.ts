import { createHmac, timingSafeEqual } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import { BadUserInputError } from '../errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Which pages a cursor belongs to: the connection field that issued it, as a schema coordinate (`Query.statements`,
 * `Actor.statements`), and the ordering of its pages (`sortKey desc`; a search adds what it ranked).
 */
export interface CursorScope {
  connection: string;
  ordering: string;
}

/** What a connection field asks its repository for: a page size (checked) and the position it starts after. */
export interface PageRequest {
  limit: number;
  /** The position (a sort key, or a search offset) of the last item of the previous page; null for the first page. */
  after: string | null;
}

const VERSION = 1;
const MAC_BYTES = 16;
const MAC_LABEL = 'diplograph cursor v1\n';

function mac(secret: Buffer, payload: Buffer): Buffer {
  return createHmac('sha256', secret).update(MAC_LABEL).update(payload).digest().subarray(0, MAC_BYTES);
}

function invalidCursor(path: string, reason: string): BadUserInputError {
  return new BadUserInputError('Invalid cursor', [{ path, message: reason }]);
}

/**
 * Makes a cursor: base64url of a version byte, a 128-bit HMAC-SHA256 tag (keyed with the configured cursor secret)
 * and the payload `connection \n ordering \n position`. The tag covers the scope, so a cursor is valid only for the
 * connection and ordering that issued it, and any edit is detected.
 * @param secret the server's cursor secret (AppConfig.cursorSecret).
 */
export function encodeCursor(secret: Buffer, scope: CursorScope, position: string): string {
  const payload = Buffer.from(`${scope.connection}\n${scope.ordering}\n${position}`, 'utf8');
  return Buffer.concat([Buffer.of(VERSION), mac(secret, payload), payload]).toString('base64url');
}

/**
 * Checks a cursor and returns the position it carries.
 * @throws BadUserInputError "Invalid cursor" naming `path` when the cursor is not one this server issued (malformed,
 *   edited, made with another secret) or was issued by another connection or ordering.
 */
export function decodeCursor(secret: Buffer, scope: CursorScope, cursor: string, path = 'after'): string {
  const bytes = Buffer.from(cursor, 'base64url');
  // Re-encoding must give the same text: base64url decoding skips foreign characters and ignores trailing bits.
  if (bytes.length <= 1 + MAC_BYTES || bytes[0] !== VERSION || bytes.toString('base64url') !== cursor) {
    throw invalidCursor(path, 'is not a cursor this API issued');
  }
  const payload = bytes.subarray(1 + MAC_BYTES);
  if (!timingSafeEqual(bytes.subarray(1, 1 + MAC_BYTES), mac(secret, payload))) {
    throw invalidCursor(path, 'is not a cursor this API issued, or it was altered');
  }
  const [connection, ordering, ...rest] = payload.toString('utf8').split('\n');
  if (connection !== scope.connection || ordering !== scope.ordering || rest.length === 0) {
    throw invalidCursor(
      path,
      `belongs to ${connection} (ordered by ${ordering}), not to ${scope.connection} (ordered by ${scope.ordering})`,
    );
  }
  return rest.join('\n');
}

/** The schema coordinate of the field being resolved, such as `Query.statements`: the connection of its cursors. */
export function connectionOf(info: Pick<GraphQLResolveInfo, 'parentType' | 'fieldName'>): string {
  return `${info.parentType.name}.${info.fieldName}`;
}

/**
 * The checked `first`/`after` arguments of one connection field, and the maker of its cursors. Every connection of
 * the API pages through this class, so every cursor is checked the same way.
 */
export class PageArgs implements PageRequest {
  readonly limit: number;
  readonly after: string | null;

  /**
   * @param first page size, 1 to 100 (default 20).
   * @param after a cursor of this connection and ordering.
   * @throws BadUserInputError naming `first` (out of range) or `after` (invalid cursor).
   */
  constructor(
    private readonly secret: Buffer,
    readonly scope: CursorScope,
    first: number | null | undefined,
    after: string | null | undefined,
  ) {
    const limit = first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new BadUserInputError('Invalid page size', [
        { path: 'first', message: `must be from 1 to ${MAX_PAGE_SIZE} (got ${limit})` },
      ]);
    }
    this.limit = limit;
    this.after = after === null || after === undefined ? null : decodeCursor(secret, scope, after);
  }

  /** What repositories and loader keys take: plain data, no secret. */
  get request(): PageRequest {
    return { limit: this.limit, after: this.after };
  }

  /** The cursor of the item at `position` (its sort key, or its search offset) in this connection. */
  cursor(position: string): string {
    return encodeCursor(this.secret, this.scope, position);
  }
}

/**
 * Checks a connection field's `first` and `after`: the cursor must come from this same field (taken from `info`)
 * with this `ordering`.
 * @param ordering names the order of the field's pages, such as `sortKey desc`; cursors of another ordering fail.
 */
export function pageArgs(
  ctx: { config: { cursorSecret: Buffer } },
  info: Pick<GraphQLResolveInfo, 'parentType' | 'fieldName'>,
  ordering: string,
  first: number | null | undefined,
  after: string | null | undefined,
): PageArgs {
  return new PageArgs(ctx.config.cursorSecret, { connection: connectionOf(info), ordering }, first, after);
}
