import { toGlobalId } from '../shared/global-id';
import { Label, Rel } from '../shared/graph-schema';
import type { FieldPlan } from '../shared/graphql/field-plan';
import { namesFrom } from '../shared/graphql/names';
import {
  NAMES,
  projectProperties,
  selectProperties,
  type FieldProperties,
  type PropertySelection,
} from '../shared/graphql/stored-properties';
import type { Page } from '../shared/graphql/connection.type';
import { int, type Database } from '../shared/neo4j/database';
import type { CountryRow } from './country-reference';
import { Country } from './country.type';

/** Maps a Country node's properties to the GraphQL object. */
export function toCountry(properties: Record<string, unknown>): Country {
  const country = new Country();
  country.key = String(properties.id);
  country.id = toGlobalId('Country', country.key);
  country.code = String(properties.code);
  country.alpha3 = String(properties.alpha3);
  country.names = namesFrom(properties);
  return country;
}

/** The stored properties each Country field reads. */
export const COUNTRY_FIELDS: FieldProperties = {
  id: [],
  name: NAMES,
  code: ['code'],
  alpha3: ['alpha3'],
  aliases: [],
};

/** The country reads of the operation of `plan` (everything without one). */
export function countrySelection(plan: FieldPlan | undefined): PropertySelection {
  return selectProperties(plan, 'Country', COUNTRY_FIELDS, ['id']);
}

export class CountryRepository {
  constructor(
    private readonly db: Database,
    private readonly selection: PropertySelection = null,
  ) {}

  /** Countries by alpha-2 code, in key order (null where unknown): one query for the whole batch. */
  async byCodes(codes: readonly string[]): Promise<(Country | null)[]> {
    const rows = await this.db.read<{ props: Record<string, unknown> | null }>(
      `UNWIND $codes AS code
       OPTIONAL MATCH (c:${Label.Country} {id: code})
       RETURN CASE WHEN c IS NULL THEN null ELSE ${projectProperties('c', this.selection, 'properties(c)')} END AS props`,
      { codes },
    );
    return rows.map((row) => (row.props ? toCountry(row.props) : null));
  }

  /** A page of countries in code order. */
  async list(limit: number, after: string | null): Promise<Page<Country>> {
    const [row] = await this.db.read<{ total: number; page: Record<string, unknown>[] }>(
      `MATCH (c:${Label.Country})
       WITH count(c) AS total
       CALL (total) {
         MATCH (c:${Label.Country}) WHERE $after IS NULL OR c.id > $after
         RETURN c ORDER BY c.id LIMIT $limit
       }
       RETURN total, collect(properties(c)) AS page`,
      { limit: int(limit + 1), after },
    );
    const page = row?.page ?? [];
    return {
      totalCount: row?.total ?? 0,
      hasNextPage: page.length > limit,
      items: page.slice(0, limit).map((props) => ({ node: toCountry(props), position: String(props.id) })),
    };
  }

  /** Writes the ISO reference data with all aliases; MERGE on keys, so a rerun changes nothing. */
  /**
   * Writes the country list and its aliases, and the record `{id: recordId, checksum}` that says which version
   * was loaded, in one transaction: the list lands whole with its record, or not at all.
   */
  async upsertReference(rows: CountryRow[], recordId: string, checksum: string): Promise<void> {
    await this.db.writeTx(async (tx) => {
      await tx.run(
        `UNWIND $rows AS row
         MERGE (c:${Label.Country} {id: row.code})
         SET c.code = row.code, c.alpha3 = row.alpha3, c += row.names
         WITH c, row
         UNWIND row.aliases AS alias
         MERGE (a:${Label.Alias} {key: alias.key})
         ON CREATE SET a.text = CASE alias.lang WHEN 'code' THEN null ELSE alias.text END,
           a.search_text = CASE alias.lang WHEN 'code' THEN null ELSE alias.key END
         MERGE (c)-[r:${Rel.HAS_ALIAS}]->(a)
         ON CREATE SET r.text = alias.text, r.lang = alias.lang`,
        { rows },
      );
      await tx.run(
        `MERGE (m:${Label.SchemaMigration} {id: $recordId}) SET m.checksum = $checksum, m.appliedAt = datetime()`,
        { recordId, checksum },
      );
    });
  }
}
