import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { type ParsedPage, parsePage } from './parse'

/** Reads one page file (UTF-8) and parses it, naming it by its file name. */
export async function readPageFile(filePath: string): Promise<ParsedPage> {
  return parsePage(await readFile(filePath, 'utf8'), path.basename(filePath))
}
