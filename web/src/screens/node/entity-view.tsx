import { useState, type FormEvent } from 'react';
import { useQuery } from '../../api/client';
import { AltName, NodeLink, nodePath, Text } from '../../components/node-link';
import { StatementPager } from '../../components/statement-pager';
import { Empty, QueryView } from '../../components/states';
import { href, Link, navigate } from '../../router';
import {
  ACTOR_MEETINGS,
  ACTOR_STATEMENTS,
  WHO_SAID_WHAT_ABOUT,
  type ActorMeetingsData,
  type MeetingSummaryData,
  type NodePageNode,
  type StatementConnectionData,
  type StatusChangeData,
} from './node.queries';

type EntityNode = Exclude<NodePageNode, { __typename: 'Statement' } | { __typename: 'Article' }>;

function Aliases({ aliases }: { aliases: { text: string; lang: string | null }[] }) {
  const byLang = new Map<string, string[]>();
  for (const alias of aliases) {
    const lang = alias.lang ?? '—';
    byLang.set(lang, [...(byLang.get(lang) ?? []), alias.text]);
  }
  if (byLang.size === 0) return <Empty>No aliases.</Empty>;
  return (
    <table className="aliases">
      <thead>
        <tr>
          <th>Language</th>
          <th>Names and spellings</th>
        </tr>
      </thead>
      <tbody>
        {[...byLang].map(([lang, texts]) => (
          <tr key={lang}>
            <td>{lang}</td>
            <td>
              <ul className="alias-list">
                {texts.map((text) => (
                  <li key={text} className="alias" lang={lang === '—' ? undefined : lang} dir="auto">
                    {text}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StatusHistory({ history }: { history: StatusChangeData[] }) {
  if (history.length === 0) return <span className="muted">no status asserted</span>;
  return (
    <ol className="status-history">
      {history.map((change, index) => (
        <li key={index}>
          <span className={`status status-${change.status.toLowerCase()}`}>{change.status}</span>{' '}
          <span className="date">{change.asOf ?? 'undated'}</span>
          {change.statement && (
            <>
              {' '}
              <NodeLink node={change.statement.speaker} />:{' '}
              <Link to={nodePath(change.statement.id)} dir="auto">
                {change.statement.text}
              </Link>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

function MeetingSummary({ meeting }: { meeting: MeetingSummaryData }) {
  return (
    <article className="meeting-card">
      <h3>
        <NodeLink node={meeting} /> <span className="chip">{meeting.kind}</span>{' '}
        {meeting.status && <span className={`status status-${meeting.status.toLowerCase()}`}>{meeting.status}</span>}
      </h3>
      <p className="muted">
        {meeting.date ?? 'undated'}
        {meeting.durationMinutes ? ` · ${meeting.durationMinutes} min` : ''} ·{' '}
        {meeting.participants.map((participant, index) => (
          <span key={participant.id}>
            {index > 0 && ', '}
            <NodeLink node={participant} />
          </span>
        ))}
      </p>
      <StatusHistory history={meeting.statusHistory} />
    </article>
  );
}

function ActorMeetings({ id }: { id: string }) {
  const state = useQuery<ActorMeetingsData>(ACTOR_MEETINGS, { participant: id });
  return (
    <QueryView state={state} what="Loading meetings">
      {({ meetings }) =>
        meetings.edges.length === 0 ? (
          <Empty>No meetings with this actor.</Empty>
        ) : (
          <>
            {meetings.edges.map(({ node }) => (
              <MeetingSummary key={node.id} meeting={node} />
            ))}
          </>
        )
      }
    </QueryView>
  );
}

/** The whoSaidWhatAbout filters, kept in the URL so a filtered view is a link. */
function AboutFilters({
  id,
  includeRelated,
  from,
  to,
}: {
  id: string;
  includeRelated: boolean;
  from: string;
  to: string;
}) {
  const [fromText, setFrom] = useState(from);
  const [toText, setTo] = useState(to);
  const go = (related: boolean, f: string, t: string) =>
    navigate(href(nodePath(id), { related: related ? '1' : '', from: f, to: t }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go(includeRelated, fromText, toText);
  };
  return (
    <form className="filters" onSubmit={submit}>
      <label>
        <input type="checkbox" checked={includeRelated} onChange={(event) => go(event.target.checked, from, to)} />{' '}
        include related (office-holders and institutions of a country; meetings of an actor)
      </label>
      <label>
        from <input type="date" value={fromText} onChange={(event) => setFrom(event.target.value)} />
      </label>
      <label>
        to <input type="date" value={toText} onChange={(event) => setTo(event.target.value)} />
      </label>
      <button type="submit">Apply</button>
      {(from || to) && (
        <button type="button" onClick={() => go(includeRelated, '', '')}>
          Clear dates
        </button>
      )}
    </form>
  );
}

/** An actor, country, meeting or topic: names, roles, meetings, who said what about it and what it said. */
export function EntityView({
  node,
  includeRelated,
  from,
  to,
}: {
  node: EntityNode;
  includeRelated: boolean;
  from: string;
  to: string;
}) {
  const aboutVariables = { about: node.id, includeRelated, from: from || null, to: to || null };
  return (
    <article className="entity-view" data-type={node.__typename}>
      <p className="kicker">
        {node.__typename}
        {node.__typename === 'Actor' && ` · ${node.kind.toLowerCase()}`}
        {node.__typename === 'Meeting' && ` · ${node.meetingKind.toLowerCase().replace('_', ' ')}`}
      </p>
      <h1>
        <Text>{node.name}</Text>
        {node.ar !== node.name && (
          <>
            {' '}
            <AltName>{node.ar}</AltName>
          </>
        )}
      </h1>
      <p className="actions">
        <Link to={`${nodePath(node.id)}/graph`}>Neighbourhood graph</Link>
        {node.__typename !== 'Topic' && <Link to={`${nodePath(node.id)}/timeline`}>Timeline</Link>}
        <Link to={href('/path', { from: node.id })}>Paths from here</Link>
        {node.__typename !== 'Meeting' && node.__typename !== 'Topic' && (
          <Link to={href('/relations', { a: node.id })}>Relations with …</Link>
        )}
        <Link to={href('/stats', {})}>Statistics</Link>
      </p>
      <div className="two-columns">
        <div>
          {node.__typename === 'Actor' && (
            <>
              <dl className="facts">
                <dt>Country</dt>
                <dd>
                  <NodeLink node={node.country} />
                </dd>
                {node.wikidata && (
                  <>
                    <dt>Wikidata</dt>
                    <dd>{node.wikidata}</dd>
                  </>
                )}
              </dl>
              <h2>Roles</h2>
              {node.roles.length === 0 ? (
                <Empty>No roles recorded.</Empty>
              ) : (
                <ul className="roles">
                  {node.roles.map((role, index) => (
                    <li key={index}>
                      <Text>{role.title}</Text>
                      {role.titleAr !== role.title && (
                        <>
                          {' · '}
                          <Text>{role.titleAr}</Text>
                        </>
                      )}
                      {role.organization && (
                        <>
                          {' · '}
                          <NodeLink node={role.organization} />
                        </>
                      )}
                      {role.country && (
                        <>
                          {' · '}
                          <NodeLink node={role.country} />
                        </>
                      )}
                      <span className="muted">
                        {' '}
                        {role.since ?? '…'} – {role.until ?? 'now'}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          {node.__typename === 'Country' && (
            <dl className="facts">
              <dt>ISO codes</dt>
              <dd>
                {node.code} / {node.alpha3}
              </dd>
            </dl>
          )}
          {node.__typename === 'Meeting' && (
            <>
              <dl className="facts">
                <dt>Status</dt>
                <dd>{node.status ?? '—'}</dd>
                <dt>Date</dt>
                <dd>{node.date ?? 'undated'}</dd>
                <dt>Duration</dt>
                <dd>{node.durationMinutes ? `${node.durationMinutes} minutes` : '—'}</dd>
                <dt>Location</dt>
                <dd>
                  <NodeLink node={node.location} />
                </dd>
                <dt>Participants</dt>
                <dd>
                  {node.participants.map((participant, index) => (
                    <span key={participant.id}>
                      {index > 0 && ', '}
                      <NodeLink node={participant} />
                    </span>
                  ))}
                </dd>
              </dl>
              <h2>Status history</h2>
              <StatusHistory history={node.statusHistory} />
            </>
          )}
          {(node.__typename === 'Actor' || node.__typename === 'Country') && (
            <>
              <h2>Names and aliases</h2>
              <Aliases aliases={node.aliases} />
            </>
          )}
          {node.__typename === 'Actor' && (
            <>
              <h2>Meetings</h2>
              <ActorMeetings id={node.id} />
            </>
          )}
        </div>
        <div>
          <section className="who-said" aria-label="who said what about it">
            <h2>Who said what about it</h2>
            <AboutFilters id={node.id} includeRelated={includeRelated} from={from} to={to} />
            <StatementPager<{ whoSaidWhatAbout: StatementConnectionData }>
              document={WHO_SAID_WHAT_ABOUT}
              variables={aboutVariables}
              select={(data) => data.whoSaidWhatAbout}
              empty="Nobody said anything about it (with these filters)."
            />
          </section>
          {node.__typename === 'Actor' && (
            <section className="what-said" aria-label="what it said">
              <h2>What it said</h2>
              <StatementPager<{ node: { statements?: StatementConnectionData } | null }>
                document={ACTOR_STATEMENTS}
                variables={{ id: node.id }}
                select={(data) => data.node?.statements}
                empty="No statements by this actor."
              />
            </section>
          )}
        </div>
      </div>
    </article>
  );
}
