import type { Token } from './tokens';
import { phraseKey } from './tokens';

/** A phrase found in a token sequence: tokens [from, to) and what the phrase stands for. */
export interface PhraseMatch<T> {
  from: number;
  to: number;
  entries: readonly T[];
  /** The key that matched (the first word possibly without its proclitics). */
  key: string;
}

/**
 * A dictionary of multi-word phrases on normalized words (normalizeName), matched longest first. The first word
 * may match through its proclitic variants (وأضاف finds أضاف), later words must match as they are; a match
 * never crosses a punctuation break.
 */
export class PhraseIndex<T> {
  private readonly map = new Map<string, T[]>();
  /** Every word-prefix of every key ("a b c" gives "a", "a b"): matching stops as soon as no phrase continues. */
  private readonly prefixes = new Set<string>();
  private maxWords = 0;

  /** Adds `entry` under `phrase`; phrases normalizing to nothing are ignored. */
  add(phrase: string, entry: T): void {
    this.addKey(phraseKey(phrase), entry);
  }

  /** Adds `entry` under a key already normalized (an Alias node's `key` is normalizeName of its text). */
  addKey(key: string, entry: T): void {
    if (key === '') return;
    const list = this.map.get(key);
    if (list) {
      if (!list.includes(entry)) list.push(entry);
    } else this.map.set(key, [entry]);
    const words = key.split(' ');
    this.maxWords = Math.max(this.maxWords, words.length);
    let prefix = '';
    for (let i = 0; i < words.length - 1; i++) {
      prefix = i === 0 ? words[0]! : `${prefix} ${words[i]}`;
      this.prefixes.add(prefix);
    }
  }

  get size(): number {
    return this.map.size;
  }

  /** The entries stored under exactly this normalized key. */
  lookup(key: string): readonly T[] | undefined {
    return this.map.get(key);
  }

  /**
   * The longest phrase starting at token `i`, or null. `accept` may veto a candidate match (it is then shorter
   * phrases' turn).
   */
  matchAt(tokens: readonly Token[], i: number, accept?: (m: PhraseMatch<T>) => boolean): PhraseMatch<T> | null {
    const first = tokens[i];
    if (!first) return null;
    let best: PhraseMatch<T> | null = null;
    // Grow each head (the word, then its proclitic variants) word by word while some phrase continues; keep the
    // longest accepted match. Linear in the match length, whatever the longest phrase of the index.
    for (const head of first.variants.length === 0 ? [first.norm] : [first.norm, ...first.variants]) {
      let key = head;
      for (let len = 1; ; len++) {
        const entries = this.map.get(key);
        if (entries && (!best || len > best.to - best.from)) {
          const match = { from: i, to: i + len, entries, key };
          if (!accept || accept(match)) best = match;
        }
        const next = tokens[i + len];
        if (!next || next.breakBefore || len >= this.maxWords || !this.prefixes.has(key)) break;
        key = `${key} ${next.norm}`;
      }
    }
    return best;
  }

  /** Every non-overlapping longest match in `tokens[from, to)`, left to right. */
  findAll(
    tokens: readonly Token[],
    from = 0,
    to = tokens.length,
    accept?: (m: PhraseMatch<T>) => boolean,
  ): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = from; i < to;) {
      const m = this.matchAt(tokens, i, accept);
      if (m && m.to <= to) {
        out.push(m);
        i = m.to;
      } else i += 1;
    }
    return out;
  }
}
