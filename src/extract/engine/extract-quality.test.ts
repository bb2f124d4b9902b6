import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lexicon } from '../lexicon/lexicon';
import { tokenize } from '../text/tokens';
import { isNegation } from './event-code';
import { extract, statements } from './test-support';

/** The keys of what a statement is about: `Country:RU`, `Actor:kremlin`, `meeting`. */
function aboutKeys(s: { about: ({ meeting: string } | { type: string | null; key: string | null })[] }): string[] {
  return s.about.map((a) => ('meeting' in a ? 'meeting' : `${a.type}:${a.key}`));
}

describe('extraction kinds (rules found on the development set, tested on new sentences)', () => {
  it("an unnamed source's institution or country is its own side, never what it talks about", () => {
    const [ar] = statements(
      'الإليزيه يرد على الكرملين\nوأكد مصدر في قصر الإليزيه أن باريس لم تتلق أي رد من موسكو حتى الآن.',
    );
    assert.equal(ar!.speaker.source, 'UNNAMED');
    assert.equal(ar!.speaker.country, 'FR');
    assert.deepEqual(aboutKeys(ar!), ['Country:RU']);
    const [en] = statements(
      'Kremlin silent on offer\nA senior Kremlin official said Washington had not replied to the letter.',
    );
    assert.equal(en!.speaker.source, 'UNNAMED');
    assert.deepEqual(aboutKeys(en!), ['Country:US']);
  });

  it('an appeal for a meeting proposes it (026); readiness to host one proposes it too (036)', () => {
    const [appeal] = statements(
      'Paris presses for peace\nMacron urged Russia and Ukraine to open direct talks before the winter.',
    );
    assert.equal(appeal!.cameo, '026');
    const extraction = extract(
      'Paris presses for peace\nMacron urged Russia and Ukraine to open direct talks before the winter.',
    );
    assert.equal(extraction.articles[0]!.meetings[0]?.status, 'PROPOSED');
    const [host] = statements(
      'Paris offers a venue\nMacron said France stood ready to host talks between Russia and Ukraine.',
    );
    assert.equal(host!.cameo, '036');
    assert.ok(host!.evidence.some((e) => e.includes('PROPOSED')));
    // A held meeting stays held: an appeal does not turn its own status words into a proposal.
    const [held] = statements(
      'Paris presses for peace\nMacron urged Russia and Ukraine to build on the talks that took place in Geneva.',
    );
    assert.ok(!held!.evidence.some((e) => e.includes('PROPOSED')));
  });

  it("a decline to comment in the speaker's own words is 011; a present-tense appeal verb is 020", () => {
    const [ar] = statements('الكرملين يعلق\nوقال بيسكوف للصحافيين: «لا تعليق لدي على هذه التقارير».');
    assert.equal(ar!.cameo, '011');
    const [en] = statements(
      'Kremlin comments\n"I have nothing to add to what was said yesterday," Peskov told reporters.',
    );
    assert.equal(en!.cameo, '011');
    const [urge] = statements('الكرملين يعلق\nوقال بيسكوف إن الكرملين يحث كييف على وقف الهجمات على المدن.');
    assert.equal(urge!.cameo, '020');
  });

  it('an accusative adjective (منفتحاً) matches its cue; لا يزال "still" negates nothing, ليس does', () => {
    const [still] = statements('الكرملين يعلق\nوتابع بيسكوف: «الكرملين لا يزال منفتحاً على الحوار مع باريس».');
    assert.equal(still!.cameo, '036');
    const [not] = statements('الكرملين يعلق\nوتابع بيسكوف: «الكرملين ليس منفتحاً على الحوار مع باريس».');
    assert.notEqual(not!.cameo, '036');
    const lex = lexicon();
    const tokens = tokenize('لا يزال الوفد لا يرى');
    assert.equal(isNegation(tokens, 0, lex), false);
    assert.equal(isNegation(tokens, 3, lex), true);
  });

  it('a preposition glued to a two-letter word (بأي، بأن) lets a cue starting with the word match', () => {
    assert.deepEqual(tokenize('بأي')[0]!.variants, ['اي']);
    assert.deepEqual(tokenize('بين')[0]!.variants, []);
    const [s] = statements('الكرملين يعلق\nوقال بيسكوف إن موسكو ترحب بأي حوار جاد مع كييف.');
    assert.equal(s!.cameo, '036');
  });

  it('a new person named again by one word of the name is the same speaker, for the same side', () => {
    const s = statements(
      'الأمم المتحدة تعلق\n' +
        'وقال يان كوفاتش، المتحدث باسم الأمين العام، نيابة عن غوتيريش إن الأمم المتحدة تدعم الحوار بين روسيا وأوكرانيا.\n' +
        'وأضاف كوفاتش في وقت لاحق: «ليس لدي ما أضيفه الآن».',
    );
    assert.equal(s.length, 2);
    assert.equal(s[0]!.speaker.source, 'NEW');
    assert.equal(s[0]!.onBehalfOf?.key, 'antonio-guterres');
    // The side of the person spoken for (the Secretary-General's UN) is no target.
    assert.ok(!aboutKeys(s[0]!).includes('Actor:united-nations'));
    assert.equal(s[1]!.speaker.name, s[0]!.speaker.name);
    assert.equal(s[1]!.speaker.source, 'NEW');
    assert.equal(s[1]!.onBehalfOf?.key, 'antonio-guterres');
    assert.equal(s[1]!.cameo, '011');
  });

  it('a relative clause right after the subject describes the speaker: what it names is no target', () => {
    const [ar] = statements('ماكرون يعلق\nوقال ماكرون، الذي زار كييف الشهر الماضي، إن فرنسا ستواصل الحوار مع روسيا.');
    assert.deepEqual(aboutKeys(ar!), ['Country:RU']);
    const [en] = statements(
      'Macron comments\nMacron, who visited Kyiv last month, said Russia must withdraw its troops.',
    );
    assert.deepEqual(aboutKeys(en!), ['Country:RU']);
    // Without the clause, Kyiv in the reported words is a target.
    const [plain] = statements('Macron comments\nMacron said Russia must withdraw its troops from Kyiv.');
    assert.deepEqual(aboutKeys(plain!).sort(), ['Country:RU', 'Country:UA']);
  });

  it('keen to (حريصة على) is intent to cooperate (030)', () => {
    const [s] = statements('باريس تعلق\nوأكد ماكرون أن فرنسا حريصة على تعزيز التعاون مع أوكرانيا في مجال الطاقة.');
    assert.equal(s!.cameo, '030');
  });

  it('a cue inside a phrase that makes no statement (رفض الكشف) codes nothing', () => {
    const [s] = statements(
      'موسكو تعلق\nوأكد مصدر دبلوماسي روسي أن موسكو تلقت رسائل من باريس، لكنه رفض الكشف عن فحواها.',
    );
    assert.equal(s!.cameo, '010');
  });

  it('the adjective European and the Europeans name the European Union as a party', () => {
    const [s] = statements('موسكو تعلق\nوقال بيسكوف إن موسكو لم تتلق أي عرض أوروبي بشأن أوكرانيا.');
    assert.ok(aboutKeys(s!).includes('Actor:european-union'));
    const [en] = statements('Moscow comments\nPeskov said the Europeans had sent no proposal to Moscow.');
    assert.ok(aboutKeys(en!).includes('Actor:european-union'));
  });

  it('a definite proposal noun names the offered meeting again; a status it only inherits does not recode', () => {
    const s = statements(
      'ماكرون يقترح محادثات\n' +
        'ودعا ماكرون إلى عقد محادثات مباشرة بين روسيا وأوكرانيا في جنيف.\n' +
        'وقال بيسكوف إن الكرملين يرفض هذه الدعوة جملة وتفصيلاً.\n' +
        'وأضاف بيسكوف أن المحادثات لن تغير شيئاً على الأرض.',
    );
    assert.equal(s.length, 3);
    // «إلى عقد» is the verbal noun (holding, to come), not عَقَدَ (held): the appeal proposes the talks.
    assert.equal(s[0]!.cameo, '026');
    assert.ok(s[0]!.evidence.some((e) => e.includes('PROPOSED')));
    assert.ok(s[1]!.about.some((a) => 'meeting' in a));
    assert.equal(s[1]!.cameo, '125');
    assert.ok(s[2]!.about.some((a) => 'meeting' in a));
    assert.notEqual(s[2]!.cameo, '125');
    // With no offered meeting before, «الدعوة» is a call for something else.
    const [alone] = statements('موسكو تعلق\nوقال بيسكوف إن الكرملين يرفض الدعوة إلى فرض عقوبات جديدة على موسكو.');
    assert.ok(!alone!.about.some((a) => 'meeting' in a));
  });
});
