/**
 * Names that stand for a country's government in news text but are not in the ISO name lists: capitals
 * (metonymy: "Moscow said"), short forms and common Arabic spellings. Keyed by ISO 3166-1 alpha-2 code.
 */
export const COUNTRY_EXTRA_ALIASES: Record<string, { text: string; lang: string }[]> = {
  RU: [
    { text: 'Moscow', lang: 'en' },
    { text: 'موسكو', lang: 'ar' },
    { text: 'روسيا الاتحادية', lang: 'ar' },
    { text: 'Россия', lang: 'ru' },
  ],
  US: [
    { text: 'Washington', lang: 'en' },
    { text: 'واشنطن', lang: 'ar' },
    { text: 'America', lang: 'en' },
    { text: 'أميركا', lang: 'ar' },
    { text: 'أمريكا', lang: 'ar' },
    { text: 'الولايات المتحدة الأمريكية', lang: 'ar' },
    { text: 'الولايات المتحدة الأميركية', lang: 'ar' },
  ],
  UA: [
    { text: 'Kyiv', lang: 'en' },
    { text: 'Kiev', lang: 'en' },
    { text: 'كييف', lang: 'ar' },
    { text: 'كيف', lang: 'ar' },
    { text: 'اوكرانيا', lang: 'ar' },
  ],
  AZ: [
    { text: 'Baku', lang: 'en' },
    { text: 'باكو', lang: 'ar' },
    { text: 'أذربيجان', lang: 'ar' },
    { text: 'اذربيجان', lang: 'ar' },
  ],
  GB: [
    { text: 'London', lang: 'en' },
    { text: 'Britain', lang: 'en' },
    { text: 'لندن', lang: 'ar' },
    { text: 'بريطانيا', lang: 'ar' },
  ],
  DE: [
    { text: 'Berlin', lang: 'en' },
    { text: 'برلين', lang: 'ar' },
  ],
  FR: [
    { text: 'Paris', lang: 'en' },
    { text: 'باريس', lang: 'ar' },
  ],
  CN: [
    { text: 'Beijing', lang: 'en' },
    { text: 'بكين', lang: 'ar' },
  ],
  IR: [
    { text: 'Tehran', lang: 'en' },
    { text: 'طهران', lang: 'ar' },
  ],
  TR: [
    { text: 'Ankara', lang: 'en' },
    { text: 'أنقرة', lang: 'ar' },
    { text: 'Turkey', lang: 'en' },
  ],
  AE: [
    { text: 'Abu Dhabi', lang: 'en' },
    { text: 'أبوظبي', lang: 'ar' },
    { text: 'أبو ظبي', lang: 'ar' },
    { text: 'الإمارات', lang: 'ar' },
  ],
  SA: [
    { text: 'Riyadh', lang: 'en' },
    { text: 'الرياض', lang: 'ar' },
    { text: 'السعودية', lang: 'ar' },
  ],
  EG: [
    { text: 'Cairo', lang: 'en' },
    { text: 'القاهرة', lang: 'ar' },
  ],
  SY: [
    { text: 'Damascus', lang: 'en' },
    { text: 'دمشق', lang: 'ar' },
  ],
  IQ: [
    { text: 'Baghdad', lang: 'en' },
    { text: 'بغداد', lang: 'ar' },
  ],
  QA: [
    { text: 'Doha', lang: 'en' },
    { text: 'الدوحة', lang: 'ar' },
  ],
  JP: [
    { text: 'Tokyo', lang: 'en' },
    { text: 'طوكيو', lang: 'ar' },
  ],
  IN: [
    { text: 'New Delhi', lang: 'en' },
    { text: 'نيودلهي', lang: 'ar' },
  ],
  BY: [
    { text: 'Minsk', lang: 'en' },
    { text: 'مينسك', lang: 'ar' },
  ],
  PL: [
    { text: 'Warsaw', lang: 'en' },
    { text: 'وارسو', lang: 'ar' },
  ],
  IL: [
    { text: 'Tel Aviv', lang: 'en' },
    { text: 'تل أبيب', lang: 'ar' },
  ],
};
