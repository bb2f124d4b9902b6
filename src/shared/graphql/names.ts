/** Names keyed by language code, as stored in `name_<lang>` properties. */
export type Names = Record<string, string>;

/** Collects `name_<lang>` properties into a Names map. */
export function namesFrom(properties: Record<string, unknown>): Names {
  const names: Names = {};
  for (const [key, value] of Object.entries(properties)) {
    if (key.startsWith('name_') && typeof value === 'string') names[key.slice(5)] = value;
  }
  return names;
}

/**
 * The name in `lang`, falling back to English, then to any name there is: the node's first, which a projected read
 * (stored-properties.ts) carries as `*` because it reads only the languages asked for.
 */
export function pickName(names: Names, lang: string): string {
  return names[lang] ?? names.en ?? names['*'] ?? Object.values(names)[0] ?? '';
}

/** `name_<lang>` properties for a Names map, for writing. Only short language tags pass, so keys stay safe. */
export function nameProperties(names: Names): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [lang, text] of Object.entries(names)) {
    if (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) properties[`name_${lang.replace(/-/g, '_')}`] = text;
  }
  return properties;
}
