/** An in-memory alias index and helpers shared by the extraction engine's tests (no database). */
import assert from 'node:assert/strict';
import type { ActorKind } from '../../shared/graphql/enums';
import { normalizeName } from '../../shared/text/normalize';
import { AliasIndex, type EntityRow, type RoleRow } from '../alias-index';
import { extractWithIndex } from '../extract.service';
import { lexicon } from '../lexicon/lexicon';

function actor(
  key: string,
  kind: 'PERSON' | 'ORGANIZATION' | 'MEDIA',
  country: string | null,
  names: string[],
): EntityRow {
  return {
    type: 'Actor',
    key,
    nameEn: names[0]!,
    nameAr: names.find((n) => /[\u0600-\u06FF]/.test(n)) ?? null,
    kind: kind as ActorKind,
    country,
    aliasKeys: names.map(normalizeName),
  };
}

function country(code: string, names: string[]): EntityRow {
  return {
    type: 'Country',
    key: code,
    nameEn: names[0]!,
    nameAr: null,
    kind: null,
    country: code,
    aliasKeys: names.map(normalizeName),
  };
}

/** A small graph: enough names and roles to exercise each rule, as the alias index holds them. */
const ENTITIES: EntityRow[] = [
  actor('dmitry-peskov', 'PERSON', 'RU', ['Dmitry Peskov', 'Peskov', 'دميتري بيسكوف', 'بيسكوف']),
  actor('vladimir-putin', 'PERSON', 'RU', ['Vladimir Putin', 'Putin', 'فلاديمير بوتين', 'بوتين']),
  actor('emmanuel-macron', 'PERSON', 'FR', ['Emmanuel Macron', 'Macron', 'إيمانويل ماكرون', 'ماكرون']),
  actor('donald-trump', 'PERSON', 'US', ['Donald Trump', 'Trump', 'دونالد ترامب', 'ترامب', 'ترمب']),
  actor('kremlin', 'ORGANIZATION', 'RU', ['Kremlin', 'الكرملين', 'The Kremlin', 'الرئاسة الروسية']),
  actor('ria-novosti', 'MEDIA', 'RU', ['RIA Novosti', 'ريا نوفوستي']),
  actor('tass', 'MEDIA', 'RU', ['TASS']),
  actor('antonio-guterres', 'PERSON', 'PT', ['António Guterres', 'Guterres', 'أنطونيو غوتيريش', 'غوتيريش']),
  actor('united-nations', 'ORGANIZATION', null, ['United Nations', 'UN', 'الأمم المتحدة']),
  country('RU', ['Russia', 'روسيا', 'موسكو', 'Moscow']),
  country('US', ['United States', 'الولايات المتحدة', 'واشنطن', 'Washington']),
  country('UA', ['Ukraine', 'أوكرانيا', 'كييف', 'Kyiv']),
  country('FR', ['France', 'فرنسا']),
  country('TR', ['Turkey', 'Türkiye', 'تركيا']),
  actor('european-union', 'ORGANIZATION', null, ['European Union', 'الاتحاد الأوروبي']),
];
const ROLES: RoleRow[] = [
  {
    holderKey: 'antonio-guterres',
    titles: ['UN Secretary-General'],
    country: null,
    organization: 'united-nations',
    since: '2017-01-01',
    until: null,
  },
  {
    holderKey: 'dmitry-peskov',
    titles: ['Kremlin spokesman', 'المتحدث باسم الكرملين'],
    country: 'RU',
    organization: 'kremlin',
    since: '2012-05-22',
    until: null,
  },
  {
    holderKey: 'vladimir-putin',
    titles: ['President of Russia', 'الرئيس الروسي'],
    country: 'RU',
    organization: 'kremlin',
    since: '2012-05-07',
    until: null,
  },
  {
    holderKey: 'donald-trump',
    titles: ['President of the United States'],
    country: 'US',
    organization: null,
    since: '2025-01-20',
    until: null,
  },
];
export const index = new AliasIndex(ENTITIES, ROLES, lexicon(), {
  aliases: 0,
  aliasLinks: 0,
  actors: 0,
  roles: 0,
  roleLinks: 0,
});

/** Narration long enough for the page splitter to see an article body (page-furniture.json anchorMinWords). */
export const BODY_AR =
  'وتأتي هذه التصريحات في ظل توتر متصاعد في المنطقة منذ عدة أشهر بسبب الخلافات السياسية والاقتصادية بين الأطراف المعنية.';
export const BODY_EN =
  'The remarks come amid rising tension in the region over the past several months because of political and economic disputes.';

export function extract(text: string, publishedOn = '2025-05-06') {
  const body = /[\u0600-\u06FF]/.test(text) ? BODY_AR : BODY_EN;
  return extractWithIndex({ text: `${text}\n${body}`, outlet: 'Test Outlet', publishedOn }, index);
}

export function statements(text: string, publishedOn?: string) {
  const [article] = extract(text, publishedOn).articles;
  assert.ok(article, 'one article');
  return article.statements;
}
