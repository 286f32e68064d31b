import type { ImportReport } from './importPages'

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd())
}

/** The import summary a person reads: a table per file, then warnings and notes. */
export function formatImportReport(report: ImportReport): string {
  const lines: string[] = []
  lines.push(report.dryRun ? 'Importrapport (provkörning – inget skrevs):' : 'Importrapport:')
  lines.push(
    ...table([
      ['Fil', 'Sida', 'Åtgärd', 'Versioner', 'Punkter', 'Varningar'],
      ...report.files.map((file) => [
        file.file,
        file.title ?? '–',
        file.action,
        String(file.versionsWritten),
        String(file.bullets),
        String(file.warnings.length),
      ]),
    ]),
  )
  const areas = new Set(report.files.filter((file) => file.title && file.action !== 'fel').map((file) => file.title))
  const { counts } = report
  lines.push(
    '',
    `Sidor: ${areas.size}, versioner skrivna: ${report.files.reduce((sum, file) => sum + file.versionsWritten, 0)}, ` +
      `resultatpunkter: ${report.files.reduce((sum, file) => sum + file.bullets, 0)}, ` +
      `avsnitt skapade: ${counts.sectionsCreated}, länkar skapade/ändrade: ${counts.linksCreated}/${counts.linksUpdated}, ` +
      `driftmeddelanden skapade: ${counts.noticesCreated}, avsnitt med ändrade medlemmar: ${counts.membersChanged}. ` +
      `Tid: ${(report.durationMs / 1000).toFixed(1)} s.`,
  )
  const errors = report.files.filter((file) => file.error)
  if (errors.length) lines.push('', 'Fel (inget från dessa filer skrevs):', ...errors.map((file) => `  ✖ ${file.error}`))
  const warnings = report.files.flatMap((file) => file.warnings)
  if (warnings.length) lines.push('', 'Varningar (texten är importerad som den står):', ...warnings.map((warning) => `  ! ${warning}`))
  if (report.notes.length) lines.push('', 'Att känna till:', ...report.notes.map((note) => `  · ${note}`))
  return lines.join('\n')
}

export const importFailed = (report: ImportReport): boolean => report.files.some((file) => file.action === 'fel')
