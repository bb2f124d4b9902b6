// Every character the Lucene classic query parser treats as syntax.
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/** Backslash-escapes every Lucene syntax character, so user text can only be searched for, never parsed. */
export function escapeLuceneSyntax(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}
