import { BadUserInputError } from '../errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Checks `first` (1..100, default 20) and decodes `after`; errors name the argument. */
export function pageArgs(
  first: number | null | undefined,
  after: string | null | undefined,
): { limit: number; after: string | null } {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new BadUserInputError('Invalid page size', [
      { path: 'first', message: `must be from 1 to ${MAX_PAGE_SIZE} (got ${limit})` },
    ]);
  }
  return { limit, after: after ? decodeCursor(after) : null };
}

/** Cursors wrap a sort key (`date|id`), so a page boundary stays put when rows are added elsewhere. */
export function encodeCursor(sortKey: string): string {
  return Buffer.from(`c:${sortKey}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('c:') || encodeCursor(text.slice(2)) !== cursor) {
    throw new BadUserInputError('Invalid cursor', [{ path: 'after', message: 'is not a cursor from this API' }]);
  }
  return text.slice(2);
}
