/** Right answers out of the cases counted (an accuracy). */
export interface Ratio {
  correct: number;
  total: number;
}

/** Counts for precision and recall: `tp` right predictions of `predicted` made and `gold` expected. */
export interface Prf {
  tp: number;
  predicted: number;
  gold: number;
}

export const ratio = (): Ratio => ({ correct: 0, total: 0 });
export const prf = (): Prf => ({ tp: 0, predicted: 0, gold: 0 });

/** Adds one case to an accuracy. */
export function count(r: Ratio, right: boolean): void {
  r.total += 1;
  if (right) r.correct += 1;
}

/** The accuracy, or null when nothing was counted. */
export function accuracy(r: Ratio): number | null {
  return r.total === 0 ? null : r.correct / r.total;
}

/** Precision, recall and F1 (harmonic mean); each null when its denominator is 0. */
export function scores(c: Prf): { precision: number | null; recall: number | null; f1: number | null } {
  const precision = c.predicted === 0 ? null : c.tp / c.predicted;
  const recall = c.gold === 0 ? null : c.tp / c.gold;
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall === 0
        ? 0
        : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Adds counters of the same shape, field by field (numbers summed, nested objects recursed). */
export function addInto<T extends object>(target: T, source: T): void {
  for (const key of Object.keys(source) as (keyof T)[]) {
    const value = source[key];
    if (typeof value === 'number') (target[key] as number) += value;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value))
      addInto(target[key] as object, value as object);
  }
}
