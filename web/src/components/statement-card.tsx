import { Link } from '../router';
import { NodeLink, nodePath, Text } from './node-link';

/** The fields a statement card shows; STATEMENT_CARD_FIELDS selects them. */
export interface StatementCardData {
  id: string;
  text: string;
  translation: string | null;
  date: string | null;
  verb: string | null;
  rank: string;
  speaker: { id: string; name: string } | null;
  onBehalfOf: { id: string; name: string } | null;
  about: { __typename: string; id: string; name: string }[];
  event: { cameo: string; goldstein: number | null };
}

export const STATEMENT_CARD_FIELDS = /* GraphQL */ `
  id
  text
  translation
  date
  verb
  rank
  speaker {
    id
    name
  }
  onBehalfOf {
    id
    name
  }
  about {
    __typename
    id
    name
  }
  event {
    cameo
    goldstein
  }
`;

export function goldsteinClass(score: number | null | undefined): string {
  if (score === null || score === undefined) return 'goldstein';
  return score > 0 ? 'goldstein positive' : score < 0 ? 'goldstein negative' : 'goldstein';
}

/** One statement in a list: who, when, the words (original and translation), about what, its event code. */
export function StatementCard({ statement }: { statement: StatementCardData }) {
  return (
    <article className={`statement-card${statement.rank === 'DEPRECATED' ? ' deprecated' : ''}`}>
      <header>
        <NodeLink node={statement.speaker} className="speaker" />
        {statement.onBehalfOf && (
          <span className="muted">
            {' '}
            for <NodeLink node={statement.onBehalfOf} />
          </span>
        )}
        {statement.verb && (
          <span className="muted">
            {' '}
            · <Text>{statement.verb}</Text>
          </span>
        )}
        <span className="date">{statement.date ?? 'undated'}</span>
      </header>
      <p className="statement-text">
        <Link to={nodePath(statement.id)} dir="auto">
          {statement.text}
        </Link>
      </p>
      {statement.translation && (
        <p className="translation">
          <Text>{statement.translation}</Text>
        </p>
      )}
      <footer>
        <span className="chip">CAMEO {statement.event.cameo}</span>
        <span className={goldsteinClass(statement.event.goldstein)}>Goldstein {statement.event.goldstein ?? '—'}</span>
        {statement.rank !== 'NORMAL' && <span className="chip rank">{statement.rank}</span>}
        {statement.about.length > 0 && (
          <span>
            <span className="muted">about </span>
            {statement.about.map((subject, index) => (
              <span key={subject.id}>
                {index > 0 && ', '}
                <NodeLink node={subject} />
              </span>
            ))}
          </span>
        )}
      </footer>
    </article>
  );
}
