import * as m0001 from './0001_init.js';
import * as m0002 from './0002_dossier_item_titles.js';
import * as m0003 from './0003_article_list_index.js';
import * as m0004 from './0004_library_meta.js';
import * as m0005 from './0005_timeline.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, in order. Each is applied in its own transaction; `user_version` records the last. */
export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005];

export const latestVersion = migrations[migrations.length - 1]?.version ?? 0;
