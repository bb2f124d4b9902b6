import { createHash } from 'node:crypto';
import { countryReferenceRows } from '../country/country-reference';
import { normalizeName } from '../shared/text/normalize';
import { CAMEO, STATUS_TEMPLATES, type CameoEntry } from './cameo';
import {
  AGENCIES,
  CITIES_AR,
  FILLERS,
  GIVEN_NAMES,
  INSTITUTIONS,
  OUTLETS,
  ROLE_TITLES,
  SURNAME_ENDINGS,
  SYLLABLES,
  TOPIC_STEMS,
  VERBS,
  type Pair,
} from './name-parts';
import { Prng, Zipf } from './prng';
import type {
  ActorRow,
  ArticleBatch,
  ArticleRow,
  HasAliasRow,
  MeetingRow,
  NodeRef,
  RoleRow,
  StatementRow,
  TopicRow,
  WorldRows,
} from './synth-rows';

/** What to generate: the statement count fixes the scale of everything else. */
export interface SynthOptions {
  statements: number;
  seed: number;
}

const DAYS = 5 * 365 + 1;
const START_MS = Date.UTC(2021, 0, 1);
const MEETING_KINDS = [
  { kind: 'SUMMIT', en: 'summit', ar: 'قمة' },
  { kind: 'PHONE_CALL', en: 'phone call', ar: 'الاتصال الهاتفي بين' },
  { kind: 'VISIT', en: 'visit', ar: 'زيارة' },
  { kind: 'TALKS', en: 'talks', ar: 'محادثات' },
  { kind: 'CONTACT', en: 'contact', ar: 'الاتصال بين' },
] as const;
const HISTORIES: readonly (readonly string[])[] = [
  ['PROPOSED'],
  ['PROPOSED', 'PLANNED'],
  ['PROPOSED', 'PLANNED', 'HELD'],
  ['PLANNED', 'HELD'],
  ['HELD'],
  ['HELD'],
  ['PROPOSED', 'CANCELLED'],
  ['PROPOSED', 'REJECTED'],
];

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.round(value)));
}

function pad(n: number, width = 7): string {
  return String(n).padStart(width, '0');
}

/** The day (0..DAYS-1) as 'YYYY-MM-DD'. */
function dayString(day: number): string {
  return new Date(START_MS + clamp(day, 0, DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fill(template: string, slot: string, value: string): string {
  return template.replace(`{${slot}}`, value);
}

/** Joins names the way each language lists them: "A وB وC" and "A, B and C". */
function listAr(names: string[]): string {
  return names.join(' و');
}

function listEn(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A person as the generator needs it for writing sentences. */
interface Person {
  id: string;
  en: string;
  ar: string;
  surnameEn: string;
  surnameAr: string;
  country: string;
  titleAr: string | null;
  organization: string | null;
}

/** A subject as it appears in sentences. */
interface Named {
  ref: NodeRef;
  en: string;
  ar: string;
}

/** The planned assertion of one meeting status by the statement of a given global index. */
interface PlannedStatus {
  meeting: MeetingRow;
  status: string;
  seq: number;
  participants: Person[];
}

/**
 * The synthetic world: every non-article row (generated in the constructor) and the stream of articles with their
 * statements (`batches`). The same options give byte-identical output.
 */
export class SynthGenerator {
  readonly world: WorldRows;
  private readonly countries: { code: string; en: string; ar: string }[];
  private readonly persons: Person[] = [];
  private readonly outlets: ActorRow[] = [];
  private readonly agencies: { id: string; ar: string; en: string }[] = [];
  private readonly topics: Named[] = [];
  private readonly meetings: Named[] = [];
  private readonly planned = new Map<number, PlannedStatus>();
  private readonly countryZipf: Zipf;
  private readonly speakerZipf: Zipf;

  constructor(readonly options: SynthOptions) {
    const n = options.statements;
    const rng = Prng.derive(options.seed, 1);
    const reference = countryReferenceRows();
    const referenceKeys = new Set(reference.flatMap((c) => c.aliases.map((a) => a.key)));
    // A seeded order of the countries: the first ones are the busy ones.
    const shuffled = reference.map((c) => ({ c, r: rng.next() })).sort((a, b) => a.r - b.r);
    this.countries = shuffled.map(({ c }) => ({
      code: c.code,
      en: c.names.name_en ?? c.code,
      ar: c.names.name_ar ?? c.names.name_en ?? c.code,
    }));
    this.countryZipf = new Zipf(this.countries.length, 1.0);

    const world: WorldRows = { actors: [], roles: [], aliases: [], hasAlias: [], topics: [], meetings: [] };
    const aliasKeys = new Set<string>();
    const entityAliases = new Set<string>();
    const addAlias = (label: HasAliasRow['label'], id: string, text: string, lang: string): void => {
      const key = normalizeName(text);
      if (!key || entityAliases.has(`${id}|${key}`)) return;
      entityAliases.add(`${id}|${key}`);
      world.hasAlias.push({ label, id, key, text, lang });
      // Alias nodes are shared; the country reference data already holds its own, so only new keys are created.
      if (!aliasKeys.has(key) && !referenceKeys.has(key)) {
        aliasKeys.add(key);
        world.aliases.push({ key, text });
      }
    };
    const addActor = (row: ActorRow, extraAliases: [string, string][] = []): void => {
      world.actors.push(row);
      for (const [lang, text] of Object.entries(row.names)) addAlias('Actor', row.id, text, lang);
      for (const [lang, text] of extraAliases) addAlias('Actor', row.id, text, lang);
    };

    // Institutions: the presidency and foreign ministry of every country, defence and cabinet of some.
    const institutions = new Map<string, string>();
    let orgIndex = 0;
    for (const country of this.countries) {
      for (const inst of INSTITUTIONS) {
        if ((inst.kind === 'defence' || inst.kind === 'cabinet') && !rng.chance(0.4)) continue;
        const id = `syn-org-${pad(orgIndex++, 5)}`;
        institutions.set(`${country.code}|${inst.kind}`, id);
        addActor({
          id,
          kind: 'ORGANIZATION',
          names: { en: fill(inst.en, 'c', country.en), ar: fill(inst.ar, 'c', country.ar) },
          wikidata: null,
          country: country.code,
        });
      }
    }

    // Persons, by prominence: person 0 speaks most.
    const personCount = clamp(n / 40, 200, 30_000);
    for (let i = 0; i < personCount; i++) {
      const id = `syn-per-${pad(i, 6)}`;
      const country = this.countries[this.countryZipf.draw(rng)]!;
      const given = rng.pick(GIVEN_NAMES);
      const parts: Pair[] = [rng.pick(SYLLABLES), rng.pick(SYLLABLES)];
      if (rng.chance(0.4)) parts.push(rng.pick(SYLLABLES));
      parts.push(rng.pick(SURNAME_ENDINGS));
      const surnameEn = capitalize(parts.map((p) => p[0]).join(''));
      const surnameAr = parts.map((p) => p[1]).join('');
      const names = { en: `${given[0]} ${surnameEn}`, ar: `${given[1]} ${surnameAr}` };
      const extra: [string, string][] = [
        ['ar', surnameAr],
        ['en', surnameEn],
      ];
      // A second Arabic spelling, as with ترامب / ترمب: one long vowel dropped.
      const variant = surnameAr.replace(/[اي](?=.)/, '');
      if (variant !== surnameAr && variant.length > 2) extra.push(['ar', `${given[1]} ${variant}`]);
      if (/y/.test(surnameEn)) extra.push(['en', `${given[0]} ${surnameEn.replace(/y/g, 'i')}`]);
      addActor(
        { id, kind: 'PERSON', names, wikidata: rng.chance(0.3) ? `Q${100_000 + i * 7}` : null, country: country.code },
        extra,
      );
      let titleAr: string | null = null;
      let organization: string | null = null;
      const roleCount = rng.chance(0.9) ? (rng.chance(0.2) ? 2 : 1) : 0;
      for (let r = 0; r < roleCount; r++) {
        const title = rng.pick(ROLE_TITLES);
        const org = institutions.get(`${country.code}|${title.org}`) ?? null;
        const current = r === 0;
        const since = current ? dayString(rng.int(-1500, 900)) : dayString(rng.int(-3000, -1600));
        const role: RoleRow = {
          id: `syn-role-${pad(i, 6)}-${r}`,
          actor: id,
          title_en: fill(title.en, 'c', country.en),
          title_ar: fill(title.ar, 'c', country.ar),
          since,
          until: current ? null : dayString(rng.int(-1500, -1)),
          organization: org,
          country: country.code,
        };
        world.roles.push(role);
        if (current) {
          titleAr = role.title_ar;
          organization = org;
        }
      }
      this.persons.push({
        id,
        en: names.en,
        ar: names.ar,
        surnameEn,
        surnameAr,
        country: country.code,
        titleAr,
        organization,
      });
    }
    this.speakerZipf = new Zipf(this.persons.length, 1.1);

    // Media: newspapers (outlets) and news agencies.
    const arab = ['AE', 'SA', 'EG', 'JO', 'QA', 'KW', 'LB', 'BH', 'OM', 'MA'];
    OUTLETS.forEach(([en, ar], i) => {
      const row: ActorRow = {
        id: `syn-outlet-${pad(i, 3)}`,
        kind: 'MEDIA',
        names: { en, ar },
        wikidata: null,
        country: arab[i % arab.length]!,
      };
      addActor(row, [['ar', ar.replace(/^صحيفة /, '')]]);
      this.outlets.push(row);
    });
    const agencyCountries = ['RU', 'RU', 'GB', 'FR', 'US', 'TR', 'CN', 'AE', 'SA', 'EG', 'RU', 'UA', 'IR', 'QA', 'JO'];
    AGENCIES.forEach(([en, ar], i) => {
      const id = `syn-agency-${pad(i, 3)}`;
      addActor({ id, kind: 'MEDIA', names: { en, ar }, wikidata: null, country: agencyCountries[i] ?? 'US' }, [
        ['ar', ar.replace(/^وكالة /, '')],
      ]);
      this.agencies.push({ id, ar, en });
    });

    // Topics: a subject stem applied to the busier countries.
    const topicCount = clamp(n / 500, 30, 400);
    for (let i = 0; i < topicCount; i++) {
      const stem = TOPIC_STEMS[i % TOPIC_STEMS.length]!;
      const country = this.countries[Math.floor(i / TOPIC_STEMS.length) % this.countries.length]!;
      const row: TopicRow = {
        id: `syn-topic-${pad(i, 4)}`,
        names: { en: fill(stem[0], 'c', country.en), ar: fill(stem[1], 'c', country.ar) },
      };
      world.topics.push(row);
      addAlias('Topic', row.id, row.names.en!, 'en');
      addAlias('Topic', row.id, row.names.ar!, 'ar');
      this.topics.push({ ref: { label: 'Topic', id: row.id }, en: row.names.en!, ar: row.names.ar! });
    }

    // Meetings between prominent persons, each with a status history asserted by planned statements.
    const meetingCount = clamp(n / 100, 40, 5_000);
    const taken = new Set<number>();
    for (let i = 0; i < meetingCount; i++) {
      const a = this.persons[this.speakerZipf.draw(rng)]!;
      let b = this.persons[this.speakerZipf.draw(rng)]!;
      if (b.id === a.id) b = this.persons[(this.persons.indexOf(a) + 1) % this.persons.length]!;
      const kind = rng.pick(MEETING_KINDS);
      const history = rng.pick(HISTORIES);
      const indices = history
        .map(() => {
          let j = rng.int(0, n - 1);
          while (taken.has(j) && taken.size < n) j = (j + 1) % n;
          taken.add(j);
          return j;
        })
        .sort((x, y) => x - y);
      const last = history[history.length - 1]!;
      const datedAt = history.includes('HELD') || history.includes('PLANNED') ? indices[indices.length - 1]! : null;
      const meeting: MeetingRow = {
        id: `syn-meeting-${pad(i, 5)}`,
        kind: kind.kind,
        names: {
          en: `${a.surnameEn}–${b.surnameEn} ${kind.en}`,
          ar: `${kind.ar} ${a.surnameAr} و${b.surnameAr}`,
        },
        date: datedAt === null ? null : dayString(Math.floor((datedAt / n) * DAYS) + rng.int(0, 10)),
        durationMinutes: kind.kind === 'PHONE_CALL' && last === 'HELD' ? rng.int(20, 150) : null,
        status: last,
        location: kind.kind === 'PHONE_CALL' || kind.kind === 'CONTACT' ? null : rng.pick([a.country, b.country]),
        participants: [a.id, b.id],
      };
      world.meetings.push(meeting);
      this.meetings.push({ ref: { label: 'Meeting', id: meeting.id }, en: meeting.names.en!, ar: meeting.names.ar! });
      history.forEach((status, seq) => this.planned.set(indices[seq]!, { meeting, status, seq, participants: [a, b] }));
    }
    this.world = world;
  }

  /** The busiest country by construction (most likely subject). */
  get busiestCountry(): string {
    return this.countries[0]!.code;
  }

  /** The most prolific speaker by construction. */
  get topSpeaker(): string {
    return this.persons[0]!.id;
  }

  /**
   * The article stream, in batches of about `batchStatements` statements (whole articles per batch), until exactly
   * `options.statements` statements have been produced.
   */
  *batches(batchStatements = 2_000): Generator<ArticleBatch> {
    const n = this.options.statements;
    const rng = Prng.derive(this.options.seed, 2);
    const hashes = new Set<string>();
    let batch: ArticleBatch = { articles: [], statements: [], statusChanges: [] };
    let next = 0;
    let articleIndex = 0;
    while (next < n) {
      const count = Math.min(n - next, rng.int(1, 7));
      this.article(rng, articleIndex++, next, count, batch, hashes);
      next += count;
      if (batch.statements.length >= batchStatements) {
        yield batch;
        batch = { articles: [], statements: [], statusChanges: [] };
      }
    }
    if (batch.articles.length > 0) yield batch;
  }

  private subject(rng: Prng): Named {
    const roll = rng.next();
    if (roll < 0.45) {
      const c = this.countries[this.countryZipf.draw(rng)]!;
      return { ref: { label: 'Country', id: c.code }, en: c.en, ar: c.ar };
    }
    if (roll < 0.8) {
      const p = this.persons[this.speakerZipf.draw(rng)]!;
      return { ref: { label: 'Actor', id: p.id }, en: p.en, ar: rng.chance(0.5) ? p.ar : p.surnameAr };
    }
    if (roll < 0.9) return this.meetings[Math.floor(Math.pow(rng.next(), 2) * this.meetings.length)]!;
    return this.topics[Math.floor(Math.pow(rng.next(), 2) * this.topics.length)]!;
  }

  private cameo(rng: Prng): CameoEntry {
    const total = CAMEO.reduce((sum, c) => sum + c.weight, 0);
    let roll = rng.next() * total;
    for (const entry of CAMEO) {
      roll -= entry.weight;
      if (roll < 0) return entry;
    }
    return CAMEO[0]!;
  }

  private article(
    rng: Prng,
    index: number,
    first: number,
    count: number,
    out: ArticleBatch,
    hashes: Set<string>,
  ): void {
    const id = `syn-art-${pad(index)}`;
    const day = Math.floor((first / this.options.statements) * DAYS) + rng.int(-2, 2);
    const publishedOn = rng.chance(0.14) ? null : dayString(day);
    const outlet = this.outlets[Math.floor(Math.pow(rng.next(), 1.6) * this.outlets.length)]!;
    const paragraphs: { text: string; statement: number | null }[] = [];
    const statements: Omit<StatementRow, 'report'>[] = [];
    const vias: (string | null)[] = [];
    const mentions = new Map<string, NodeRef<'Actor' | 'Country'>>();
    const topics = new Set<string>();
    let title = '';

    for (let k = 0; k < count; k++) {
      const j = first + k;
      const plan = this.planned.get(j);
      const speaker = plan ? plan.participants[rng.int(0, 1)]! : this.persons[this.speakerZipf.draw(rng)]!;
      const subjects = new Map<string, Named>();
      let entry: CameoEntry;
      let template: { ar: string; en: string };
      if (plan) {
        const t = STATUS_TEMPLATES[plan.status]!;
        entry = CAMEO.find((c) => c.code === t.code)!;
        template = { ar: fill(t.ar, 'M', plan.meeting.names.ar!), en: fill(t.en, 'M', plan.meeting.names.en!) };
        subjects.set(plan.meeting.id, { ref: { label: 'Meeting', id: plan.meeting.id }, en: '', ar: '' });
        for (const p of plan.participants)
          subjects.set(p.id, { ref: { label: 'Actor', id: p.id }, en: p.en, ar: p.ar });
      } else {
        entry = this.cameo(rng);
        template = rng.pick(entry.templates);
        const want = rng.pick([1, 1, 1, 1, 2, 2, 2, 3, 3, 4]);
        for (let tries = 0; subjects.size < want && tries < 8; tries++) {
          const s = this.subject(rng);
          if (s.ref.id !== speaker.id) subjects.set(s.ref.id, s);
        }
        if (subjects.size === 0) subjects.set(this.countries[0]!.code, this.countrySubject(0));
        const named = [...subjects.values()];
        template = {
          ar: fill(template.ar, 'A', listAr(named.map((s) => s.ar))),
          en: fill(template.en, 'A', listEn(named.map((s) => s.en))),
        };
      }
      const direct = rng.chance(0.45);
      const verb = rng.pick(VERBS);
      const agency = rng.chance(0.5) ? rng.pick(this.agencies) : null;
      const speakerAr =
        speaker.titleAr && rng.chance(0.4)
          ? `${speaker.titleAr} ${speaker.ar}`
          : rng.chance(0.7)
            ? speaker.ar
            : speaker.surnameAr;
      const lead = `${k === 0 ? '' : 'و'}${verb[1]} ${speakerAr}`;
      const viaAr = agency && direct ? ` في تصريحات أوردتها ${agency.ar}` : '';
      const viaEn = agency && direct ? `, in remarks reported by ${agency.en}` : '';
      const text = direct ? `${lead}${viaAr}: «${template.ar}».` : `${lead} أن ${template.ar}.`;
      const translation = direct
        ? `${speaker.en} ${verb[0]}${viaEn}: "${capitalize(template.en)}."`
        : `${speaker.en} ${verb[0]} that ${template.en}.`;
      if (k === 0) title = `${speaker.surnameAr}: ${template.ar}`;
      if (rng.chance(0.3)) paragraphs.push({ text: rng.pick(FILLERS), statement: null });
      paragraphs.push({ text, statement: k });

      // A status-asserting statement is dated on its own index's day, so histories run forward in time and the
      // status derived from them (latest asOf, ties by seq) is the last planned one.
      const saidOn = plan
        ? dayString(Math.floor((j / this.options.statements) * DAYS))
        : rng.chance(publishedOn ? 0.25 : 0.3)
          ? dayString(day - rng.int(0, 2))
          : null;
      const date = saidOn ?? publishedOn;
      const sid = `syn-st-${pad(j)}`;
      const onBehalfRoll = rng.next();
      const onBehalfOf: StatementRow['onBehalfOf'] =
        onBehalfRoll < 0.35 && speaker.organization
          ? { label: 'Actor', id: speaker.organization }
          : onBehalfRoll < 0.5
            ? { label: 'Country', id: speaker.country }
            : null;
      const rankRoll = rng.next();
      const rank = rankRoll < 0.01 ? 'DEPRECATED' : rankRoll < 0.03 ? 'PREFERRED' : 'NORMAL';
      statements.push({
        id: sid,
        text,
        language: 'ar',
        translation,
        form: direct ? 'DIRECT_QUOTE' : 'PARAPHRASE',
        quote: direct ? template.ar : null,
        verb: verb[1],
        saidOn,
        date,
        sortKey: `${date ?? '0000-00-00'}|${sid}`,
        cameo: entry.code,
        plover: entry.plover,
        goldstein: entry.goldstein,
        rank,
        rationale: `Synthetic: CAMEO ${entry.code} "${entry.meaning}" (Goldstein ${entry.goldstein}).`,
        deprecatedReason: rank === 'DEPRECATED' ? 'Synthetic: superseded by a later report.' : null,
        speaker: speaker.id,
        onBehalfOf,
        about: [...subjects.values()].map((s) => s.ref),
      });
      vias.push(agency?.id ?? null);
      mentions.set(speaker.id, { label: 'Actor', id: speaker.id });
      for (const s of subjects.values()) {
        if (s.ref.label === 'Actor' || s.ref.label === 'Country') {
          mentions.set(s.ref.id, { label: s.ref.label, id: s.ref.id });
        }
        if (s.ref.label === 'Topic') topics.add(s.ref.id);
      }
      if (plan) {
        out.statusChanges.push({
          id: `syn-sc-${plan.meeting.id.slice('syn-meeting-'.length)}-${plan.seq}`,
          meeting: plan.meeting.id,
          status: plan.status,
          asOf: date,
          seq: plan.seq,
          statement: sid,
        });
      }
    }

    // Assemble the text and locate each statement's span in it.
    const head = `${title}\n${rng.pick(CITIES_AR)} (${outlet.names.ar!.replace(/^صحيفة /, '')}، وكالات)\n`;
    let text = head;
    const spans: [number, number][] = [];
    paragraphs.forEach((p, i) => {
      const sep = i === 0 ? '' : rng.chance(0.5) ? '\n' : ' ';
      text += sep;
      if (p.statement !== null) spans[p.statement] = [text.length, text.length + p.text.length];
      text += p.text;
    });
    let contentHash = createHash('sha256').update(text).digest('hex');
    if (hashes.has(contentHash)) {
      text += `\n${FILLERS[index % FILLERS.length]} (${index})`;
      contentHash = createHash('sha256').update(text).digest('hex');
    }
    hashes.add(contentHash);

    const article: ArticleRow = {
      id,
      contentHash,
      title,
      language: 'ar',
      publishedOn,
      url: rng.chance(0.7) ? `https://news.example/${outlet.id}/${index}` : null,
      text,
      outlet: outlet.id,
      mentions: [...mentions.values()],
      topics: [...topics],
    };
    out.articles.push(article);
    statements.forEach((s, k) => {
      const [start, end] = spans[k]!;
      out.statements.push({
        ...s,
        report: {
          id: `syn-rep-${s.id.slice('syn-st-'.length)}`,
          start,
          end,
          text: text.slice(start, end),
          article: id,
          via: vias[k] ?? null,
        },
      });
    });
  }

  private countrySubject(rank: number): Named {
    const c = this.countries[rank]!;
    return { ref: { label: 'Country', id: c.code }, en: c.en, ar: c.ar };
  }
}
