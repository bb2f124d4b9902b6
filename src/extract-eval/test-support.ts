import path from 'node:path';
import { readBundleFile } from '../seed/seed-file';
import { SEED_FILE } from '../seed/seed-loader';
import { EntityMatcher } from './entity-matcher';
import { EVAL_ACTORS_FILE, readGoldSet, type GoldPage } from './gold-file';

/** The project root, from dist/src/extract-eval. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The committed development set and a matcher over the bundles the evaluation database is loaded with. */
export async function loadDevelopmentSet(): Promise<{ pages: GoldPage[]; matcher: EntityMatcher }> {
  const pages = await readGoldSet(PROJECT_ROOT);
  const actors = [
    ...(await readBundleFile(path.join(PROJECT_ROOT, SEED_FILE))).actors,
    ...(await readBundleFile(path.join(PROJECT_ROOT, EVAL_ACTORS_FILE))).actors,
  ];
  return { pages, matcher: new EntityMatcher(actors) };
}
