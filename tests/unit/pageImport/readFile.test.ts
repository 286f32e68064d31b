import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { PageParseError, parsePage } from '@/pageImport/parse'
import { readPageFile } from '@/pageImport/readFile'

import { readSeed, SEED_DIR, SEED_FILES } from './seeds'

describe('readPageFile', () => {
  it('reads a file and names the page by its file name', async () => {
    const page = await readPageFile(path.join(SEED_DIR, SEED_FILES['004']))
    expect(page).toEqual(parsePage(readSeed(SEED_FILES['004']), SEED_FILES['004']))
  })

  it('passes parse errors on', async () => {
    await expect(readPageFile(path.join(SEED_DIR, '..', '..', 'package.json'))).rejects.toBeInstanceOf(PageParseError)
  })
})
