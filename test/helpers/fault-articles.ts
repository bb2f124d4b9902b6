import { spanOf } from './write-keys';

/**
 * A small distinct article for write streams: two statements by a speaker created on the fly, so each article is a
 * handful of nodes written in one transaction. `tag` keeps runs apart; `i` numbers the article within a run.
 */
export function streamArticle(tag: string, i: number) {
  const title = `${tag} bulletin ${i}`;
  const s1 = `Spokesman ${tag} said item ${i} was discussed at length.`;
  const s2 = `He added that item ${i} would be settled within the week.`;
  const text = `${title}\n${s1} ${s2}`;
  const speaker = { name: `Spokesman ${tag}`, kind: 'PERSON' };
  return {
    title,
    language: 'en',
    publishedOn: '2025-06-03',
    url: `https://example.org/${tag}/${i}`,
    outlet: { name: `${tag} Wire`, kind: 'ORGANIZATION' },
    text,
    createMissing: true,
    statements: [
      {
        speaker,
        form: 'PARAPHRASE',
        verb: 'said',
        text: s1,
        about: [{ name: 'Ukraine' }],
        cameo: '010',
        goldstein: 0,
        span: spanOf(text, s1),
      },
      {
        speaker,
        form: 'PARAPHRASE',
        verb: 'added',
        text: s2,
        about: [{ name: `${tag} item ${i}` }],
        cameo: '010',
        goldstein: 0,
        span: spanOf(text, s2),
      },
    ],
  };
}
