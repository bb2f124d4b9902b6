import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractWithIndex } from '../extract.service';
import { BODY_EN, extract, index, statements } from './test-support';

describe('extractArticle (pure, on an in-memory alias index)', () => {
  it('a verb without a subject continues the previous speaker, with his via and on-behalf-of', () => {
    const s = statements(
      'الكرملين يعلق على القمة\n' +
        'وقال الناطق باسم الكرملين دميتري بيسكوف في تصريحات أوردتها وكالة «ريا نوفوستي»: «اللقاء ضروري».\n' +
        'وأضاف أن موسكو مستعدة للحوار.',
    );
    assert.equal(s.length, 2);
    assert.equal(s[0]!.speaker.key, 'dmitry-peskov');
    assert.equal(s[0]!.via?.key, 'ria-novosti');
    assert.equal(s[0]!.onBehalfOf?.key, 'kremlin');
    assert.equal(s[0]!.form, 'DIRECT_QUOTE');
    assert.equal(s[1]!.speaker.key, 'dmitry-peskov');
    assert.equal(s[1]!.speaker.source, 'PREVIOUS');
    assert.equal(s[1]!.via?.key, 'ria-novosti');
  });

  it('a participle stays with its verb: one statement, the first quote', () => {
    const s = statements('الكرملين يعلق على القمة\nقال بيسكوف: «لا توجد تفاصيل»، مضيفاً: «لكن اللقاء ممكن».');
    assert.equal(s.length, 1);
    assert.equal(s[0]!.quote, 'لا توجد تفاصيل');
    assert.ok(s[0]!.evidence.some((e) => e.includes('مضيفاً')));
  });

  it('an unnamed source gets the explicit unnamed-source speaker, never a name', () => {
    const [s] = statements('الكرملين يعلق على القمة\nوقال مصدر دبلوماسي روسي إن المفاوضات متعثرة.');
    assert.equal(s!.speaker.source, 'UNNAMED');
    assert.equal(s!.speaker.name, 'Unnamed source');
    assert.equal(s!.speaker.key, null);
    const [e] = statements(
      'Kremlin comments on the summit\nA senior European diplomat, speaking on condition of anonymity, said the offer stood.',
    );
    assert.equal(e!.speaker.source, 'UNNAMED');
  });

  it('"did not respond" and narration are no statements', () => {
    const s = statements(
      'Kremlin comments on the summit\nThe Kremlin did not respond to a request for comment.\nThe war is in its fourth year.\nPeskov said talks were useful.',
    );
    assert.equal(s.length, 1);
    assert.equal(s[0]!.speaker.key, 'dmitry-peskov');
  });

  it('a role description resolves to the office-holder at the article date', () => {
    const [s] = statements('الكرملين يعلق على القمة\nوأشار المتحدث باسم الكرملين إلى أن الرئيس بوتين لم يتلق طلبات.');
    assert.equal(s!.speaker.key, 'dmitry-peskov');
    assert.equal(s!.speaker.source, 'ROLE');
    const [before] = statements('الكرملين يعلق على القمة\nوقال الرئيس الأمريكي إن المحادثات جيدة.', '2024-05-01');
    assert.equal(before!.speaker.source, 'UNRESOLVED', 'Trump held no role on 2024-05-01');
    const [after] = statements('الكرملين يعلق على القمة\nوقال الرئيس الأمريكي إن المحادثات جيدة.', '2025-05-01');
    assert.equal(after!.speaker.key, 'donald-trump');
  });

  it('a person the graph does not know is proposed, with the country of the nationality adjective', () => {
    const article = extract('الكرملين يعلق على القمة\nوقال وزير الخارجية التركي هاكان فيدان إن بلاده مستعدة للوساطة.')
      .articles[0]!;
    const [s] = article.statements;
    assert.equal(s!.speaker.source, 'NEW');
    assert.equal(s!.speaker.name, 'هاكان فيدان');
    assert.deepEqual(
      article.proposedActors.map((p) => [p.name, p.kind, p.country]),
      [['هاكان فيدان', 'PERSON', 'TR']],
    );
    assert.ok(s!.review.length > 0);
  });

  it('a denial is a statement coded 016; an accusation 112; a threat 130', () => {
    const [denial] = statements(
      'Kremlin comments on the summit\nPeskov denied reports that Putin had sent a letter to Trump.',
    );
    assert.equal(denial!.cameo, '016');
    const [accusation] = statements(
      'Kremlin comments on the summit\nPeskov accused Kyiv of stalling the talks and of using every pause in the fighting to rearm.',
    );
    assert.equal(accusation!.cameo.slice(0, 2), '11');
    const [threat] = statements('الكرملين يعلق على القمة\nوحذر بيسكوف من أن روسيا سترد بكل الوسائل المتاحة.');
    assert.equal(threat!.cameo, '130');
  });

  it('a post-posed attribution takes the sentence, and "according to" an agency is via', () => {
    const s = statements(
      'Kremlin comments on the summit\n"This would be theft," Peskov told reporters, according to the TASS news agency.\n' +
        'Russia will respond to any seizure of its assets, Kremlin spokesman Dmitry Peskov said on Wednesday.',
    );
    assert.equal(s.length, 2);
    assert.equal(s[0]!.via?.key, 'tass');
    assert.equal(s[0]!.form, 'DIRECT_QUOTE');
    assert.ok(s[1]!.text.startsWith('Russia will respond'));
    assert.equal(s[1]!.speaker.key, 'dmitry-peskov');
    assert.equal(s[1]!.onBehalfOf?.key, 'kremlin');
  });

  it('meetings: participants, status from cue words, asserted by the statement, and the code it implies', () => {
    const article = extract(
      'Kremlin comments on the summit\nPeskov said the phone call between Putin and Macron was cancelled.',
    ).articles[0]!;
    assert.equal(article.meetings.length, 1);
    const [m] = article.meetings;
    assert.equal(m!.kind, 'PHONE_CALL');
    assert.equal(m!.status, 'CANCELLED');
    assert.deepEqual(m!.statusStatements, [0]);
    assert.deepEqual(m!.participants.map((p) => p.key).sort(), ['emmanuel-macron', 'vladimir-putin']);
    assert.equal(article.statements[0]!.cameo, '125');
    const held = extract(
      'Kremlin comments on the summit\nPeskov said the phone call between Putin and Macron lasted two hours.',
    ).articles[0]!;
    assert.equal(held.meetings[0]!.status, 'HELD');
    assert.equal(held.meetings[0]!.durationMinutes, 120);
    const ar = extract(
      'الكرملين يعلق على القمة\nوأشار بيسكوف إلى أن المحادثة الهاتفية بين بوتين وماكرون استمرت أكثر من ساعتين.',
    ).articles[0]!;
    assert.equal(ar.meetings[0]!.durationMinutes, 120);
  });

  it('coordinated verbs of one subject are one statement; a non-statement phrase drops only its own act', () => {
    const s = statements(
      'الكرملين يعلق على القمة\nرفض المتحدث باسم الكرملين دميتري بيسكوف الدعوة الأوروبية، وقال إن موسكو لن تتفاوض تحت الضغط.\n' +
        'وأكد مصدر دبلوماسي روسي أن موسكو تلقت رسائل عبر وسطاء، لكنه رفض الكشف عن مضمونها.',
    );
    assert.equal(s.length, 2);
    assert.ok(s[0]!.text.includes('وقال إن موسكو'));
    assert.equal(s[1]!.speaker.source, 'UNNAMED');
    assert.ok(s[1]!.text.startsWith('وأكد مصدر'));
  });

  it('a verb after a complementizer is inside the reported words (وإنه يحث, that X said)', () => {
    const s = statements(
      'الكرملين يعلق على القمة\nوقال بيسكوف إن الرئيس «قلق إزاء التقارير»، وإنه يحث جميع الأطراف على ضبط النفس.',
    );
    assert.equal(s.length, 1);
    assert.equal(s[0]!.speaker.key, 'dmitry-peskov');
  });

  it('a page of headlines only yields no statement', () => {
    const result = extract('أخبار\nالكرملين: لا موعد للقمة\nبوتين يتصل بماكرون\nترامب: المحادثات جيدة');
    assert.equal(result.articles.flatMap((a) => a.statements).length, 0);
  });

  it('every statement span is the statement text, and its page span the same words on the page', () => {
    const page = `Menu | Home\nKremlin comments on the summit\nPeskov said talks were useful. He added that Moscow is ready.\n${BODY_EN}`;
    const article = extractWithIndex({ text: page, outlet: 'X' }, index).articles[0]!;
    for (const s of article.statements) {
      assert.equal(article.text.slice(s.span.start, s.span.end), s.text);
      assert.equal(page.slice(s.pageSpan.start, s.pageSpan.end), s.text);
      assert.ok(s.confidence > 0 && s.confidence <= 1);
    }
  });
});
