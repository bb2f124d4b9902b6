// TEMPORARY minimal splitter, until branch extract-page lands src/extract/page/ (deleted on merge).
import type { PageArticle, SplitPageOptions, TextSpan } from './page.model';

const READ_ALSO = /^(?:إقرأ أيضاً|اقرأ أيضا|اقرأ أيضاً|إقرأ أيضا|Read also|Related|READ MORE)\s*:?\s*$/i;
const FURNITURE = /^(?:تاريخ النشر|المصدر|كلمات دلالية|Source|Tags)\s*:/;
const WIDGET = /^أخبار ذات صلة/;
const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

function findDate(line: string): string | null {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(line);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const m = /(\d{1,2})(?:st|nd|rd|th)?,?\s+([A-Za-z]+)\s+(\d{4})/.exec(line);
  if (m && MONTHS[m[2]!.toLowerCase()]) {
    return `${m[3]}-${String(MONTHS[m[2]!.toLowerCase()]).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  return null;
}

export function splitPage(page: string, options: SplitPageOptions = {}): PageArticle[] {
  const lines: { text: string; start: number }[] = [];
  let at = 0;
  for (const raw of page.split('\n')) {
    lines.push({ text: raw, start: at });
    at += raw.length + 1;
  }
  const groups: { text: string; start: number }[][] = [[]];
  for (const line of lines) {
    if (READ_ALSO.test(line.text.trim())) groups.push([]);
    else groups[groups.length - 1]!.push(line);
  }
  const articles: PageArticle[] = [];
  for (const group of groups) {
    let publishedOn: string | null = null;
    const kept: { text: string; start: number }[] = [];
    for (const line of group) {
      const trimmed = line.text.trim();
      if (!trimmed) continue;
      if (FURNITURE.test(trimmed)) {
        publishedOn ??= findDate(trimmed);
        continue;
      }
      if (WIDGET.test(line.text)) {
        const cut = 'أخبار ذات صلة'.length;
        kept.push({ text: line.text.slice(cut), start: line.start + cut });
      } else kept.push(line);
    }
    if (kept.length < 2) continue;
    let text = '';
    const offsets: number[] = [];
    const spans: TextSpan[] = [];
    kept.forEach((line, i) => {
      if (i > 0) {
        offsets.push(kept[i - 1]!.start + kept[i - 1]!.text.length);
        text += '\n';
      }
      spans.push({ start: text.length, end: text.length + line.text.length });
      for (let k = 0; k < line.text.length; k++) offsets.push(line.start + k);
      text += line.text;
    });
    offsets.push(kept[kept.length - 1]!.start + kept[kept.length - 1]!.text.length);
    const datelineAt = /\((?:[^)]*)\)\s*$/.test(kept[1]!.text) && kept[1]!.text.length < 80 ? 1 : -1;
    const bodyFrom = datelineAt === 1 ? 2 : 1;
    if (bodyFrom >= spans.length) continue;
    const arabic = (text.match(/[\u0600-\u06FF]/g) ?? []).length;
    const latin = (text.match(/[A-Za-z]/g) ?? []).length;
    const credit =
      datelineAt === 1
        ? /\(([^)]*)\)/
            .exec(kept[1]!.text)![1]!
            .split(/[،,]/)
            .map((s) => s.trim())
        : [];
    articles.push({
      text,
      title: kept[0]!.text,
      titleSpan: spans[0]!,
      datelineSpan: datelineAt === 1 ? spans[1]! : null,
      bodySpan: { start: spans[bodyFrom]!.start, end: text.length },
      paragraphs: spans.slice(bodyFrom),
      pageOffsets: Int32Array.from(offsets),
      pageSpan: { start: kept[0]!.start, end: offsets[offsets.length - 1]! },
      publishedOn: publishedOn ?? options.publishedOn ?? null,
      language: arabic >= latin ? 'ar' : 'en',
      datelinePlaces:
        datelineAt === 1
          ? kept[1]!.text
              .replace(/\(.*$/, '')
              .split(/[،,]/)
              .map((s) => s.trim())
          : [],
      outlet: options.outlet ?? null,
      agencies: credit.slice(1),
      evidence: ['temporary splitter'],
    });
  }
  return articles;
}
