import type { AppConfig, ApiRole } from './config';
import type { Database } from './neo4j/database';
import type { FieldPlan } from './graphql/field-plan';
import type { Logger } from './logger';

/** Who is calling: the role of the API key and a short fingerprint of it (never the key). */
export interface Caller {
  role: ApiRole;
  fingerprint: string;
}

/**
 * Per-request memo of loaders and repositories: each domain passes its own factory, so DataLoaders live exactly
 * one request and no domain module has to register in a central list.
 */
export class RequestScope {
  private readonly made = new Map<unknown, unknown>();

  /**
   * The fields the operation selects per type, set once the operation is resolved (field-plan.plugin.ts), before
   * any loader exists: repositories project only the properties they need. Absent outside an HTTP operation
   * (subscriptions, internal reads): everything is read. It lives here, not on the context, because Apollo runs
   * each operation on a shallow copy of the context, and the loaders are made from the original.
   */
  fields?: FieldPlan;

  constructor(private readonly ctx: () => GraphQLContext) {}

  get<T>(factory: (ctx: GraphQLContext) => T): T {
    if (!this.made.has(factory)) this.made.set(factory, factory(this.ctx()));
    return this.made.get(factory) as T;
  }
}

/** The GraphQL context: built fresh for each operation. */
export interface GraphQLContext {
  requestId: string;
  log: Logger;
  config: AppConfig;
  /** The database, counting this operation's round trips. */
  db: Database;
  caller: Caller | null;
  /** Whether the response carries `extensions.diplograph` (round trips and database time). */
  debug: boolean;
  scope: RequestScope;
}
