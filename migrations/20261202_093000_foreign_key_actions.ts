import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-sqlite'

import { addForeignKeyActions, removeForeignKeyActions, type ForeignKeyAction } from '../src/database/foreignKeyActions'

/**
 * Written by hand: the columns earlier migrations added with ALTER TABLE got
 * no ON DELETE action (see src/database/foreignKeyActions.ts). Changes only
 * the tables' definitions; no row is touched.
 */
const KEYS: ForeignKeyAction[] = [
  { table: 'areas', column: 'last_saved_by_id', references: 'users', onDelete: 'set null' },
  { table: '_areas_v', column: 'version_last_saved_by_id', references: 'users', onDelete: 'set null' },
  ...['webhooks', 'webhook_deliveries', 'published_snapshots', 'publication_history', 'indicators'].map(
    (table): ForeignKeyAction => ({ table: 'payload_locked_documents_rels', column: `${table}_id`, references: table, onDelete: 'cascade' }),
  ),
]

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await addForeignKeyActions(db, KEYS)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await removeForeignKeyActions(db, KEYS)
}
