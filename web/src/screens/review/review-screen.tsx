import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import cameoRoots from '../../api/cameo-roots.json';
import { ApiError, request, useQuery } from '../../api/client';
import { EntityPicker } from '../../components/entity-picker';
import { NodeLink, Text } from '../../components/node-link';
import { SpanText, type Highlight } from '../../components/span-text';
import { goldsteinClass } from '../../components/statement-card';
import { Empty, ErrorBox, QueryView } from '../../components/states';
import { href, Link, navigate } from '../../router';
import {
  decisionKey,
  edited,
  initialDecisions,
  pageKey,
  reviewedArticle,
  reviewReasons,
  type Decision,
  type Decisions,
  type StatementEdit,
} from './review-draft';
import { session } from './review-session';
import {
  EXTRACT_PAGE,
  INGEST_ARTICLE,
  type EntityRef,
  type ExtractedArticle,
  type ExtractPageData,
  type IngestArticleData,
  type IngestCounts,
  type PageInputData,
  type StatementDraft,
  type SubjectRef,
} from './review.queries';

const NODE_NAME = /* GraphQL */ `
  query NodeName($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Entity {
        name
      }
      ... on Topic {
        name
      }
    }
  }
`;

// Drafts name known entities by id only; one request per id per page load.
const names = new Map<string, Promise<string>>();
function nameOf(id: string): Promise<string> {
  let name = names.get(id);
  if (!name) {
    name = request<{ node: { name?: string } | null }>(NODE_NAME, { id }).then(
      (data) => data.node?.name ?? id,
      () => id,
    );
    names.set(id, name);
  }
  return name;
}

/** An entity reference of a draft: a link when the graph knows it, else the name as written and "new". */
function RefView({
  value,
  unknown = 'not in the graph',
}: {
  value: EntityRef | SubjectRef | null | undefined;
  unknown?: string;
}) {
  const id = value?.id ?? null;
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (id) void nameOf(id).then((n) => live && setName(n));
    return () => {
      live = false;
    };
  }, [id]);
  if (!value) return <span className="muted">—</span>;
  if (id) return <NodeLink node={{ id, name: name ?? '…' }} />;
  return (
    <span>
      <Text>{value.name}</Text> <span className="chip new">{unknown}</span>
    </span>
  );
}

function cameoRoot(code: string): string {
  return (cameoRoots as Record<string, string>)[code.slice(0, 2)] ?? 'unknown category';
}

function confidenceClass(confidence: number): string {
  return confidence >= 0.8 ? 'confidence high' : confidence >= 0.6 ? 'confidence mid' : 'confidence low';
}

/** The paste form: a page as scraped, and what the page may not say (outlet, date, URL). */
function PasteForm() {
  const last = session.lastPage();
  const [text, setText] = useState(last?.text ?? '');
  const [outlet, setOutlet] = useState(last?.outlet ?? '');
  const [publishedOn, setPublishedOn] = useState(last?.publishedOn ?? '');
  const [url, setUrl] = useState(last?.url ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: PageInputData = {
      text,
      outlet: outlet.trim() || null,
      publishedOn: publishedOn || null,
      url: url.trim() || null,
    };
    const key = pageKey(input);
    session.setLastPage(input);
    session.setPage(key, input, session.page(key)?.decisions ?? null);
    navigate(href('/review', { page: key }));
  };
  return (
    <section className="review-screen">
      <h1>Extraction review</h1>
      <p className="muted">
        Paste a news page as scraped (Arabic or English, menus and widgets included). <code>extractPage</code> proposes
        who said what about whom; nothing is written until you ingest the statements you accept with an editor key.
      </p>
      <form className="paste-form" onSubmit={submit}>
        <label className="page-text">
          Page text
          <textarea
            name="page"
            dir="auto"
            rows={14}
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="الكرملين: لقاء ترامب وبوتين ضروري …"
            required
          />
        </label>
        <div className="filters">
          <label>
            Outlet <input name="outlet" dir="auto" value={outlet} onChange={(e) => setOutlet(e.target.value)} />
          </label>
          <label>
            Published on{' '}
            <input
              name="publishedOn"
              type="date"
              value={publishedOn}
              onChange={(e) => setPublishedOn(e.target.value)}
            />
          </label>
          <label>
            URL <input name="url" type="url" dir="ltr" value={url} onChange={(e) => setUrl(e.target.value)} />
          </label>
          <span className="muted">(only when the page does not say)</span>
        </div>
        <button type="submit" disabled={text.trim() === ''}>
          Extract candidates
        </button>
      </form>
    </section>
  );
}

function StatementEditor({
  statement,
  edit,
  onChange,
  onClose,
}: {
  statement: StatementDraft;
  edit: StatementEdit;
  onChange: (edit: StatementEdit) => void;
  onClose: () => void;
}) {
  const current = edited(statement, edit);
  return (
    <div className="statement-editor">
      <EntityPicker
        label="Speaker"
        value={current.speaker.id ?? ''}
        onPick={(id) => onChange({ ...edit, speaker: { id, name: null, kind: null, country: null } })}
      />
      <label>
        Form{' '}
        <select
          value={current.form}
          onChange={(e) => onChange({ ...edit, form: e.target.value as StatementDraft['form'] })}
        >
          <option value="DIRECT_QUOTE">direct quote</option>
          <option value="PARAPHRASE">paraphrase</option>
        </select>
      </label>
      <label>
        CAMEO{' '}
        <input
          className="cameo-input"
          value={current.cameo}
          pattern="(0[1-9]|1[0-9]|20)[0-9]{0,2}"
          title="2 to 4 digits, category 01-20"
          onChange={(e) => onChange({ ...edit, cameo: e.target.value.trim() })}
        />
      </label>
      <label>
        Goldstein{' '}
        <input
          type="number"
          min={-10}
          max={10}
          step={0.1}
          value={current.goldstein ?? ''}
          onChange={(e) => onChange({ ...edit, goldstein: e.target.value === '' ? null : Number(e.target.value) })}
        />
      </label>
      <label className="wide">
        Words
        <textarea
          dir="auto"
          rows={3}
          value={current.text}
          onChange={(e) => onChange({ ...edit, text: e.target.value })}
        />
      </label>
      <label className="wide">
        English translation
        <input
          dir="auto"
          value={current.translation ?? ''}
          onChange={(e) => onChange({ ...edit, translation: e.target.value || null })}
        />
      </label>
      <div className="actions">
        <button type="button" onClick={onClose}>
          Done
        </button>
        <button type="button" onClick={() => onChange({})}>
          Undo edits
        </button>
      </div>
    </div>
  );
}

function Candidate({
  extraction,
  articleIndex,
  index,
  decision,
  selected,
  onSelect,
  onDecide,
}: {
  extraction: ExtractedArticle;
  articleIndex: number;
  index: number;
  decision: Decision;
  selected: boolean;
  onSelect: () => void;
  onDecide: (decision: Decision) => void;
}) {
  const [editing, setEditing] = useState(false);
  const draft = extraction.article.statements[index]!;
  const extracted = extraction.statements[index]!;
  const statement = edited(draft, decision.edit);
  const reasons = reviewReasons(draft, extracted);
  const meetings = new Map(extraction.meetings.map((m) => [m.key, m]));
  const markId = `cand-${articleIndex}-${index}`;
  const select = () => {
    onSelect();
    const mark = document.getElementById(markId);
    const box = mark?.closest('.article-text');
    if (mark && box instanceof HTMLElement) {
      box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
    }
  };
  return (
    <li
      className={`candidate ${decision.status}${selected ? ' selected' : ''}`}
      data-candidate={index}
      data-status={decision.status}
    >
      <header>
        <button type="button" className="candidate-number" onClick={select} title="Show its span in the text">
          #{index + 1}
        </button>
        <span className={confidenceClass(extracted.confidence)} title="confidence, 0..1">
          {extracted.confidence.toFixed(2)}
        </span>
        <span className="chip">{statement.form === 'DIRECT_QUOTE' ? 'direct quote' : 'paraphrase'}</span>
        {decision.edit && Object.keys(decision.edit).length > 0 && <span className="chip edited">edited</span>}
        <span className="decision" role="group" aria-label={`decision on candidate ${index + 1}`}>
          <button
            type="button"
            aria-pressed={decision.status === 'accepted'}
            onClick={() => onDecide({ ...decision, status: 'accepted' })}
          >
            Accept
          </button>
          <button
            type="button"
            aria-pressed={editing}
            onClick={() => {
              setEditing(!editing);
              onDecide({ ...decision, status: 'accepted' });
            }}
          >
            Edit
          </button>
          <button
            type="button"
            aria-pressed={decision.status === 'dropped'}
            onClick={() => {
              setEditing(false);
              onDecide({ ...decision, status: 'dropped' });
            }}
          >
            Drop
          </button>
        </span>
      </header>
      <p className="candidate-text" dir="auto" onClick={select}>
        {statement.text}
      </p>
      {statement.translation && <Text className="translation">{statement.translation}</Text>}
      {reasons.length > 0 && (
        <ul className="notice review-reasons" aria-label="reasons to review">
          {reasons.map((reason) => (
            <li key={reason} dir="auto">
              {reason}
            </li>
          ))}
        </ul>
      )}
      <dl className="facts">
        <dt>Speaker</dt>
        <dd>
          <RefView value={statement.speaker} />{' '}
          <span className="muted">
            ({extracted.speakerSource.toLowerCase()}, written <bdi>«{extracted.speakerWritten}»</bdi>)
          </span>
        </dd>
        <dt>Via</dt>
        <dd>
          <RefView value={statement.via} />
        </dd>
        <dt>On behalf of</dt>
        <dd>
          <RefView value={statement.onBehalfOf} />
        </dd>
        <dt>Verb</dt>
        <dd>
          <Text>{statement.verb ?? '—'}</Text>
        </dd>
        <dt>About</dt>
        <dd className="about">
          {statement.about.length === 0 && '—'}
          {statement.about.map((ref, i) => {
            const meeting = ref.meeting ? meetings.get(ref.meeting) : undefined;
            return (
              <span key={i}>
                {i > 0 && ', '}
                {ref.meeting ? (
                  <span dir="auto">
                    {meeting?.kind.toLowerCase().replace('_', ' ') ?? 'meeting'}{' '}
                    {meeting?.participants.map((p) => p.name).join(' – ')}{' '}
                    {meeting?.status && (
                      <span className={`status status-${meeting.status.toLowerCase()}`}>{meeting.status}</span>
                    )}
                  </span>
                ) : (
                  <RefView value={ref} />
                )}
              </span>
            );
          })}
        </dd>
        <dt>Event</dt>
        <dd>
          <span className="chip">CAMEO {statement.cameo}</span>{' '}
          <span className="muted">
            {statement.cameo.slice(0, 2)}: {cameoRoot(statement.cameo)}
          </span>{' '}
          <span className={goldsteinClass(statement.goldstein)}>Goldstein {statement.goldstein ?? '—'}</span>
        </dd>
        <dt>Span</dt>
        <dd className="muted">
          {draft.span.start}–{draft.span.end} of the article (UTF-16)
        </dd>
      </dl>
      <details>
        <summary>Evidence ({extracted.evidence.length})</summary>
        <ul className="evidence">
          {extracted.evidence.map((line, i) => (
            <li key={i} dir="auto">
              {line}
            </li>
          ))}
          {statement.rationale && <li dir="auto">code: {statement.rationale}</li>}
        </ul>
      </details>
      {editing && (
        <StatementEditor
          statement={draft}
          edit={decision.edit ?? {}}
          onChange={(edit) => onDecide({ status: 'accepted', edit })}
          onClose={() => setEditing(false)}
        />
      )}
    </li>
  );
}

function ArticleReview({
  extraction,
  articleIndex,
  decisions,
  onDecide,
}: {
  extraction: ExtractedArticle;
  articleIndex: number;
  decisions: Decisions;
  onDecide: (key: string, decision: Decision) => void;
}) {
  const [selected, setSelected] = useState<number | null>(null);
  const article = extraction.article;
  const highlights: Highlight[] = article.statements.flatMap((statement, i) =>
    decisions[decisionKey(articleIndex, i)]?.status === 'dropped'
      ? []
      : [
          {
            start: statement.span.start,
            end: statement.span.end,
            primary: selected === i,
            id: `cand-${articleIndex}-${i}`,
            title: `#${i + 1}`,
          },
        ],
  );
  const accepted = article.statements.filter(
    (_, i) => decisions[decisionKey(articleIndex, i)]?.status === 'accepted',
  ).length;
  return (
    <section className="review-article" data-article={articleIndex}>
      <h2>
        <Text>{article.title}</Text>
      </h2>
      <p className="meta">
        Article {articleIndex + 1} · <RefView value={article.outlet} unknown="by name" /> ·{' '}
        {article.publishedOn ?? 'undated'} · {article.language} · page characters {extraction.pageSpan.start}–
        {extraction.pageSpan.end} · {article.statements.length} candidates, {accepted} accepted
        {extraction.confidence !== null && ` · mean confidence ${extraction.confidence.toFixed(2)}`}
      </p>
      {extraction.proposedActors.length > 0 && (
        <p className="notice">
          Not in the graph (ingesting a statement they speak creates them):{' '}
          {extraction.proposedActors.map((actor, i) => (
            <span key={actor.name}>
              {i > 0 && ', '}
              <bdi>{actor.name}</bdi> <span className="muted">({actor.kind.toLowerCase()})</span>
            </span>
          ))}
        </p>
      )}
      {article.statements.length === 0 ? (
        <Empty>No candidate statement in this article.</Empty>
      ) : (
        <div className="review-columns">
          <div className="review-text">
            <SpanText text={article.text} highlights={highlights} />
          </div>
          <ol className="candidates">
            {article.statements.map((_, i) => (
              <Candidate
                key={i}
                extraction={extraction}
                articleIndex={articleIndex}
                index={i}
                decision={decisions[decisionKey(articleIndex, i)] ?? { status: 'dropped' }}
                selected={selected === i}
                onSelect={() => setSelected(i)}
                onDecide={(decision) => {
                  setSelected(i);
                  onDecide(decisionKey(articleIndex, i), decision);
                }}
              />
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

const COUNTS: (keyof IngestCounts)[] = ['articles', 'statements', 'actors', 'meetings', 'topics'];

type IngestState =
  | { status: 'idle' }
  | { status: 'running'; done: number; of: number }
  | { status: 'done'; results: { title: string; data: IngestArticleData['ingestArticle'] }[]; error?: ApiError };

function IngestResults({ state }: { state: Extract<IngestState, { status: 'done' }> }) {
  const total = (which: 'created' | 'matched', k: keyof IngestCounts) =>
    state.results.reduce((sum, r) => sum + r.data[which][k], 0);
  return (
    <div className="ingest-result" role="status">
      {state.error && (
        <>
          <p>
            {state.results.length > 0
              ? `${state.results.length} article(s) were ingested before this error; the rest was not written:`
              : 'Nothing was written:'}
          </p>
          <ErrorBox error={state.error} />
        </>
      )}
      {state.results.length > 0 && <h2>Ingested: created / matched</h2>}
      {state.results.length > 0 && (
        <table className="numbers">
          <thead>
            <tr>
              <th>Article</th>
              {COUNTS.map((k) => (
                <th key={k}>{k}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {state.results.map((r) => (
              <tr key={r.data.article.id}>
                <td>
                  <NodeLink node={{ id: r.data.article.id, name: r.data.article.title }} />
                </td>
                {COUNTS.map((k) => (
                  <td key={k} data-count={k}>
                    {r.data.created[k]} / {r.data.matched[k]}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="total">
              <td>Total</td>
              {COUNTS.map((k) => (
                <td key={k} data-created={k}>
                  {total('created', k)} / {total('matched', k)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The key field and the ingest button, with what the ingest did. */
function IngestBar({ articles, decisions }: { articles: ExtractedArticle[]; decisions: Decisions }) {
  const [key, setKey] = useState(session.editorKey);
  const [state, setState] = useState<IngestState>({ status: 'idle' });
  const reviewed = useMemo(
    () =>
      articles
        .map((a, i) => reviewedArticle(a.article, i, decisions))
        .filter((a): a is NonNullable<typeof a> => a !== null),
    [articles, decisions],
  );
  const accepted = reviewed.reduce((sum, a) => sum + a.statements.length, 0);
  const outcome = useRef<HTMLElement>(null);
  useEffect(() => {
    if (state.status === 'done') outcome.current?.scrollIntoView({ block: 'nearest' });
  }, [state.status]);
  const ingest = async () => {
    const results: { title: string; data: IngestArticleData['ingestArticle'] }[] = [];
    // One request per article: each lands whole or not at all, and the first failure stops the rest.
    for (const [i, input] of reviewed.entries()) {
      setState({ status: 'running', done: i, of: reviewed.length });
      try {
        const data = await request<IngestArticleData>(
          INGEST_ARTICLE,
          { input },
          { authorization: `Bearer ${key.trim()}` },
        );
        results.push({ title: input.title, data: data.ingestArticle });
      } catch (error) {
        setState({
          status: 'done',
          results,
          error: error instanceof ApiError ? error : new ApiError(String(error), 'CLIENT_ERROR'),
        });
        return;
      }
    }
    setState({ status: 'done', results });
  };
  return (
    <>
      <section className="ingest-bar" aria-label="Ingest">
        <form
          className="filters"
          onSubmit={(event) => {
            event.preventDefault();
            void ingest();
          }}
        >
          <label>
            Editor key{' '}
            <input
              name="editorKey"
              type="password"
              autoComplete="off"
              value={key}
              onChange={(e) => {
                setKey(e.target.value);
                session.setEditorKey(e.target.value.trim());
              }}
            />
          </label>
          {key && (
            <button
              type="button"
              onClick={() => {
                setKey('');
                session.setEditorKey('');
              }}
            >
              Forget key
            </button>
          )}
          <button
            type="submit"
            className="primary"
            disabled={accepted === 0 || key.trim() === '' || state.status === 'running'}
          >
            Ingest {accepted} accepted statement{accepted === 1 ? '' : 's'} ({reviewed.length} article
            {reviewed.length === 1 ? '' : 's'})
          </button>
          <span className="muted">kept for this tab only (sessionStorage), sent as Authorization: Bearer</span>
        </form>
        {state.status === 'running' && (
          <p className="state state-loading" role="status" aria-busy="true">
            Ingesting article {state.done + 1} of {state.of}…
          </p>
        )}
      </section>
      <section className="ingest-outcome" ref={outcome}>
        {state.status === 'done' && <IngestResults state={state} />}
      </section>
    </>
  );
}

function Review({ pageKey: key, input, data }: { pageKey: string; input: PageInputData; data: ExtractPageData }) {
  const articles = data.extractPage.articles;
  const [decisions, setDecisions] = useState<Decisions>(
    () => session.page(key)?.decisions ?? initialDecisions(articles),
  );
  useEffect(() => session.setPage(key, input, decisions), [key, input, decisions]);
  const all = articles.reduce((sum, a) => sum + a.article.statements.length, 0);
  const accepted = Object.values(decisions).filter((d) => d.status === 'accepted').length;
  if (all === 0) {
    return (
      <Empty>
        No candidate statement on this page ({articles.length} article{articles.length === 1 ? '' : 's'} found).{' '}
        <Link to="/review">Paste another page</Link>
      </Empty>
    );
  }
  return (
    <>
      <p className="muted review-summary">
        {articles.length} article{articles.length === 1 ? '' : 's'}, {all} candidate statements, {accepted} accepted.
        Candidates with a reason to review start dropped; accept them to ingest them. Click a number to find its span.{' '}
        <button type="button" onClick={() => setDecisions(initialDecisions(articles))}>
          Reset decisions
        </button>
      </p>
      {articles.map((extraction, i) => (
        <ArticleReview
          key={i}
          extraction={extraction}
          articleIndex={i}
          decisions={decisions}
          onDecide={(k, decision) => setDecisions((current) => ({ ...current, [k]: decision }))}
        />
      ))}
      <IngestBar articles={articles} decisions={decisions} />
    </>
  );
}

function ReviewPage({ pageKey: key }: { pageKey: string }) {
  const stored = useMemo(() => session.page(key), [key]);
  const state = useQuery<ExtractPageData>(EXTRACT_PAGE, { input: stored?.input ?? null }, !stored);
  if (!stored) {
    return (
      <section className="review-screen">
        <h1>Extraction review</h1>
        <Empty>
          This page is not in this tab’s session (pasted pages stay in the tab they were pasted in).{' '}
          <Link to="/review">Paste a page</Link>
        </Empty>
      </section>
    );
  }
  return (
    <section className="review-screen">
      <h1>Extraction review</h1>
      <p>
        <Link to="/review">← Edit the page</Link>
        {stored.input.outlet && <span className="muted"> · outlet {stored.input.outlet}</span>}
        <span className="muted"> · {stored.input.text.length.toLocaleString('en')} characters</span>
      </p>
      <QueryView state={state} what="Extracting candidate statements">
        {(data) => <Review pageKey={key} input={stored.input} data={data} />}
      </QueryView>
    </section>
  );
}

/**
 * Extraction review: paste a page, check the candidates extractPage proposes (their spans highlighted in the
 * article text), accept, edit or drop each, and ingest the accepted ones with ingestArticle and an editor key.
 * `/review` is the paste form, `/review?page=KEY` the review of a page pasted in this tab.
 */
export function ReviewScreen({ page }: { page: string }) {
  return page ? <ReviewPage pageKey={page} /> : <PasteForm />;
}
