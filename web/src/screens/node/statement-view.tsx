import { useEffect } from 'react';
import cameoRoots from '../../api/cameo-roots.json';
import { useQuery } from '../../api/client';
import { AltName, NodeLink, Text } from '../../components/node-link';
import { SpanText } from '../../components/span-text';
import { goldsteinClass } from '../../components/statement-card';
import { Empty, QueryView } from '../../components/states';
import { STATEMENT_VIEW, type ReportData, type StatementViewData } from './statement.queries';

function cameoRoot(code: string): string {
  return (cameoRoots as Record<string, string>)[code.slice(0, 2)] ?? 'unknown category';
}

function Report({
  report,
  index,
  speaker,
}: {
  report: ReportData;
  index: number;
  speaker: { id: string; name: string } | null;
}) {
  const spanId = `span-${index}`;
  useEffect(() => {
    // Scrolls the article box (not the page) so that the supporting span is in view.
    const mark = document.getElementById(spanId);
    const box = mark?.closest('.article-text');
    if (mark && box instanceof HTMLElement) {
      box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
    }
  }, [spanId]);
  return (
    <section className="report" data-report={index}>
      <h3>
        Report {index + 1}: <Text>{report.article.title}</Text>
      </h3>
      <ol className="chain" aria-label="provenance chain">
        <li>
          <span className="chain-role">outlet</span> <NodeLink node={report.article.outlet} />
          {report.article.publishedOn && <span className="muted"> · {report.article.publishedOn}</span>}
        </li>
        <li>
          <span className="chain-role">agency</span>{' '}
          {report.via ? <NodeLink node={report.via} /> : <span className="muted">none named</span>}
        </li>
        <li>
          <span className="chain-role">speaker</span> <NodeLink node={speaker} />
        </li>
      </ol>
      <p className="muted">
        Supporting span: characters {report.span.start}–{report.span.end} (UTF-16) of{' '}
        <NodeLink node={{ id: report.article.id, name: 'the article' }} />
        {report.article.url && (
          <>
            {' '}
            · source <span dir="ltr">{report.article.url}</span>
          </>
        )}
      </p>
      <SpanText
        text={report.article.text}
        highlights={[{ start: report.span.start, end: report.span.end, primary: true, id: spanId }]}
      />
    </section>
  );
}

/** A statement with its provenance: every report's article text with the supporting span marked. */
export function StatementView({ id }: { id: string }) {
  const state = useQuery<StatementViewData>(STATEMENT_VIEW, { id });
  return (
    <QueryView state={state} what="Loading the statement">
      {({ node: statement }) => {
        if (!statement) return <Empty>No statement has this id.</Empty>;
        return (
          <article className="statement-view">
            <p className="kicker">Statement · {statement.form === 'DIRECT_QUOTE' ? 'direct quote' : 'paraphrase'}</p>
            <h1 className="statement-title">
              <Text>{statement.text}</Text>
            </h1>
            {statement.translation && (
              <p className="translation">
                <Text>{statement.translation}</Text>
              </p>
            )}
            {statement.quote && (
              <blockquote dir="auto" className="quote">
                {statement.quote}
              </blockquote>
            )}
            {statement.deprecation && (
              <div className="deprecation" role="note">
                <strong>Deprecated</strong>: <Text>{statement.deprecation.reason}</Text>
                {statement.deprecation.by && <span className="muted"> · by {statement.deprecation.by}</span>}
                {statement.deprecation.at && <span className="muted"> · {statement.deprecation.at}</span>}
              </div>
            )}
            <dl className="facts">
              <dt>Speaker</dt>
              <dd>
                <NodeLink node={statement.speaker} />
                {statement.speaker && statement.speaker.ar !== statement.speaker.name && (
                  <AltName>{statement.speaker.ar}</AltName>
                )}
              </dd>
              <dt>On behalf of</dt>
              <dd>
                <NodeLink node={statement.onBehalfOf} />
              </dd>
              <dt>Reporting verb</dt>
              <dd>
                <Text>{statement.verb ?? '—'}</Text>
              </dd>
              <dt>Date</dt>
              <dd>
                {statement.date ?? 'undated'}
                {statement.saidOn ? ' (said on)' : statement.date ? ' (earliest report)' : ''}
              </dd>
              <dt>About</dt>
              <dd>
                {statement.about.map((subject, index) => (
                  <span key={subject.id}>
                    {index > 0 && ', '}
                    <NodeLink node={subject} /> <span className="muted">({subject.__typename})</span>
                  </span>
                ))}
              </dd>
              <dt>Event</dt>
              <dd>
                <span className="chip">CAMEO {statement.event.cameo}</span>{' '}
                <span className="muted">
                  root {statement.event.cameo.slice(0, 2)}: {cameoRoot(statement.event.cameo)}
                </span>{' '}
                {statement.event.plover && <span className="chip">PLOVER {statement.event.plover}</span>}{' '}
                <span className={goldsteinClass(statement.event.goldstein)}>
                  Goldstein {statement.event.goldstein ?? '—'}
                </span>
                {statement.event.rationale && (
                  <p className="muted">
                    <Text>{statement.event.rationale}</Text>
                  </p>
                )}
              </dd>
              <dt>Rank</dt>
              <dd>
                <span className="chip rank">{statement.rank}</span>
              </dd>
              <dt>Language</dt>
              <dd>{statement.language}</dd>
            </dl>
            <h2>Provenance</h2>
            {statement.reports.length === 0 && <Empty>No report of this statement is stored.</Empty>}
            {statement.reports.map((report, index) => (
              <Report key={index} report={report} index={index} speaker={statement.speaker} />
            ))}
          </article>
        );
      }}
    </QueryView>
  );
}
