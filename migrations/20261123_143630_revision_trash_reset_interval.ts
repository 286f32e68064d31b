import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`areas\` ADD \`revision\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`areas\` ADD \`last_saved_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`areas\` ADD \`last_saved_at\` text;`)
  await db.run(sql`ALTER TABLE \`areas\` ADD \`deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`areas_last_saved_by_idx\` ON \`areas\` (\`last_saved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`areas_deleted_at_idx\` ON \`areas\` (\`deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`_areas_v\` ADD \`version_revision\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`_areas_v\` ADD \`version_last_saved_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_areas_v\` ADD \`version_last_saved_at\` text;`)
  await db.run(sql`ALTER TABLE \`_areas_v\` ADD \`version_deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`_areas_v_version_version_last_saved_by_idx\` ON \`_areas_v\` (\`version_last_saved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_areas_v_version_version_deleted_at_idx\` ON \`_areas_v\` (\`version_deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`reset_password_requested_at\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_areas\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`section_id\` integer,
  	\`first_published_at\` text,
  	\`last_published_at\` text,
  	\`owner_id\` integer,
  	\`review_by\` text,
  	\`survey_cycle_years\` text DEFAULT '1',
  	\`teaser\` text,
  	\`intro\` text,
  	\`workflow_state\` text DEFAULT 'draft',
  	\`workflow_scheduled_unpublish_at\` text,
  	\`workflow_scheduled_publish_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`owner_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_areas\`("id", "title", "slug", "section_id", "first_published_at", "last_published_at", "owner_id", "review_by", "survey_cycle_years", "teaser", "intro", "workflow_state", "workflow_scheduled_unpublish_at", "workflow_scheduled_publish_at", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "section_id", "first_published_at", "last_published_at", "owner_id", "review_by", "survey_cycle_years", "teaser", "intro", "workflow_state", "workflow_scheduled_unpublish_at", "workflow_scheduled_publish_at", "updated_at", "created_at", "_status" FROM \`areas\`;`)
  await db.run(sql`DROP TABLE \`areas\`;`)
  await db.run(sql`ALTER TABLE \`__new_areas\` RENAME TO \`areas\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`areas_slug_idx\` ON \`areas\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`areas_section_idx\` ON \`areas\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`areas_first_published_at_idx\` ON \`areas\` (\`first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`areas_last_published_at_idx\` ON \`areas\` (\`last_published_at\`);`)
  await db.run(sql`CREATE INDEX \`areas_owner_idx\` ON \`areas\` (\`owner_id\`);`)
  await db.run(sql`CREATE INDEX \`areas_review_by_idx\` ON \`areas\` (\`review_by\`);`)
  await db.run(sql`CREATE INDEX \`areas_workflow_state_idx\` ON \`areas\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`areas_updated_at_idx\` ON \`areas\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`areas_created_at_idx\` ON \`areas\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`areas__status_idx\` ON \`areas\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__areas_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_section_id\` integer,
  	\`version_first_published_at\` text,
  	\`version_last_published_at\` text,
  	\`version_owner_id\` integer,
  	\`version_review_by\` text,
  	\`version_survey_cycle_years\` text DEFAULT '1',
  	\`version_teaser\` text,
  	\`version_intro\` text,
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_workflow_scheduled_unpublish_at\` text,
  	\`version_workflow_scheduled_publish_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`areas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_owner_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__areas_v\`("id", "parent_id", "version_title", "version_slug", "version_section_id", "version_first_published_at", "version_last_published_at", "version_owner_id", "version_review_by", "version_survey_cycle_years", "version_teaser", "version_intro", "version_workflow_state", "version_workflow_scheduled_unpublish_at", "version_workflow_scheduled_publish_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_section_id", "version_first_published_at", "version_last_published_at", "version_owner_id", "version_review_by", "version_survey_cycle_years", "version_teaser", "version_intro", "version_workflow_state", "version_workflow_scheduled_unpublish_at", "version_workflow_scheduled_publish_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_areas_v\`;`)
  await db.run(sql`DROP TABLE \`_areas_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__areas_v\` RENAME TO \`_areas_v\`;`)
  await db.run(sql`CREATE INDEX \`_areas_v_parent_idx\` ON \`_areas_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_areas_v_version_version_slug_idx\` ON \`_areas_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_areas_v_version_version_section_idx\` ON \`_areas_v\` (\`version_section_id\`);`)
  await db.run(sql`CREATE INDEX \`_areas_v_version_version_first_published_at_idx\` ON \`_areas_v\` (\`version_first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_areas_v_version_version_last_published_at_idx\` ON \`_areas_v\` (\`version_last_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_areas_v_version_version_owner_idx\` ON \`_areas_v\` (\`version_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`_areas_v_version_version_review_by_idx\` ON \`_areas_v\` (\`version_review_by\`);`)
  await db.run(sql`CREATE INDEX \`_areas_v_version_version_workflow_state_idx\` ON \`_areas_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_areas_v_version_version_updated_at_idx\` ON \`_areas_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_areas_v_version_version_created_at_idx\` ON \`_areas_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_areas_v_version_version__status_idx\` ON \`_areas_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_areas_v_created_at_idx\` ON \`_areas_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_areas_v_updated_at_idx\` ON \`_areas_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_areas_v_latest_idx\` ON \`_areas_v\` (\`latest\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`reset_password_requested_at\` text;`)
}
