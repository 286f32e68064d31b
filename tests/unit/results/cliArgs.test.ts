import { describe, expect, it } from 'vitest'

import { parseResultCliArgs } from '@/results/cliArgs'

describe('npm run import:results arguments', () => {
  it('a table with area, year, mapping and dry run', () => {
    expect(parseResultCliArgs(['oj.xlsx', '--area', 'socialpsykiatri', '--year', '2025', '--mapping', 'm.json', '--dry-run'])).toEqual({
      ok: true,
      args: { mode: 'table', file: 'oj.xlsx', area: 'socialpsykiatri', year: 2025, mappingFile: 'm.json', dryRun: true },
    })
  })

  it('Kolada, for every area or one', () => {
    expect(parseResultCliArgs(['--kolada', '--year', '2024'])).toEqual({ ok: true, args: { mode: 'kolada', area: null, year: 2024, dryRun: false } })
  })

  it('refuses what is missing or unknown, saying what to give', () => {
    expect(parseResultCliArgs(['oj.xlsx', '--year', '2025'])).toEqual({ ok: false, error: 'Ange området med --area <slug>, t.ex. --area ekonomiskt-bistand.' })
    expect(parseResultCliArgs(['oj.xlsx', '--area', 'x'])).toEqual({ ok: false, error: 'Ange undersökningsåret med --year, t.ex. --year 2025.' })
    expect(parseResultCliArgs(['--area', '--year', '2025'])).toEqual({ ok: false, error: '--area behöver ett värde.' })
    expect(parseResultCliArgs(['oj.xlsx', '--area', 'x', '--year', '2025', '--publish'])).toEqual({ ok: false, error: 'Okänd flagga --publish.' })
    expect(parseResultCliArgs(['--kolada', 'oj.xlsx', '--year', '2025'])).toEqual({ ok: false, error: 'Med --kolada läses ingen fil; ta bort filnamnet.' })
  })
})
