import { PhraseIndex } from '../text/phrase-index';
import { phraseKey } from '../text/tokens';
import aliasStopwordsJson from './alias-stopwords.json';
import attributionCuesJson from './attribution-cues.json';
import eventCuesJson from './event-cues.json';
import meetingCuesJson from './meeting-cues.json';
import metonymyJson from './metonymy.json';
import nationalitiesJson from './nationalities.json';
import officesJson from './offices.json';
import reportingVerbsJson from './reporting-verbs.json';
import unnamedSourcesJson from './unnamed-sources.json';
import {
  aliasStopwordsSchema,
  attributionCuesSchema,
  eventCuesSchema,
  meetingCuesSchema,
  metonymySchema,
  nationalitiesSchema,
  officesSchema,
  reportingVerbsSchema,
  unnamedSourcesSchema,
  type Agency,
  type EventRule,
  type MetonymyEntry,
  type Office,
  type ReportingVerb,
} from './lexicon.schema';
import type { MeetingKind, MeetingStatus } from '../../shared/graphql/enums';

/** A surface form of a reporting verb: finite (opens an act), participle (continues one) or nominal (بحسب). */
export interface VerbForm {
  verb: ReportingVerb;
  type: 'finite' | 'participle' | 'nominal';
  /** The form as the lexicon lists it. */
  form: string;
}

export interface MeetingKindCue {
  kind: MeetingKind;
  defaultStatus: MeetingStatus | null;
  /** Whether countries may be its participants (Russia-Ukraine talks). */
  countries: boolean;
}

/** An office with its rank in offices.json (0 = most specific). */
export interface RankedOffice extends Office {
  rank: number;
}

/** The data files compiled into phrase indexes: what the extractor reads. */
export interface Lexicon {
  verbs: PhraseIndex<VerbForm>;
  offices: PhraseIndex<RankedOffice>;
  officeList: readonly RankedOffice[];
  nationalities: PhraseIndex<string>;
  metonymy: PhraseIndex<MetonymyEntry>;
  unnamed: PhraseIndex<string>;
  unnamedSpeaker: { en: string; ar: string };
  unnamedNouns: ReadonlySet<string>;
  unnamedModifiers: ReadonlySet<string>;
  /** Words tying a source noun to its institution (مصدر في، a source at): unnamed-sources.json affiliations. */
  unnamedAffiliations: PhraseIndex<string>;
  anonymity: PhraseIndex<string>;
  meetingKinds: PhraseIndex<MeetingKindCue>;
  /** Definite proposal nouns (الدعوة، the offer): meeting-cues.json proposals. */
  proposalNouns: PhraseIndex<string>;
  /** HELD cue words that are also verbal nouns (عقد), and the prepositions that make them one: meeting-cues.json. */
  verbalNouns: { words: ReadonlySet<string>; prepositions: ReadonlySet<string> };
  meetingStatuses: PhraseIndex<MeetingStatus>;
  pairWords: PhraseIndex<string>;
  durationLeads: PhraseIndex<string>;
  durationUnits: ReadonlyMap<string, number>;
  durationNumbers: ReadonlyMap<string, number>;
  eventRules: PhraseIndex<EventRule>;
  eventRuleOrder: ReadonlyMap<EventRule, number>;
  embedding: ReadonlySet<string>;
  complement: PhraseIndex<string>;
  pronouns: PhraseIndex<string>;
  nonStatements: PhraseIndex<string>;
  via: PhraseIndex<string>;
  relayBy: PhraseIndex<string>;
  relayFrom: PhraseIndex<string>;
  complementizers: ReadonlySet<string>;
  /** Relative pronouns (الذي، who): attribution-cues.json relatives. */
  relatives: ReadonlySet<string>;
  onBehalf: PhraseIndex<string>;
  negations: ReadonlySet<string>;
  /** Phrases opening with a negation word that negate nothing (لا يزال, not only): attribution-cues.json. */
  negationExceptions: PhraseIndex<string>;
  adverbs: PhraseIndex<string>;
  agencyWords: PhraseIndex<string>;
  agencies: PhraseIndex<Agency>;
  aliasStopwords: ReadonlySet<string>;
}

/** The raw data files, as parsed JSON (tests pass altered copies). */
export interface LexiconFiles {
  reportingVerbs: unknown;
  offices: unknown;
  nationalities: unknown;
  metonymy: unknown;
  unnamedSources: unknown;
  meetingCues: unknown;
  eventCues: unknown;
  attributionCues: unknown;
  aliasStopwords: unknown;
}

export const LEXICON_FILES: LexiconFiles = {
  reportingVerbs: reportingVerbsJson,
  offices: officesJson,
  nationalities: nationalitiesJson,
  metonymy: metonymyJson,
  unnamedSources: unnamedSourcesJson,
  meetingCues: meetingCuesJson,
  eventCues: eventCuesJson,
  attributionCues: attributionCuesJson,
  aliasStopwords: aliasStopwordsJson,
};

function indexOf(byLang: { ar: string[]; en: string[] }): PhraseIndex<string> {
  const index = new PhraseIndex<string>();
  for (const phrase of [...byLang.ar, ...byLang.en]) index.add(phrase, phrase);
  return index;
}

/** Arabic nationality adjective forms from the masculine indefinite: روسي → روسي، الروسي، روسية، الروسية. */
function arabicAdjectiveForms(adjective: string): string[] {
  const words = adjective.split(' ');
  const definite = words.map((w) => `ال${w}`).join(' ');
  const feminine = words.map((w) => `${w}ة`).join(' ');
  const definiteFeminine = words.map((w) => `ال${w}ة`).join(' ');
  return [adjective, definite, feminine, definiteFeminine];
}

/**
 * Validates every data file against its schema and compiles it. Throws a ZodError naming the file's field when
 * one is malformed.
 */
export function compileLexicon(files: LexiconFiles): Lexicon {
  const verbsFile = reportingVerbsSchema.parse(files.reportingVerbs);
  const verbs = new PhraseIndex<VerbForm>();
  for (const verb of verbsFile.verbs) {
    for (const form of verb.finite) verbs.add(form, { verb, type: 'finite', form });
    for (const form of verb.participles) verbs.add(form, { verb, type: 'participle', form });
    for (const form of verb.nominal) verbs.add(form, { verb, type: 'nominal', form });
  }
  const officeList = officesSchema.parse(files.offices).offices.map((o, rank) => ({ ...o, rank }));
  const offices = new PhraseIndex<RankedOffice>();
  for (const office of officeList) for (const phrase of [...office.ar, ...office.en]) offices.add(phrase, office);

  const nationalities = new PhraseIndex<string>();
  for (const entry of nationalitiesSchema.parse(files.nationalities).adjectives) {
    for (const adjective of entry.ar)
      for (const form of arabicAdjectiveForms(adjective)) nationalities.add(form, entry.country);
    for (const adjective of entry.en) nationalities.add(adjective, entry.country);
  }
  const metonymy = new PhraseIndex<MetonymyEntry>();
  for (const entry of metonymySchema.parse(files.metonymy).entries) metonymy.add(entry.text, entry);

  const unnamedFile = unnamedSourcesSchema.parse(files.unnamedSources);
  const cues = meetingCuesSchema.parse(files.meetingCues);
  const meetingKinds = new PhraseIndex<MeetingKindCue>();
  for (const k of cues.kinds) {
    const cue = {
      kind: k.kind as MeetingKind,
      defaultStatus: (k.defaultStatus ?? null) as MeetingStatus | null,
      countries: k.countries,
    };
    for (const phrase of [...k.ar, ...k.en]) meetingKinds.add(phrase, cue);
  }
  const meetingStatuses = new PhraseIndex<MeetingStatus>();
  for (const s of cues.statuses)
    for (const phrase of [...s.ar, ...s.en]) meetingStatuses.add(phrase, s.status as MeetingStatus);

  const rules = eventCuesSchema.parse(files.eventCues).rules;
  const eventRules = new PhraseIndex<EventRule>();
  for (const rule of rules) for (const phrase of [...rule.ar, ...rule.en]) eventRules.add(phrase, rule);

  const attribution = attributionCuesSchema.parse(files.attributionCues);
  const agencies = new PhraseIndex<Agency>();
  for (const agency of attribution.agencies) {
    for (const phrase of [agency.en, ...agency.ar, ...agency.alt]) agencies.add(phrase, agency);
  }
  const stop = aliasStopwordsSchema.parse(files.aliasStopwords);
  return {
    verbs,
    offices,
    officeList,
    nationalities,
    metonymy,
    unnamed: indexOf(unnamedFile.phrases),
    unnamedSpeaker: unnamedFile.speaker,
    unnamedNouns: new Set([...unnamedFile.nouns.ar, ...unnamedFile.nouns.en].map(phraseKey)),
    unnamedModifiers: new Set([...unnamedFile.modifiers.ar, ...unnamedFile.modifiers.en].map(phraseKey)),
    unnamedAffiliations: indexOf(unnamedFile.affiliations),
    anonymity: indexOf(attribution.anonymity),
    meetingKinds,
    proposalNouns: indexOf(cues.proposals),
    verbalNouns: {
      words: new Set(cues.verbalNouns.words.map(phraseKey)),
      prepositions: new Set(cues.verbalNouns.prepositions.map(phraseKey)),
    },
    meetingStatuses,
    pairWords: indexOf(cues.pairWords),
    durationLeads: indexOf(cues.durations.leads),
    durationUnits: new Map(Object.entries(cues.durations.units).map(([k, v]) => [phraseKey(k), v])),
    durationNumbers: new Map(Object.entries(cues.durations.numbers).map(([k, v]) => [phraseKey(k), v])),
    eventRules,
    eventRuleOrder: new Map(rules.map((rule, i) => [rule, i])),
    embedding: new Set([...attribution.embedding.ar, ...attribution.embedding.en].map(phraseKey)),
    complement: indexOf(attribution.complement),
    pronouns: indexOf(attribution.pronouns),
    nonStatements: indexOf(attribution.nonStatements),
    via: indexOf(attribution.via),
    relayBy: indexOf(attribution.relayBy),
    relayFrom: indexOf(attribution.relayFrom),
    complementizers: new Set([...attribution.complementizers.ar, ...attribution.complementizers.en].map(phraseKey)),
    relatives: new Set([...attribution.relatives.ar, ...attribution.relatives.en].map(phraseKey)),
    onBehalf: indexOf(attribution.onBehalf),
    negations: new Set([...attribution.negations.ar, ...attribution.negations.en].map(phraseKey)),
    negationExceptions: indexOf(attribution.negationExceptions),
    adverbs: indexOf(attribution.adverbs),
    agencyWords: indexOf(attribution.agencyWords),
    agencies,
    aliasStopwords: new Set([...stop.ar, ...stop.en].map(phraseKey)),
  };
}

let compiled: Lexicon | null = null;

/** The lexicon of src/extract/lexicon/*.json, compiled once per process. */
export function lexicon(): Lexicon {
  compiled ??= compileLexicon(LEXICON_FILES);
  return compiled;
}
