import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` ADD \`sso_issuer\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`sso_subject\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`sso_last_sign_in_at\` text;`)
  await db.run(sql`CREATE INDEX \`users_sso_sso_subject_idx\` ON \`users\` (\`sso_subject\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`users_sso_sso_subject_idx\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`sso_issuer\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`sso_subject\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`sso_last_sign_in_at\`;`)
}
