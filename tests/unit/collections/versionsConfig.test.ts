/**
 * Versions are the official record of what was published and when: no
 * collection may prune them. Read from the sanitized config (Payload's own
 * defaults applied, 100 versions per document unless told otherwise), so a
 * collection added later with versions must follow.
 */
import type { SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

let config: SanitizedConfig

beforeAll(async () => {
  config = await (await import('@payload-config')).default
})

describe('versions are never pruned', () => {
  it('every collection with versions keeps all of them (maxPerDoc 0: unlimited)', () => {
    const versioned = config.collections.filter((collection) => collection.versions)
    // Not vacuous: the pages with their published history are among them.
    expect(versioned.map((collection) => collection.slug)).toContain('areas')
    for (const collection of versioned) {
      const versions = collection.versions as { maxPerDoc?: number }
      expect(versions.maxPerDoc, `${collection.slug}: versions.maxPerDoc`).toBe(0)
    }
  })

  it('every global with versions keeps all of them too', () => {
    for (const global of config.globals ?? []) {
      if (!global.versions) continue
      expect((global.versions as { max?: number }).max, `${global.slug}: versions.max`).toBe(0)
    }
  })

  it('published pages can be deleted only softly: the trash is on', () => {
    expect(config.collections.find((collection) => collection.slug === 'areas')?.trash).toBe(true)
  })
})
