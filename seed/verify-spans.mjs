// Checks every statement span of the seed annotation against its article text.
// Usage: node seed/verify-spans.mjs [path/to/annotation.json]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? join(here, 'al-ittihad-2025-05.json');
const doc = JSON.parse(readFileSync(file, 'utf8'));

// Goldstein score per CAMEO code (domain notes' table).
const GOLDSTEIN = {
  '010': 0.0,
  '012': -0.4,
  '013': 0.4,
  '020': 3.0,
  '026': 4.0,
  '036': 4.0,
  '040': 1.0,
  '041': 1.0,
  '042': 1.9,
  '043': 2.8,
  '044': 2.5,
  111: -2.0,
  112: -2.0,
  120: -4.0,
  125: -5.0,
  130: -4.4,
  138: -7.0,
};

let failures = 0;
const fail = (where, msg) => {
  failures++;
  console.error(`${where} FAIL: ${msg}`);
};

doc.articles.forEach((article, i) => {
  const text = article.text;
  const meetingKeys = new Set((article.meetings ?? []).map((m) => m.key));
  article.statements.forEach((s, j) => {
    const where = `article ${i} statement ${j}`;
    const before = failures;
    const { start, end } = s.span ?? {};
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length)) {
      fail(where, `bad span ${JSON.stringify(s.span)} (text length ${text.length})`);
    } else {
      const slice = text.slice(start, end);
      if (slice !== s.text) fail(where, `text.slice(${start}, ${end}) !== statement.text`);
      if (s.form === 'DIRECT_QUOTE' && !(typeof s.quote === 'string' && s.quote && slice.includes(s.quote)))
        fail(where, 'DIRECT_QUOTE without a quote inside the span');
      if (s.form !== 'DIRECT_QUOTE' && s.quote !== undefined) fail(where, 'quote given on a non-DIRECT_QUOTE');
      if (s.verb && !slice.includes(s.verb)) fail(where, `verb "${s.verb}" not in span`);
    }
    if (s.cameo !== undefined && GOLDSTEIN[s.cameo] !== s.goldstein)
      fail(where, `goldstein ${s.goldstein} does not match CAMEO ${s.cameo} (${GOLDSTEIN[s.cameo]})`);
    for (const a of s.about ?? [])
      if (a.meeting !== undefined && !meetingKeys.has(a.meeting)) fail(where, `unknown meeting "${a.meeting}"`);
    if (failures === before) console.log(`${where} ok: ${s.text.slice(0, 40)}`);
  });
  for (const m of article.meetings ?? []) {
    for (const k of m.statusStatements ?? []) {
      const s = article.statements[k];
      if (!s) fail(`article ${i} meeting ${m.key}`, `statusStatements index ${k} out of range`);
      else if (!(s.about ?? []).some((a) => a.meeting === m.key))
        fail(`article ${i} meeting ${m.key}`, `statement ${k} is not about this meeting`);
    }
  }
});

if (failures) {
  console.error(`${failures} failure(s)`);
  process.exit(1);
}
