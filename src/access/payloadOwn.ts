import type { Access, SanitizedConfig } from 'payload'

import { createsOwnLock, isAdmin, isStaff, nobody, releasesOwnLockOrAdmin, updatesOwnLock } from './predicates'

/**
 * Access for what Payload adds to the config itself, which it configures with
 * "any signed-in user" and offers no option to change: the document locks,
 * the migration records and the job statistics global (src/access/matrix.ts
 * has the intent). Applied to the sanitised config, before anything runs.
 */
export function applyPayloadOwnAccess(config: SanitizedConfig): SanitizedConfig {
  const collections: Record<string, Record<string, Access>> = {
    'payload-locked-documents': { read: isStaff, create: createsOwnLock, update: updatesOwnLock, delete: releasesOwnLockOrAdmin },
    // Written by the migration runner, which uses the local API with overrideAccess.
    'payload-migrations': { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  }
  // Written by the job runner straight through the database adapter.
  const globals: Record<string, Record<string, Access>> = { 'payload-jobs-stats': { read: isAdmin, update: nobody, readVersions: nobody } }
  for (const collection of config.collections) Object.assign(collection.access, collections[collection.slug])
  for (const global of config.globals) Object.assign(global.access, globals[global.slug])
  return config
}
