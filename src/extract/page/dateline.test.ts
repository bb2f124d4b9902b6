import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDateline } from './dateline';

describe('parseDateline', () => {
  it('reads the seed dateline line: places and credits as written', () => {
    const line = 'موسكو، واشنطن (الاتحاد، وكالات)';
    const d = parseDateline(line);
    assert.deepEqual(d?.places, ['موسكو', 'واشنطن']);
    assert.deepEqual(d?.credits, ['الاتحاد', 'وكالات']);
    assert.deepEqual(d?.agencies, ['وكالات']);
    assert.deepEqual(d?.otherCredits, ['الاتحاد']);
    assert.equal(d?.end, line.length);
    assert.equal(d?.bodyStart, line.length);
  });

  it('splits credits joined by the conjunction و only where the parts are known credits', () => {
    assert.deepEqual(parseDateline('أبوظبي (الخليج ووكالات)')?.credits, ['الخليج', 'وكالات']);
    assert.deepEqual(parseDateline('بيروت (مراسلنا ورويترز)')?.credits, ['مراسلنا', 'رويترز']);
    assert.deepEqual(parseDateline('عمّان (بترا)')?.credits, ['بترا']);
    assert.deepEqual(parseDateline('دبي (وكالات)')?.credits, ['وكالات']);
  });

  it('reads inline wire datelines and says where the body starts', () => {
    const reuters = 'BEIJING (Reuters) - China said on Tuesday it would resume talks.';
    const d = parseDateline(reuters);
    assert.deepEqual([d?.places, d?.agencies], [['BEIJING'], ['Reuters']]);
    assert.equal(reuters.slice(0, d?.end), 'BEIJING (Reuters)');
    assert.equal(reuters.slice(d?.bodyStart), 'China said on Tuesday it would resume talks.');

    const dated = parseDateline('WASHINGTON, May 6 (Reuters) - The State Department said...');
    assert.deepEqual([dated?.places, dated?.agencies], [['WASHINGTON'], ['Reuters']]);

    const wam = 'أبوظبي (وام) - أكد الوزير أن الزيارة ناجحة.';
    const w = parseDateline(wam);
    assert.deepEqual([w?.places, w?.agencies], [['أبوظبي'], ['وام']]);
    assert.equal(wam.slice(w?.bodyStart), 'أكد الوزير أن الزيارة ناجحة.');

    const ap = parseDateline('KYIV, Ukraine (AP) — Officials said...');
    assert.deepEqual([ap?.places, ap?.agencies], [['KYIV', 'Ukraine'], ['AP']]);
  });

  it('reads a credit alone, place - agency forms and upper-case places', () => {
    assert.deepEqual(parseDateline('(وام)')?.agencies, ['وام']);
    const afp = parseDateline('القاهرة - أ ف ب');
    assert.deepEqual([afp?.places, afp?.agencies], [['القاهرة'], ['أ ف ب']]);
    const dotted = 'القاهرة - أ.ف.ب: قال الوزير إن المحادثات مستمرة.';
    const d = parseDateline(dotted);
    assert.deepEqual(d?.agencies, ['أ.ف.ب']);
    assert.equal(dotted.slice(d?.bodyStart), 'قال الوزير إن المحادثات مستمرة.');
    const london = parseDateline('LONDON — Britain said on Monday...');
    assert.deepEqual([london?.places, london?.credits], [['LONDON'], []]);
  });

  it('reads a quoted outlet credit after a dash', () => {
    const d = parseDateline('موسكو – «المشهد»');
    assert.deepEqual([d?.places, d?.credits, d?.agencies], [['موسكو'], ['المشهد'], []]);
    assert.equal(parseDateline('Putin says Russia will respond - "very painfully"'), null);
  });

  it('leaves sentences and titles alone', () => {
    assert.equal(parseDateline('The minister (who spoke on condition of anonymity) said talks would go on.'), null);
    assert.equal(parseDateline('Moscow (Russia) is hosting the talks this week.'), null);
    assert.equal(parseDateline('US - China talks resume in Geneva'), null);
    assert.equal(parseDateline('الكرملين: لقاء ترامب وبوتين ضروري لكنه بحاجة إلى تحضيرات كثيرة'), null);
    assert.equal(parseDateline('(مقدمة)'), null);
  });
});
