import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';
import * as m0001 from './0001-platform.ts';
import * as m0002 from './0002-watch-posts.ts';
import * as m0003 from './0003-watch-connectors.ts';
import * as m0004 from './0004-watch-analysis.ts';

export interface DialectMigration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
  down(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/** The one numbered list of migrations, shared by SQLite and PostgreSQL. Append; never edit a landed one. */
export const migrations: Record<string, DialectMigration> = {
  '0001-platform': m0001,
  '0002-watch-posts': m0002,
  '0003-watch-connectors': m0003,
  '0004-watch-analysis': m0004,
};
