import type { ArticleInputData } from '../../src/ingest/ingest.model';
import { toGlobalId } from '../../src/shared/global-id';
import { ActorKind, StatementForm } from '../../src/shared/graphql/enums';

/** Dmitry Peskov, a seed actor: the Kremlin's spokesman, so his statements count for Russia with includeRelated. */
export const PESKOV = toGlobalId('Actor', 'dmitry-peskov');

/**
 * A one-statement TASS article by Peskov about `about` (a global id), unique by `n` within a `channel` (a word that
 * keeps one test file's articles apart from another's, e.g. 'SSE'; none by default), published on `publishedOn`.
 */
export function peskovArticle(
  n: number,
  about: string,
  options: { channel?: string; publishedOn?: string; extra?: Partial<ArticleInputData> } = {},
): ArticleInputData {
  const { channel, publishedOn = '2025-06-01', extra = {} } = options;
  const sentence = `Peskov said${channel ? ` over ${channel}` : ''} on day ${n} that Moscow is ready for contacts.`;
  const text = `Moscow (TASS) - ${sentence}`;
  return {
    title: `Peskov ${channel ? `${channel} ` : ''}statement ${n}`,
    language: 'en',
    publishedOn,
    url: `https://example.org/peskov-${channel ? `${channel.toLowerCase()}-` : ''}${n}`,
    outlet: { name: 'TASS', kind: ActorKind.MEDIA },
    text,
    statements: [
      {
        speaker: { id: PESKOV },
        form: StatementForm.PARAPHRASE,
        text: sentence,
        about: [{ id: about }],
        cameo: '036',
        span: { start: text.indexOf(sentence), end: text.length },
      },
    ],
    createMissing: true,
    ...extra,
  };
}
