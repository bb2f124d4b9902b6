import { cameoCode } from '../../shared/cameo/cameo-codes';
import type { Lexicon } from '../lexicon/lexicon';
import type { EventRule, ReportingVerb } from '../lexicon/lexicon.schema';
import type { Token } from '../text/tokens';

/** The event code of a statement and the rule that chose it. */
export interface EventCode {
  cameo: string;
  goldstein: number;
  plover: string | null;
  rationale: string;
  /** Whether a strong cue (denial, accusation, threat ...) chose the code: a meeting's status does not override it. */
  strong: boolean;
  /** Whether the verb or a cue is an appeal (020): an appeal about a proposed meeting is 026. */
  appeal: boolean;
}

/**
 * Whether token k negates what follows: a negation word (attribution-cues.json negations; with `variants`, also
 * through its proclitics) that opens no negationExceptions phrase (لا يزال منفتحاً "is still open" negates nothing).
 */
export function isNegation(tokens: readonly Token[], k: number, lex: Lexicon, variants = false): boolean {
  const t = tokens[k]!;
  const keys = variants ? [t.norm, ...t.variants] : [t.norm];
  if (!keys.some((v) => lex.negations.has(v))) return false;
  return lex.negationExceptions.matchAt(tokens, k) === null;
}

function negated(tokens: readonly Token[], at: number, lex: Lexicon): boolean {
  for (let k = Math.max(0, at - 2); k < at; k++) if (isNegation(tokens, k, lex)) return true;
  return false;
}

/**
 * Codes a statement (CAMEO code, Goldstein score, PLOVER category) from its reporting verb and the cue words of
 * event-cues.json. Rules are tried in file order over the reported words `content` (token range) and, for rules
 * marked inAttribution, over the whole statement `whole`; a strong rule beats the verb's own code, the verb's code
 * (when not 010) beats a weak rule, a weak rule beats 010. A cue right after a negation does not count. Scores
 * come from src/shared/cameo/cameo-codes.json.
 */
export function codeEvent(
  tokens: readonly Token[],
  content: readonly { from: number; to: number }[],
  whole: { from: number; to: number },
  verb: ReportingVerb,
  participles: readonly ReportingVerb[],
  aboutMeeting: boolean,
  lex: Lexicon,
): EventCode {
  let best: { rule: EventRule; cue: string } | null = null;
  // Words of a phrase that makes no statement (لكنه رفض الكشف عن مضمونها): their رفض rejects nothing.
  const idle = lex.nonStatements.findAll(tokens);
  const consider = (from: number, to: number, attributionOnly: boolean) => {
    for (const m of lex.eventRules.findAll(tokens, from, to)) {
      if (negated(tokens, m.from, lex)) continue;
      if (idle.some((x) => m.from < x.to && x.from < m.to)) continue;
      for (const rule of m.entries) {
        if (attributionOnly && !rule.inAttribution) continue;
        if (rule.needsMeeting && !aboutMeeting) continue;
        if (!best || lex.eventRuleOrder.get(rule)! < lex.eventRuleOrder.get(best.rule)!) {
          best = {
            rule,
            cue: tokens
              .slice(m.from, m.to)
              .map((t) => t.text)
              .join(' '),
          };
        }
      }
    }
  };
  for (const range of content) consider(range.from, range.to, false);
  const inContent = (k: number) => content.some((r) => k >= r.from && k < r.to);
  for (let k = whole.from; k < whole.to;) {
    if (inContent(k)) {
      k += 1;
      continue;
    }
    let end = k;
    while (end < whole.to && !inContent(end)) end += 1;
    consider(k, end, true);
    k = end;
  }
  // A participle that carries a stance (متهماً accusing, محذراً warning) codes the act when its verb does not.
  const carrier = verb.cameo !== '010' ? verb : (participles.find((p) => p.cameo !== '010') ?? verb);
  const chosen = best as { rule: EventRule; cue: string } | null;
  let code: string;
  let why: string;
  if (chosen && (chosen.rule.strong || carrier.cameo === '010')) {
    code = chosen.rule.code;
    why = `rule "${chosen.rule.id}" (event-cues.json): cue «${chosen.cue}»`;
  } else if (carrier.cameo !== '010') {
    code = carrier.cameo;
    why = `the verb ${carrier.lemma} (${carrier.gloss}) codes ${carrier.cameo} (reporting-verbs.json)`;
  } else {
    code = '010';
    why = `no cue word: the verb ${verb.lemma} (${verb.gloss}) is a plain statement`;
  }
  const entry = cameoCode(code)!;
  return {
    strong: chosen !== null && chosen.rule.strong && chosen.rule.code === code,
    appeal: code.startsWith('02') || carrier.cameo.startsWith('02'),
    cameo: entry.code,
    goldstein: entry.goldstein,
    plover: entry.plover,
    rationale: `${why} → CAMEO ${entry.code} "${entry.meaning}" (Goldstein ${entry.goldstein})`,
  };
}

/**
 * Recodes a statement from the status it asserts for a meeting (meeting-cues.json): REJECTED or CANCELLED is 125
 * "reject proposal to meet", PROPOSED with an appeal 026 "appeal to others to meet", PROPOSED or PLANNED 036
 * "express intent to meet". A code chosen by a strong cue stays. Returns null when nothing changes.
 */
export function codeFromMeetingStatus(event: EventCode, statuses: readonly string[]): EventCode | null {
  if (event.strong && !statuses.some((s) => s === 'REJECTED' || s === 'CANCELLED')) return null;
  let code: string | null = null;
  if (statuses.some((s) => s === 'REJECTED' || s === 'CANCELLED')) code = event.cameo === '016' ? null : '125';
  else if (statuses.includes('PROPOSED')) code = event.appeal ? '026' : '036';
  else if (statuses.includes('PLANNED')) code = '036';
  if (!code || code === event.cameo) return null;
  const entry = cameoCode(code)!;
  return {
    ...event,
    cameo: entry.code,
    goldstein: entry.goldstein,
    plover: entry.plover,
    rationale: `the meeting status it asserts (${statuses.join(', ')}) → CAMEO ${entry.code} "${entry.meaning}" (Goldstein ${entry.goldstein})`,
  };
}
