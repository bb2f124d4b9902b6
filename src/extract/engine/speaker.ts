/**
 * Who speaks, for whom, through whom: candidate references, the speaker of a reporting act (named, by role,
 * pronoun or the previous statement's speaker) and a spokesperson's institution, with the candidate confidence.
 */
import { toGlobalId } from '../../shared/global-id';
import { ActorKind } from '../../shared/graphql/enums';
import type { AliasIndex, IndexedEntity } from '../alias-index';
import type { CandidateRef, RefSource } from '../extract.model';
import type { Lexicon, VerbForm } from '../lexicon/lexicon';
import { wordsOf } from './mentions';
import { type SentenceView } from './sentence';
import { hasSpeaker, type SubjectPhrase } from './subject';

export interface Speaker {
  ref: CandidateRef;
  entity: IndexedEntity | null;
  onBehalfOf: CandidateRef | null;
  via: CandidateRef | null;
}

/** A candidate reference to an entity of the alias index, as written in the text, with how it was found. */
export function refOf(entity: IndexedEntity, written: string, source: RefSource = 'RESOLVED'): CandidateRef {
  return {
    id: toGlobalId(entity.type, entity.key),
    type: entity.type,
    key: entity.key,
    name: entity.nameEn,
    written,
    source,
    kind: entity.kind,
    country: entity.country,
  };
}

/** A candidate reference to something the graph does not hold yet (a new or unnamed speaker), by its written form. */
export function unresolvedRef(
  written: string,
  source: RefSource,
  kind: ActorKind | null,
  country: string | null,
): CandidateRef {
  return { id: null, type: null, key: null, name: written, written, source, kind, country };
}

/** Confidence of a candidate: verb certainty + speaker certainty + form, in 0..1 (two decimals). */
export function confidenceOf(form: VerbForm, source: RefSource, quoted: boolean): number {
  const verb = form.type === 'finite' ? (form.verb.ambiguous ? 0.2 : 0.3) : 0.2;
  const speaker: Record<RefSource, number> = {
    RESOLVED: 0.6,
    ROLE: 0.5,
    PREVIOUS: 0.5,
    UNNAMED: 0.5,
    NEW: 0.3,
    UNRESOLVED: 0.1,
  };
  const value = verb + speaker[source] + (quoted ? 0.1 : 0.05);
  return Math.round(Math.min(1, value) * 100) / 100;
}

/**
 * A spokesperson speaks for the institution of the role they hold at the date (the Kremlin's spokesman for the
 * Kremlin): the organization of a spokesperson Role, else its country.
 */
export function spokespersonFor(
  person: IndexedEntity,
  index: AliasIndex,
  date: string | null,
  evidence: string[],
): CandidateRef | null {
  const role = index.rolesOf(person.key, date).find((r) => r.offices.includes('spokesperson'));
  if (!role) return null;
  const scope = role.organization
    ? index.entity('Actor', role.organization)
    : role.country
      ? index.entity('Country', role.country)
      : undefined;
  if (!scope) return null;
  evidence.push(
    `on behalf of ${scope.nameEn}: ${person.nameEn} is its spokesperson on ${date ?? 'today'} (graph Role)`,
  );
  return refOf(scope, person.nameEn);
}

/** The last ASCII word of a name, folded and lower-cased (lavrov for Sergey Lavrov): a stem for generated keys. */
export function slug(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words[words.length - 1] ?? 'x';
}

/** Builds the speaker of an act from its subject phrase (or the previous statement's speaker). */
export function speakerOf(
  view: SentenceView,
  s: SubjectPhrase | null,
  previous: Speaker | null,
  index: AliasIndex,
  lex: Lexicon,
  date: string | null,
  evidence: string[],
  review: string[],
  anonymous: boolean,
): Speaker | null {
  const written = s ? wordsOf(view.text, view.tokens, s.from, s.to) : '';
  if (!s || s.pronoun || !hasSpeaker(s)) {
    if (!previous) return null;
    evidence.push(
      `no subject${s?.pronoun ? ` but «${written}»` : ''}: continues the previous speaker (${previous.ref.name})`,
    );
    return { ...previous, ref: { ...previous.ref, source: 'PREVIOUS', written: written || previous.ref.written } };
  }
  let onBehalfOf: CandidateRef | null = null;
  if (s.office?.onBehalf) {
    const scope = s.scopeEntity ?? (s.scopeCountry ? (index.entity('Country', s.scopeCountry) ?? null) : null);
    if (scope) {
      onBehalfOf = refOf(scope, written);
      evidence.push(`on behalf of ${scope.nameEn}: office "${s.office.id}" of «${written}» (offices.json)`);
    }
  }
  if (s.person && !anonymous) {
    evidence.push(`speaker: ${s.personVia}${s.coSpeaker ? ` (jointly with ${s.coSpeaker.nameEn})` : ''}`);
    if (!onBehalfOf) onBehalfOf = spokespersonFor(s.person, index, date, evidence);
    return { ref: refOf(s.person, written), entity: s.person, onBehalfOf, via: null };
  }
  if (s.unnamed || anonymous) {
    evidence.push(
      `unnamed source «${written}» (unnamed-sources.json): the explicit unnamed-source speaker, no name guessed`,
    );
    const country =
      s.scopeCountry ?? (s.scopeEntity?.type === 'Country' ? s.scopeEntity.key : (s.scopeEntity?.country ?? null));
    const ref = unresolvedRef(lex.unnamedSpeaker.en, 'UNNAMED', ActorKind.PERSON, country);
    return { ref: { ...ref, written }, entity: null, onBehalfOf, via: null };
  }
  if (s.office) {
    const organization = s.scopeEntity?.type === 'Actor' ? s.scopeEntity.key : null;
    const country =
      s.scopeCountry ?? (s.scopeEntity?.type === 'Country' ? s.scopeEntity.key : (s.scopeEntity?.country ?? null));
    if (s.newName) {
      const name = wordsOf(view.text, view.tokens, s.newName.from, s.newName.to);
      evidence.push(
        `speaker «${name}» is not in the graph: proposed as a new person (${s.office.id}${country ? `, ${country}` : ''})`,
      );
      review.push(`new actor «${name}»`);
      return { ref: unresolvedRef(name, 'NEW', ActorKind.PERSON, country), entity: null, onBehalfOf, via: null };
    }
    const holders = index.officeHolders(s.office.id, { organization, country }, date);
    if (holders.length === 1) {
      const holder = holders[0]!.holder;
      evidence.push(
        `role «${written}» → ${holder.nameEn}, ${s.office.id} of ${organization ?? country} on ${date ?? 'today'} (graph Role)`,
      );
      return { ref: refOf(holder, written, 'ROLE'), entity: holder, onBehalfOf, via: null };
    }
    evidence.push(
      `role «${written}»: ${holders.length === 0 ? 'no office-holder in the graph' : `${holders.length} office-holders`} on ${date ?? 'today'}`,
    );
    review.push(`speaker «${written}» unresolved`);
    return {
      ref: unresolvedRef(written, 'UNRESOLVED', ActorKind.PERSON, country),
      entity: null,
      onBehalfOf,
      via: null,
    };
  }
  if (s.organization) {
    evidence.push(
      `speaker: ${s.organization.type === 'Country' ? 'country' : 'organization'} «${written}» → ${s.organization.nameEn}`,
    );
    if (s.organization.type !== 'Actor') review.push('a country as speaker: the graph records statements by actors');
    return { ref: refOf(s.organization, written), entity: s.organization, onBehalfOf, via: null };
  }
  if (s.newName) {
    const name = wordsOf(view.text, view.tokens, s.newName.from, s.newName.to);
    evidence.push(`speaker «${name}» is not in the graph: proposed as a new person`);
    review.push(`new actor «${name}»`);
    return { ref: unresolvedRef(name, 'NEW', ActorKind.PERSON, null), entity: null, onBehalfOf, via: null };
  }
  return null;
}
