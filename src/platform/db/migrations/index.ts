import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';
import * as m0001 from './0001-platform.ts';
import * as m0002 from './0002-watch-posts.ts';
import * as m0003 from './0003-watch-connectors.ts';
import * as m0004 from './0004-watch-analysis.ts';
import * as m0005 from './0005-send.ts';
import * as m0006 from './0006-respond.ts';
import * as m0007 from './0007-watch-signals.ts';
import * as m0008 from './0008-watch-incidents.ts';
import * as m0009 from './0009-ask.ts';
import * as m0010 from './0010-send-public.ts';
import * as m0011 from './0011-watch-text-search.ts';

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
  '0005-send': m0005,
  '0006-respond': m0006,
  '0007-watch-signals': m0007,
  '0008-watch-incidents': m0008,
  '0009-ask': m0009,
  '0010-send-public': m0010,
  '0011-watch-text-search': m0011,
};
