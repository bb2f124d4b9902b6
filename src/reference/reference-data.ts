import { createHash } from 'node:crypto';
import { countryReferenceRows } from '../country/country-reference';
import { CountryRepository } from '../country/country.repository';
import { Label } from '../shared/graph-schema';
import type { Logger } from '../shared/logger';
import type { Database } from '../shared/neo4j/database';

const RECORD_ID = 'reference:countries';

/** Loads the ISO country list and its aliases, once per content version: a rerun with the same data does nothing. */
export async function loadReferenceData(db: Database, log: Logger): Promise<void> {
  db = db.bulk();
  const rows = countryReferenceRows();
  const checksum = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  const [existing] = await db.read<{ checksum: string | null }>(
    `OPTIONAL MATCH (m:${Label.SchemaMigration} {id: $id}) RETURN m.checksum AS checksum`,
    { id: RECORD_ID },
  );
  if (existing?.checksum === checksum) return;
  await new CountryRepository(db).upsertReference(rows);
  await db.writeTx((tx) =>
    tx.run(`MERGE (m:${Label.SchemaMigration} {id: $id}) SET m.checksum = $checksum, m.appliedAt = datetime()`, {
      id: RECORD_ID,
      checksum,
    }),
  );
  log.info({ countries: rows.length }, 'Loaded country reference data');
}
