import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { addForeignKeyActions } from '../src/database/foreignKeyActions'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`result_mappings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`area_id\` integer NOT NULL,
  	\`mapping\` text NOT NULL,
  	\`file_name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`area_id\`) REFERENCES \`areas\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`result_mappings_area_idx\` ON \`result_mappings\` (\`area_id\`);`)
  await db.run(sql`CREATE INDEX \`result_mappings_updated_at_idx\` ON \`result_mappings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`result_mappings_created_at_idx\` ON \`result_mappings\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` ADD \`imported_pending\` integer;`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` ADD \`imported_source\` text;`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` ADD \`imported_read_at\` text;`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` ADD \`imported_basis\` text;`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` ADD \`imported_national\` text;`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` ADD \`imported_local\` text;`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` ADD \`imported_national_percent\` numeric;`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` ADD \`imported_local_value\` text;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` ADD \`imported_pending\` integer;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` ADD \`imported_source\` text;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` ADD \`imported_read_at\` text;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` ADD \`imported_basis\` text;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` ADD \`imported_national\` text;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` ADD \`imported_local\` text;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` ADD \`imported_national_percent\` numeric;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` ADD \`imported_local_value\` text;`)
  await db.run(sql`ALTER TABLE \`indicators\` ADD \`national_template\` text;`)
  await db.run(sql`ALTER TABLE \`indicators\` ADD \`local_yes\` text;`)
  await db.run(sql`ALTER TABLE \`indicators\` ADD \`local_no\` text;`)
  await db.run(sql`ALTER TABLE \`indicators\` ADD \`local_partly\` text;`)
  await db.run(sql`ALTER TABLE \`indicators\` ADD \`local_percent_template\` text;`)
  await db.run(sql`ALTER TABLE \`indicators\` ADD \`kolada_kpi\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`sso_issuer\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`sso_subject\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`sso_last_sign_in_at\` text;`)
  await db.run(sql`CREATE INDEX \`users_sso_sso_subject_idx\` ON \`users\` (\`sso_subject\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`result_mappings_id\` integer REFERENCES result_mappings(id);`)
  // drizzle-kit leaves out ON DELETE here; the config says cascade (see src/database/foreignKeyActions.ts).
  await addForeignKeyActions(db, [{ table: 'payload_locked_documents_rels', column: 'result_mappings_id', references: 'result_mappings', onDelete: 'cascade' }])
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_result_mappings_id_idx\` ON \`payload_locked_documents_rels\` (\`result_mappings_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`result_mappings\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`areas_id\` integer,
  	\`sections_id\` integer,
  	\`links_id\` integer,
  	\`indicators_id\` integer,
  	\`notices_id\` integer,
  	\`comments_id\` integer,
  	\`audit_log_id\` integer,
  	\`users_id\` integer,
  	\`webhooks_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	\`published_snapshots_id\` integer,
  	\`publication_history_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`areas_id\`) REFERENCES \`areas\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sections_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`links_id\`) REFERENCES \`links\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`indicators_id\`) REFERENCES \`indicators\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notices_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`comments_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhooks_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`published_snapshots_id\`) REFERENCES \`published_snapshots\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`publication_history_id\`) REFERENCES \`publication_history\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "areas_id", "sections_id", "links_id", "indicators_id", "notices_id", "comments_id", "audit_log_id", "users_id", "webhooks_id", "webhook_deliveries_id", "published_snapshots_id", "publication_history_id") SELECT "id", "order", "parent_id", "path", "areas_id", "sections_id", "links_id", "indicators_id", "notices_id", "comments_id", "audit_log_id", "users_id", "webhooks_id", "webhook_deliveries_id", "published_snapshots_id", "publication_history_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_areas_id_idx\` ON \`payload_locked_documents_rels\` (\`areas_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sections_id_idx\` ON \`payload_locked_documents_rels\` (\`sections_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_links_id_idx\` ON \`payload_locked_documents_rels\` (\`links_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_indicators_id_idx\` ON \`payload_locked_documents_rels\` (\`indicators_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`comments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_published_snapshots_id_idx\` ON \`payload_locked_documents_rels\` (\`published_snapshots_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_publication_history_id_idx\` ON \`payload_locked_documents_rels\` (\`publication_history_id\`);`)
  await db.run(sql`DROP INDEX \`users_sso_sso_subject_idx\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`sso_issuer\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`sso_subject\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`sso_last_sign_in_at\`;`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` DROP COLUMN \`imported_pending\`;`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` DROP COLUMN \`imported_source\`;`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` DROP COLUMN \`imported_read_at\`;`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` DROP COLUMN \`imported_basis\`;`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` DROP COLUMN \`imported_national\`;`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` DROP COLUMN \`imported_local\`;`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` DROP COLUMN \`imported_national_percent\`;`)
  await db.run(sql`ALTER TABLE \`areas_blocks_result_set_bullets\` DROP COLUMN \`imported_local_value\`;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` DROP COLUMN \`imported_pending\`;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` DROP COLUMN \`imported_source\`;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` DROP COLUMN \`imported_read_at\`;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` DROP COLUMN \`imported_basis\`;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` DROP COLUMN \`imported_national\`;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` DROP COLUMN \`imported_local\`;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` DROP COLUMN \`imported_national_percent\`;`)
  await db.run(sql`ALTER TABLE \`_areas_v_blocks_result_set_bullets\` DROP COLUMN \`imported_local_value\`;`)
  await db.run(sql`ALTER TABLE \`indicators\` DROP COLUMN \`national_template\`;`)
  await db.run(sql`ALTER TABLE \`indicators\` DROP COLUMN \`local_yes\`;`)
  await db.run(sql`ALTER TABLE \`indicators\` DROP COLUMN \`local_no\`;`)
  await db.run(sql`ALTER TABLE \`indicators\` DROP COLUMN \`local_partly\`;`)
  await db.run(sql`ALTER TABLE \`indicators\` DROP COLUMN \`local_percent_template\`;`)
  await db.run(sql`ALTER TABLE \`indicators\` DROP COLUMN \`kolada_kpi\`;`)
}
