import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` ADD \`calendar_feed_key_hash\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`calendar_feed_created_at\` text;`)
  await db.run(sql`CREATE INDEX \`users_calendar_feed_key_hash_idx\` ON \`users\` (\`calendar_feed_key_hash\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`users_calendar_feed_key_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`calendar_feed_key_hash\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`calendar_feed_created_at\`;`)
}
