import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`spelling_words_words\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`word\` text NOT NULL,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`spelling_words\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`spelling_words_words_order_idx\` ON \`spelling_words_words\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`spelling_words_words_parent_id_idx\` ON \`spelling_words_words\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`spelling_words\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`spelling_words_words\`;`)
  await db.run(sql`DROP TABLE \`spelling_words\`;`)
}
