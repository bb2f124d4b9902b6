import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFurniture, copyrightHolder, hasSentencePunctuation, isMenuLine } from './furniture';

const kindOf = (line: string): string => {
  const v = classifyFurniture(line);
  return v.role === 'text' ? 'text' : `${v.role}:${v.kind}`;
};

describe('classifyFurniture', () => {
  it('finds "read also" separators in their spellings, with or without hamza, tanween and colon', () => {
    for (const line of [
      'إقرأ أيضاً:',
      'اقرأ أيضا',
      'اقرا ايضا :',
      'إقرأ أيضًا',
      'Read also',
      'READ MORE:',
      'Related',
      'Related:',
      'See also',
    ]) {
      assert.equal(kindOf(line), 'separator:read-also', line);
    }
    assert.equal(kindOf('Read more: Chile hosts Antarctic treaty meeting'), 'furniture:read-also-teaser');
    assert.equal(kindOf('اقرأ أيضاً: وزير الخارجية يستقبل سفير البرتغال'), 'furniture:read-also-teaser');
  });

  it('cuts a widget label glued to the text and keeps the rest', () => {
    const line = 'أخبار ذات صلةاعتبر الكرملين أن عقد لقاء ضروري.';
    const v = classifyFurniture(line);
    assert.equal(v.role, 'stripped');
    assert.equal(line.slice(v.role === 'stripped' ? v.cut : 0), 'اعتبر الكرملين أن عقد لقاء ضروري.');
    assert.equal(kindOf('أخبار ذات صلة'), 'furniture:widget-label');
    assert.equal(kindOf('Related news agencies said the talks had ended.'), 'text');
  });

  it('drops source lines (keeping their value), keyword tags, share and comment labels', () => {
    const source = classifyFurniture('المصدر: صحيفة الاتحاد');
    assert.equal(source.role === 'furniture' && source.value, 'صحيفة الاتحاد');
    assert.equal(source.role === 'furniture' && source.givesOutlet, true);
    assert.equal(kindOf('كلمات دلالية: الكرملين دونالد ترامب'), 'furniture:keyword-tags');
    assert.equal(kindOf('Tags: China, Brazil'), 'furniture:keyword-tags');
    assert.equal(kindOf('Share | Print | Email'), 'furniture:share-print-comment');
    assert.equal(kindOf('Comments (12)'), 'furniture:share-print-comment');
    assert.equal(kindOf('شارك الخبر | فيسبوك | تويتر | واتساب'), 'furniture:share-print-comment');
  });

  it('ends the article at most-read lists and drops newsletter, copyright, byline and masthead lines', () => {
    assert.equal(kindOf('الأكثر قراءة'), 'separator:most-read');
    assert.equal(kindOf('Most read'), 'separator:most-read');
    assert.equal(kindOf('اشترك في النشرة البريدية'), 'furniture:newsletter');
    assert.equal(kindOf('© 2025 Example Wire. All rights reserved.'), 'furniture:copyright');
    assert.equal(kindOf('By Jane Okafor'), 'furniture:byline');
    assert.equal(kindOf('Reporting by Jane Okafor; Editing by Tom Reyes'), 'furniture:byline');
    const byline = classifyFurniture('By Reuters');
    assert.equal(byline.role === 'furniture' && byline.credit, 'Reuters');
    const masthead = classifyFurniture('صحيفة الوطن الجديد');
    assert.equal(masthead.role === 'furniture' && masthead.kind, 'masthead');
    assert.equal(masthead.role === 'furniture' && masthead.value, 'صحيفة الوطن الجديد');
  });

  it('drops menus and breadcrumbs', () => {
    assert.equal(kindOf('Home | World | Business | Markets | Sport'), 'furniture:menu');
    assert.equal(kindOf('الرئيسية سياسة اقتصاد رياضة فيديو'), 'furniture:menu');
    assert.equal(kindOf('Home > World > Middle East'), 'furniture:menu');
    assert.equal(isMenuLine('06/05/2025'), false);
    const withMasthead = classifyFurniture('بوابة الشرق | الصفحة الرئيسية | العالم');
    assert.equal(withMasthead.role === 'furniture' && withMasthead.kind, 'masthead');
    assert.equal(withMasthead.role === 'furniture' && withMasthead.value, 'بوابة الشرق');
  });

  it('keeps body text that merely starts with or contains a furniture word', () => {
    assert.equal(kindOf('By Monday, the two delegations had agreed on a text.'), 'text');
    assert.equal(
      kindOf(
        'The ministers discussed copyright rules for digital media, trade in services and a new fund for film co-production that both countries have promised to finance for five years.',
      ),
      'text',
    );
    assert.equal(kindOf('الكرملين: لقاء ترامب وبوتين ضروري لكنه بحاجة إلى تحضيرات كثيرة'), 'text');
    assert.equal(kindOf('Sharefest opens in Oslo'), 'text');
    assert.equal(kindOf('By-election called in northern district'), 'text');
    assert.equal(kindOf('Bylaws of the new council published'), 'text');
  });
});

describe('hasSentencePunctuation', () => {
  it('counts sentence ends, not abbreviations', () => {
    assert.equal(hasSentencePunctuation('The talks ended.'), true);
    assert.equal(hasSentencePunctuation('هل تنجح الوساطة؟'), true);
    assert.equal(hasSentencePunctuation('U.S. envoy to visit Cairo'), false);
    assert.equal(hasSentencePunctuation('الكرملين: لقاء ترامب وبوتين ضروري'), false);
  });
});

describe('copyrightHolder', () => {
  it('names the owner a copyright line gives, as written', () => {
    assert.equal(copyrightHolder('© 2025 AFP. All rights reserved.'), 'AFP');
    assert.equal(copyrightHolder('Copyright 2025 The Example Times'), 'The Example Times');
    assert.equal(copyrightHolder('© جميع الحقوق محفوظة لصحيفة الوطن الجديد 2025'), 'صحيفة الوطن الجديد');
    assert.equal(copyrightHolder('جميع الحقوق محفوظة © 2025'), null);
    assert.equal(copyrightHolder('All rights reserved.'), null);
  });
});
