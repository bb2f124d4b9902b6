/** Letters of each script in a text: the basis of the language decision. */
export interface ScriptCounts {
  arabic: number;
  latin: number;
}

/** Counts Arabic-script and Latin-script letters (one pass; other scripts, digits and punctuation are ignored). */
export function countScripts(text: string): ScriptCounts {
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0xfb50 && c <= 0xfeff)) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
  }
  return { arabic, latin };
}

/**
 * The BCP 47 primary tag of a text by script share: 'ar' when Arabic letters are at least as many as Latin ones
 * (an Arabic article quoting an English name stays Arabic), else 'en'. Diplograph's pages are Arabic or English;
 * a text in another Latin-script language is reported as 'en'.
 */
export function detectLanguage(text: string): { language: 'ar' | 'en'; reason: string } {
  const { arabic, latin } = countScripts(text);
  const total = arabic + latin;
  const language = arabic >= latin && arabic > 0 ? 'ar' : 'en';
  const share = total === 0 ? 0 : Math.round((100 * (language === 'ar' ? arabic : latin)) / total);
  return {
    language,
    reason: `language ${language}: ${share}% of ${total} letters are ${language === 'ar' ? 'Arabic' : 'Latin'}`,
  };
}
