import type { CandidateRef, PageExtractionData } from './extract.model';

function name(r: CandidateRef | null): string {
  if (!r) return '-';
  const tag = r.source === 'RESOLVED' ? '' : ` [${r.source.toLowerCase()}]`;
  return `${r.name}${tag}`;
}

/** A readable preview of a page's extraction, statement by statement (the CLI's default output). */
export function previewText(file: string, extraction: PageExtractionData): string {
  const lines: string[] = [`== ${file}: ${extraction.articles.length} article(s)`];
  extraction.articles.forEach((a, ai) => {
    lines.push(
      '',
      `# ${ai + 1}. ${a.title} (${a.language}, ${a.publishedOn ?? 'undated'}, ${a.outlet.name || 'no outlet'})`,
    );
    lines.push(
      `   page ${a.pageSpan.start}-${a.pageSpan.end}, ${a.statements.length} statement(s), ${a.meetings.length} meeting(s)`,
    );
    a.statements.forEach((s, si) => {
      lines.push('');
      lines.push(`  [${si}] ${name(s.speaker)} ${s.verb} (${s.form}) confidence ${s.confidence}`);
      if (s.onBehalfOf) lines.push(`      on behalf of: ${name(s.onBehalfOf)}`);
      if (s.via) lines.push(`      via: ${name(s.via)}`);
      const about = s.about.map((x) => ('meeting' in x ? `meeting ${x.meeting}` : x.name));
      lines.push(`      about: ${about.join(', ') || '-'}`);
      lines.push(`      CAMEO ${s.cameo}${s.plover ? ` / ${s.plover}` : ''}, Goldstein ${s.goldstein}`);
      lines.push(`      text ${s.span.start}-${s.span.end} (page ${s.pageSpan.start}-${s.pageSpan.end}): ${s.text}`);
      if (s.quote) lines.push(`      quote: ${s.quote}`);
      for (const e of s.evidence) lines.push(`      · ${e}`);
      for (const r of s.review) lines.push(`      ! review: ${r}`);
    });
    for (const m of a.meetings) {
      lines.push(
        '',
        `  meeting ${m.key}: ${m.kind}, ${m.status ?? 'no status'}${m.durationMinutes ? `, ${m.durationMinutes} min` : ''} (statements ${m.statusStatements.join(', ') || '-'}), ${m.participants.map((p) => p.name).join(' + ')}`,
      );
    }
    for (const p of a.proposedActors)
      lines.push(`  proposed new actor: ${p.name} (${p.kind}${p.country ? `, ${p.country}` : ''}) — ${p.evidence}`);
  });
  return lines.join('\n');
}
