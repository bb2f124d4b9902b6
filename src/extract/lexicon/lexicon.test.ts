import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import countries from 'i18n-iso-countries';
import { CAMEO_CODES } from '../../shared/cameo/cameo-codes';
import { phraseKey } from '../text/tokens';
import { compileLexicon, LEXICON_FILES, lexicon, type LexiconFiles } from './lexicon';
import {
  attributionCuesSchema,
  eventCuesSchema,
  meetingCuesSchema,
  metonymySchema,
  nationalitiesSchema,
  officesSchema,
  reportingVerbsSchema,
  unnamedSourcesSchema,
} from './lexicon.schema';

const ARABIC = /[\u0600-\u06FF]/;

function copy(): LexiconFiles {
  return JSON.parse(JSON.stringify(LEXICON_FILES)) as LexiconFiles;
}

describe('extraction lexicons (src/extract/lexicon/*.json)', () => {
  it('each file matches its schema and compiles', () => {
    assert.ok(compileLexicon(LEXICON_FILES).verbs.size > 100);
  });

  it('rejects a malformed file, naming the field', () => {
    const files = copy();
    (files.reportingVerbs as { verbs: { cameo: string }[] }).verbs[0]!.cameo = '99';
    assert.throws(() => compileLexicon(files), /cameo|CAMEO/);
    const other = copy();
    (other.meetingCues as { statuses: { status: string }[] }).statuses[0]!.status = 'POSTPONED';
    assert.throws(() => compileLexicon(other), /status/);
  });

  it('reporting verbs: every form is in the script of its language, and the domain notes verbs are all there', () => {
    const file = reportingVerbsSchema.parse(LEXICON_FILES.reportingVerbs);
    for (const verb of file.verbs) {
      for (const form of [...verb.finite, ...verb.participles, ...verb.nominal]) {
        assert.equal(ARABIC.test(form), verb.lang === 'ar', `${verb.lemma}: ${form}`);
      }
    }
    const lemmas = new Set(file.verbs.map((v) => phraseKey(v.lemma)));
    for (const v of [
      'قال',
      'أكد',
      'أوضح',
      'أضاف',
      'أشار',
      'صرح',
      'كشف',
      'اعتبر',
      'رأى',
      'بين',
      'نبه',
      'ختم',
      'شدد',
      'أعلن',
      'نفى',
      'حذر',
      'دعا',
      'اتهم',
      'رفض',
      'هدد',
      'وصف',
    ]) {
      assert.ok(lemmas.has(phraseKey(v)), v);
    }
  });

  it('finds clitic and inflected forms: وأضاف، فيما أكدت، مضيفاً، مشيراً', () => {
    const lex = lexicon();
    const forms = (word: string) => lex.verbs.lookup(phraseKey(word))?.map((f) => `${f.verb.lemma}/${f.type}`) ?? [];
    assert.deepEqual(forms('أكدت'), ['أكد/finite']);
    assert.deepEqual(forms('مضيفاً'), ['أضاف/participle']);
    assert.deepEqual(forms('مشيراً'), ['أشار/participle']);
    assert.deepEqual(forms('said'), ['say/finite']);
  });

  it('event cues code with codes of the CAMEO table', () => {
    for (const rule of eventCuesSchema.parse(LEXICON_FILES.eventCues).rules) {
      assert.ok(CAMEO_CODES.has(rule.code), `${rule.id}: ${rule.code}`);
    }
    for (const verb of reportingVerbsSchema.parse(LEXICON_FILES.reportingVerbs).verbs) {
      assert.ok(CAMEO_CODES.has(verb.cameo), `${verb.lemma}: ${verb.cameo}`);
    }
  });

  it('countries of nationalities and metonymy are ISO 3166-1 alpha-2 codes', () => {
    const codes = [
      ...nationalitiesSchema.parse(LEXICON_FILES.nationalities).adjectives.map((a) => a.country),
      ...metonymySchema.parse(LEXICON_FILES.metonymy).entries.flatMap((e) => (e.country ? [e.country] : [])),
    ];
    for (const code of codes) assert.ok(countries.isValid(code), code);
  });

  it('derives Arabic nationality forms: الأمريكي، الأميركية، روسية', () => {
    const lex = lexicon();
    for (const [word, code] of [
      ['الأمريكي', 'US'],
      ['الأميركية', 'US'],
      ['روسية', 'RU'],
      ['Turkish', 'TR'],
    ]) {
      assert.deepEqual(lex.nationalities.lookup(phraseKey(word!)), [code], word);
    }
  });

  it('metonyms cover the seats of government of the issue', () => {
    const lex = lexicon();
    for (const name of ['موسكو', 'واشنطن', 'بكين', 'الكرملين', 'البيت الأبيض', 'the Kremlin', 'the White House']) {
      assert.ok(lex.metonymy.lookup(phraseKey(name)), name);
    }
  });

  it('offices, unnamed sources, meeting cues and attribution cues parse, most specific office first', () => {
    const offices = officesSchema.parse(LEXICON_FILES.offices).offices.map((o) => o.id);
    assert.ok(offices.indexOf('spokesperson') < offices.indexOf('president'));
    assert.ok(offices.indexOf('prime-minister') < offices.indexOf('minister'));
    unnamedSourcesSchema.parse(LEXICON_FILES.unnamedSources);
    const cues = meetingCuesSchema.parse(LEXICON_FILES.meetingCues);
    assert.deepEqual([...new Set(cues.statuses.map((s) => s.status))].sort(), [
      'CANCELLED',
      'HELD',
      'PLANNED',
      'PROPOSED',
      'REJECTED',
    ]);
    attributionCuesSchema.parse(LEXICON_FILES.attributionCues);
  });
});
