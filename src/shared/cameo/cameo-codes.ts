import { z } from 'zod';
import data from './cameo-codes.json';

const cameoCodeSchema = z.object({
  code: z.string().regex(/^(0[1-9]|1\d|20)\d{1,2}$/, 'a CAMEO code: category 01-20 and one or two more digits'),
  meaning: z.string().min(1),
  goldstein: z.number().min(-10).max(10).optional(),
  plover: z.string().nullable(),
});

/** The shape of cameo-codes.json. */
export const cameoCodesFileSchema = z.object({
  source: z.string().min(1),
  codes: z.array(cameoCodeSchema).min(1),
});

/** One CAMEO event code with its Goldstein score (-10 conflictual .. +10 cooperative) and PLOVER category. */
export interface CameoCode {
  code: string;
  meaning: string;
  /** The codebook's score, or the nearest parent's (`0xx0` for `0xxy`) where the code has none of its own. */
  goldstein: number;
  plover: string | null;
}

function load(): ReadonlyMap<string, CameoCode> {
  const file = cameoCodesFileSchema.parse(data);
  const raw = new Map(file.codes.map((c) => [c.code, c]));
  const out = new Map<string, CameoCode>();
  for (const c of file.codes) {
    const parent = raw.get(`${c.code.slice(0, 2)}0`);
    const goldstein = c.goldstein ?? parent?.goldstein;
    if (goldstein === undefined) throw new Error(`cameo-codes.json: ${c.code} has no Goldstein score, nor its parent`);
    out.set(c.code, { code: c.code, meaning: c.meaning, goldstein, plover: c.plover });
  }
  return out;
}

/**
 * The CAMEO codes Diplograph codes statements with, by code (`'036'`), from cameo-codes.json (the CAMEO codebook
 * and the Goldstein scale; see its `source`). Validated at load: a malformed file fails at start-up.
 */
export const CAMEO_CODES: ReadonlyMap<string, CameoCode> = load();

/** The entry of `code`, or of its two-digit root (`'13'` → `'130'`) when the code itself is not listed. */
export function cameoCode(code: string): CameoCode | undefined {
  return CAMEO_CODES.get(code) ?? CAMEO_CODES.get(`${code.slice(0, 2)}0`);
}
