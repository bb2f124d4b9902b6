import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates, parseDateLine, parsePlaceDateLine } from './publication-date';

const isoOf = (line: string, dayFirst = true): string[] => findDates(line, dayFirst).map((d) => d.iso);

describe('findDates', () => {
  it('reads the seed form and the usual English forms', () => {
    assert.deepEqual(isoOf('6th, May 2025 GMT'), ['2025-05-06']);
    assert.deepEqual(isoOf('6 May 2025'), ['2025-05-06']);
    assert.deepEqual(isoOf('Tuesday 6 May, 2025'), ['2025-05-06']);
    assert.deepEqual(isoOf('May 6, 2025'), ['2025-05-06']);
    assert.deepEqual(isoOf('Sept. 3, 2025'), ['2025-09-03']);
    assert.deepEqual(isoOf('the 21st of March 2024'), ['2024-03-21']);
    assert.deepEqual(isoOf('2025-05-06T10:32:00Z'), ['2025-05-06']);
    assert.deepEqual(isoOf('2025/5/6'), ['2025-05-06']);
  });

  it('reads Arabic month names of both series, with ASCII, Arabic-Indic and Eastern digits', () => {
    assert.deepEqual(isoOf('6 مايو 2025'), ['2025-05-06']);
    assert.deepEqual(isoOf('٦ أيار ٢٠٢٥'), ['2025-05-06']);
    assert.deepEqual(isoOf('6 مايو/أيار 2025'), ['2025-05-06']);
    assert.deepEqual(isoOf('12 كانون الثاني 2026'), ['2026-01-12']);
    assert.deepEqual(isoOf('۱۲ تشرين الأول ۲۰۲۵'), ['2025-10-12']);
    assert.deepEqual(isoOf('3 كانون الأول 2024'), ['2024-12-03']);
    assert.deepEqual(isoOf('1 إبريل 2025'), ['2025-04-01']);
    assert.deepEqual(isoOf('1 ابريل 2025'), ['2025-04-01']);
    assert.deepEqual(isoOf('15 آب 2025'), ['2025-08-15']);
  });

  it('never guesses: impossible dates and ambiguous numeric dates on non-day-first pages are skipped', () => {
    assert.deepEqual(isoOf('31 April 2025'), []);
    assert.deepEqual(isoOf('29 February 2025'), []);
    assert.deepEqual(isoOf('29 February 2024'), ['2024-02-29']);
    assert.deepEqual(isoOf('6 May 1850'), []);
    assert.deepEqual(isoOf('06/05/2025', false), []);
    assert.deepEqual(isoOf('06/05/2025', true), ['2025-05-06']);
    assert.deepEqual(isoOf('13/05/2025', false), ['2025-05-13']);
    assert.deepEqual(isoOf('05/13/2025', false), ['2025-05-13']);
    assert.deepEqual(isoOf('May 2025'), []);
  });

  it('gives offsets in the line', () => {
    const [date] = findDates('تاريخ النشر: 6th, May 2025 GMT', true);
    assert.equal('تاريخ النشر: 6th, May 2025 GMT'.slice(date?.start, date?.end), '6th, May 2025');
  });
});

describe('parseDateLine', () => {
  it('reads labelled publication and update dates', () => {
    assert.equal(parseDateLine('تاريخ النشر: 6th, May 2025 GMT', true)?.publishedOn, '2025-05-06');
    const both = parseDateLine('Published: May 6, 2025 | Updated: May 7, 2025 10:15 AM', false);
    assert.equal(both?.publishedOn, '2025-05-06');
    assert.equal(both?.updatedOn, '2025-05-07');
    const updated = parseDateLine('آخر تحديث: ۱۵ كانون الثاني ۲۰۲۶', true);
    assert.equal(updated?.publishedOn, null);
    assert.equal(updated?.updatedOn, '2026-01-15');
  });

  it('reads a date with weekday, time, zone and a Hijri date beside it', () => {
    assert.equal(parseDateLine('الثلاثاء 8 ذو القعدة 1446 هـ - 6 مايو 2025 م', true)?.publishedOn, '2025-05-06');
    assert.equal(parseDateLine('Tuesday, May 6, 2025 10:32 AM GMT', false)?.publishedOn, '2025-05-06');
    assert.equal(parseDateLine('الأربعاء ٧ مايو ٢٠٢٥ - ١٠:٣٠ ص', true)?.publishedOn, '2025-05-07');
  });

  it('leaves headlines and sentences that contain a date alone', () => {
    assert.equal(parseDateLine('Iraq sets parliamentary elections for 11 November 2025', false), null);
    assert.equal(parseDateLine('الانتخابات البرلمانية في 11 نوفمبر 2025', true), null);
    assert.equal(parseDateLine('No date here', false), null);
  });
});

describe('parsePlaceDateLine', () => {
  it('reads a date line that starts with its place', () => {
    assert.equal(parsePlaceDateLine('ANKARA, Turkey — 2025-05-30', false)?.publishedOn, '2025-05-30');
    assert.equal(parsePlaceDateLine('القاهرة - 6 مايو 2025', true)?.publishedOn, '2025-05-06');
  });

  it('leaves headlines with a date alone', () => {
    assert.equal(parsePlaceDateLine('Iraq sets elections - 11 November 2025', false), null);
    assert.equal(parsePlaceDateLine('ANKARA, Turkey — talks resume', false), null);
  });
});
