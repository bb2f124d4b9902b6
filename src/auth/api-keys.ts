import { createHash } from 'node:crypto';
import type { ApiKeyEntry } from '../shared/config';
import type { Caller } from '../shared/context';

/** SHA-256 of a key, hex: what API_KEYS stores instead of the key. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Resolves an `Authorization` header against the configured keys.
 * @returns the caller, null when no header was sent, or 'invalid' for a header that names no known key.
 */
export function authenticate(header: string | undefined, keys: readonly ApiKeyEntry[]): Caller | null | 'invalid' {
  if (header === undefined || header.trim() === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return 'invalid';
  const digest = hashKey(match[1]!);
  const entry = keys.find((k) => k.sha256 === digest);
  // The fingerprint identifies the key in audit fields without revealing it: a prefix of its hash.
  return entry ? { role: entry.role, fingerprint: digest.slice(0, 12) } : 'invalid';
}
