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
}

function negated(tokens: readonly Token[], at: number, lex: Lexicon): boolean {
  for (let k = Math.max(0, at - 2); k < at; k++) if (lex.negations.has(tokens[k]!.norm)) return true;
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
  content: { from: number; to: number },
  whole: { from: number; to: number },
  verb: ReportingVerb,
  aboutMeeting: boolean,
  lex: Lexicon,
): EventCode {
  let best: { rule: EventRule; cue: string } | null = null;
  const consider = (from: number, to: number, attributionOnly: boolean) => {
    for (const m of lex.eventRules.findAll(tokens, from, to)) {
      if (negated(tokens, m.from, lex)) continue;
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
  consider(content.from, content.to, false);
  consider(whole.from, content.from, true);
  consider(content.to, whole.to, true);
  const chosen = best as { rule: EventRule; cue: string } | null;
  let code: string;
  let why: string;
  if (chosen && (chosen.rule.strong || verb.cameo === '010')) {
    code = chosen.rule.code;
    why = `rule "${chosen.rule.id}" (event-cues.json): cue «${chosen.cue}»`;
  } else if (verb.cameo !== '010') {
    code = verb.cameo;
    why = `the verb ${verb.lemma} (${verb.gloss}) codes ${verb.cameo} (reporting-verbs.json)`;
  } else {
    code = '010';
    why = `no cue word: the verb ${verb.lemma} (${verb.gloss}) is a plain statement`;
  }
  const entry = cameoCode(code)!;
  return {
    cameo: entry.code,
    goldstein: entry.goldstein,
    plover: entry.plover,
    rationale: `${why} → CAMEO ${entry.code} "${entry.meaning}" (Goldstein ${entry.goldstein})`,
  };
}
