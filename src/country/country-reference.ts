import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import { normalizeName } from '../shared/text/normalize';
import { COUNTRY_EXTRA_ALIASES } from './country-aliases';

const LANGS = ['en', 'ar', 'ru', 'fr'] as const;
for (const locale of [en, ar, ru, fr]) countries.registerLocale(locale);

/** One country as written to the graph. */
export interface CountryRow {
  code: string;
  alpha3: string;
  names: Record<string, string>;
  aliases: { key: string; text: string; lang: string }[];
}

function isAbbreviation(name: string): boolean {
  return /^[A-Z.]+$/.test(name);
}

function commonName(all: string[]): string | undefined {
  const common = all[1];
  return common !== undefined && !isAbbreviation(common) && !common.includes(',') ? common : undefined;
}

/** Short forms that two countries share ("Congo") cannot be display names: the official name stays. */
function sharedCommonNames(): Set<string> {
  const seen = new Map<string, number>();
  for (const code of Object.keys(countries.getAlpha2Codes())) {
    const common = commonName(countries.getName(code, 'en', { select: 'all' }) ?? []);
    if (common) seen.set(common, (seen.get(common) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, count]) => count > 1).map(([name]) => name));
}

/** Every ISO 3166-1 country with its names in English, Arabic, Russian and French, and all its aliases. */
export function countryReferenceRows(): CountryRow[] {
  const shared = sharedCommonNames();
  const displayName = (all: string[]): string => {
    const common = commonName(all);
    return common !== undefined && !shared.has(common) ? common : all[0]!;
  };
  return Object.keys(countries.getAlpha2Codes()).map((code) => {
    const names: Record<string, string> = {};
    const aliases = new Map<string, { key: string; text: string; lang: string }>();
    const addAlias = (text: string, lang: string): void => {
      const key = normalizeName(text);
      if (key && !aliases.has(key)) aliases.set(key, { key, text, lang });
    };
    for (const lang of LANGS) {
      const all = countries.getName(code, lang, { select: 'all' }) ?? [];
      if (all.length === 0) continue;
      names[`name_${lang}`] = lang === 'en' ? displayName(all) : all[0]!;
      for (const name of all) addAlias(name, lang);
    }
    const alpha3 = countries.alpha2ToAlpha3(code) ?? code;
    // Codes resolve exactly but stay out of full-text search, where "IN" or "US" would match ordinary words.
    addAlias(code, 'code');
    addAlias(alpha3, 'code');
    for (const extra of COUNTRY_EXTRA_ALIASES[code] ?? []) addAlias(extra.text, extra.lang);
    return { code, alpha3, names, aliases: [...aliases.values()] };
  });
}
