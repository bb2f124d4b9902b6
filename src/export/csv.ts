/**
 * CSV as RFC 4180 has it: fields separated by commas, records ended by CRLF, a field quoted when it holds a comma,
 * a double quote, CR or LF, and a double quote inside a quoted field doubled.
 */

/** The UTF-8 byte order mark: Excel reads a CSV file as UTF-8 (and shows Arabic) only when it starts with one. */
export const UTF8_BOM = '\ufeff';

/** One field; null and undefined are empty. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF included. */
export function csvRecord(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
