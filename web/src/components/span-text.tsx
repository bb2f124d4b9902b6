import { Fragment, type ReactNode } from 'react';

/** A highlighted stretch of an article: UTF-16 offsets, end exclusive (the API's Span). */
export interface Highlight {
  start: number;
  end: number;
  /** Marks the span the page is about; others are shown lighter. */
  primary?: boolean;
  title?: string;
  id?: string;
}

/**
 * The article text verbatim with spans marked. JavaScript strings index in UTF-16 code units, the unit of the
 * API's offsets, so slicing gives exactly Span.text. Overlapping spans are clipped to the earlier one.
 */
export function SpanText({ text, highlights }: { text: string; highlights: Highlight[] }) {
  const sorted = [...highlights]
    .filter((h) => h.start >= 0 && h.end <= text.length && h.start < h.end)
    .sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  sorted.forEach((highlight, index) => {
    const start = Math.max(highlight.start, at);
    if (start >= highlight.end) return;
    if (start > at) parts.push(<Fragment key={`t${index}`}>{text.slice(at, start)}</Fragment>);
    parts.push(
      <mark
        key={`m${index}`}
        className={highlight.primary ? 'span primary' : 'span'}
        title={highlight.title}
        data-start={highlight.start}
        data-end={highlight.end}
        id={highlight.id}
      >
        {text.slice(start, highlight.end)}
      </mark>,
    );
    at = highlight.end;
  });
  if (at < text.length) parts.push(<Fragment key="rest">{text.slice(at)}</Fragment>);
  return (
    <div className="article-text" dir="auto">
      {parts}
    </div>
  );
}
