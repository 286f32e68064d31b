'use client'
import { Button } from '@payloadcms/ui'
import { useEffect, useState, type FormEvent } from 'react'

import { EMPTY_MAPPING_FORM, formToMapping, mappingToForm, type MappingForm } from '@/results/mappingForm'
import type { BulletPlan } from '@/results/plan'

import './resultsImport.css'

type AreaOption = { id: string; title: string; slug: string }
type Answer = { preview: string; written: boolean; changed: boolean; bullets: BulletPlan[]; problems: string[] }

/** Chunks of base64 under the API's 100 000-character string limit. */
async function fileChunks(file: File): Promise<string[]> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  const chunks: string[] = []
  // 48 KiB of bytes is 64 KiB of base64.
  for (let offset = 0; offset < bytes.length; offset += 49_152) {
    let binary = ''
    for (const byte of bytes.subarray(offset, offset + 49_152)) binary += String.fromCharCode(byte)
    chunks.push(btoa(binary))
  }
  return chunks
}

const STATUS_CLASS: Record<BulletPlan['status'], string> = {
  ny: 'new',
  ändrad: 'changed',
  oförändrad: 'same',
  konflikt: 'conflict',
  'hoppades över': 'skipped',
}

export function ResultsImportForm({ areas, defaultYear }: { areas: AreaOption[]; defaultYear: number }) {
  const [areaId, setAreaId] = useState(areas[0]?.id ?? '')
  const [year, setYear] = useState(String(defaultYear))
  const [file, setFile] = useState<File | null>(null)
  const [form, setForm] = useState<MappingForm>(EMPTY_MAPPING_FORM)
  const [saveMapping, setSaveMapping] = useState(true)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [mappingNote, setMappingNote] = useState<string>('')

  useEffect(() => {
    if (!areaId) return
    let current = true
    fetch(`/api/areas/${areaId}/import-results`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : { mapping: null }))
      .then((body: { mapping: Parameters<typeof mappingToForm>[0] }) => {
        if (!current) return
        setForm(mappingToForm(body.mapping))
        setMappingNote(body.mapping ? 'Områdets sparade mappning är ifylld.' : 'Området har ingen sparad mappning ännu.')
        setAnswer(null)
      })
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [areaId])

  const field = (name: keyof MappingForm) => ({
    id: `results-${name}`,
    value: form[name],
    onChange: (event: { target: { value: string } }) => {
      setForm({ ...form, [name]: event.target.value })
      setAnswer(null)
    },
  })

  async function send(dryRun: boolean) {
    setError(null)
    if (!file) return setError('Välj en resultatfil (XLSX eller CSV).')
    const mapping = formToMapping(form)
    if (!mapping.ok) return setError(mapping.error)
    setBusy(true)
    try {
      const response = await fetch(`/api/areas/${areaId}/import-results`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fileName: file.name, file: await fileChunks(file), year: Number(year), mapping: mapping.mapping, dryRun, saveMapping }),
      })
      const body = await response.json().catch(() => ({ message: `Servern svarade ${response.status}.` }))
      if (!response.ok) {
        setAnswer(null)
        setError(body.message ?? `Servern svarade ${response.status}.`)
      } else setAnswer(body as Answer)
    } catch {
      setError('Kunde inte nå servern. Försök igen.')
    } finally {
      setBusy(false)
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void send(true)
  }
  const area = areas.find((candidate) => candidate.id === areaId)

  return (
    <div className="results-import">
      <p className="results-import__intro">
        Ladda upp Socialstyrelsens tabell för ett område (en rad per kommun). Inget publiceras: importen skriver ett utkast med förslag som du kontrollerar och
        bekräftar, och sidan går sedan genom granskning som vanligt.
      </p>
      <form onSubmit={onSubmit} aria-describedby="results-import-status">
        <fieldset className="results-import__group">
          <legend>Fil och område</legend>
          <label htmlFor="results-area">Jämförelseområde</label>
          <select id="results-area" value={areaId} onChange={(event) => setAreaId(event.target.value)}>
            {areas.map((option) => (
              <option key={option.id} value={option.id}>
                {option.title}
              </option>
            ))}
          </select>
          <label htmlFor="results-year">Undersökningsår</label>
          <input id="results-year" type="number" inputMode="numeric" min={2007} value={year} onChange={(event) => setYear(event.target.value)} />
          <label htmlFor="results-file">Resultatfil (XLSX eller CSV, högst 1,5 MB här; större filer med npm run import:results)</label>
          <input
            id="results-file"
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null)
              setAnswer(null)
            }}
          />
        </fieldset>
        <fieldset className="results-import__group">
          <legend>Mappning (sparas för området)</legend>
          <p className="results-import__hint">{mappingNote}</p>
          <label htmlFor="results-sheet">Blad (namn eller nummer; tomt = det första med kommunkolumnen)</label>
          <input type="text" {...field('sheet')} />
          <label htmlFor="results-headerRow">Rubrikrad (tomt = hittas automatiskt)</label>
          <input type="text" inputMode="numeric" {...field('headerRow')} />
          <label htmlFor="results-municipalityColumn">Kolumn med kommunens kod eller namn</label>
          <input type="text" {...field('municipalityColumn')} />
          <label htmlFor="results-countyColumn">Kolumn med län (valfri)</label>
          <input type="text" {...field('countyColumn')} />
          <label htmlFor="results-layout">Tabellens form</label>
          <select {...field('layout')}>
            <option value="wide">Bred: en kolumn per indikator</option>
            <option value="long">Lång: en indikatorkolumn och en värdekolumn</option>
          </select>
          {form.layout === 'long' ? (
            <>
              <label htmlFor="results-indicatorColumn">Indikatorkolumn</label>
              <input type="text" {...field('indicatorColumn')} />
              <label htmlFor="results-valueColumn">Värdekolumn</label>
              <input type="text" {...field('valueColumn')} />
            </>
          ) : null}
          <label htmlFor="results-indicators">Indikatorer, en per rad: {form.layout === 'long' ? 'värde i indikatorkolumnen' : 'kolumnrubrik'} = indikatorns kod</label>
          <textarea rows={6} {...field('indicators')} placeholder="Socialjour dygnet runt = EB-SOCIALJOUR" />
          <label className="results-import__check">
            <input type="checkbox" checked={saveMapping} onChange={(event) => setSaveMapping(event.target.checked)} /> Spara mappningen för {area?.title ?? 'området'}
          </label>
        </fieldset>
        <div className="results-import__actions">
          <Button type="submit" disabled={busy}>
            Förhandsgranska
          </Button>
          <Button type="button" buttonStyle="secondary" disabled={busy || !answer || !answer.changed || answer.written} onClick={() => void send(false)}>
            Importera som utkast
          </Button>
        </div>
      </form>
      <div id="results-import-status" role="status" aria-live="polite" className="results-import__status">
        {busy ? 'Läser filen …' : answer?.written ? 'Utkastet är sparat. Inget är publicerat.' : ''}
      </div>
      {error ? (
        <p role="alert" className="results-import__error">
          {error}
        </p>
      ) : null}
      {answer ? (
        <section aria-labelledby="results-preview-heading" className="results-import__preview">
          <h2 id="results-preview-heading">{answer.written ? 'Importerat' : 'Förhandsvisning'}</h2>
          <table className="results-import__table">
            <caption>Vad som händer med varje punkt (gammalt → nytt)</caption>
            <thead>
              <tr>
                <th scope="col">Punkt</th>
                <th scope="col">Indikator</th>
                <th scope="col">Åtgärd</th>
                <th scope="col">Ändringar</th>
              </tr>
            </thead>
            <tbody>
              {answer.bullets.map((bullet) => (
                <tr key={bullet.indicator} className={`results-import__row--${STATUS_CLASS[bullet.status]}`}>
                  <td>{bullet.position ?? '–'}</td>
                  <td>
                    {bullet.indicator} {bullet.name}
                  </td>
                  <td>{bullet.status}</td>
                  <td>
                    <ul>
                      {bullet.fields
                        .filter((change) => change.outcome !== 'unchanged' && change.new !== null)
                        .map((change) => (
                          <li key={change.field}>
                            {change.outcome === 'conflict' ? 'Konflikt – ' : ''}
                            {change.field === 'national' ? 'Nationellt resultat' : change.field === 'local' ? 'Kommunens svar' : change.field === 'nationalPercent' ? 'Andel kommuner' : 'Kommunens värde'}:{' '}
                            {change.old === null || change.old === '' ? '–' : String(change.old)} → {String(change.new)}
                          </li>
                        ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {answer.problems.length ? (
            <>
              <h3>Kunde inte placeras eller att kontrollera</h3>
              <ul className="results-import__problems">
                {answer.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </>
          ) : null}
          <details>
            <summary>Hela förhandsvisningen som text</summary>
            <pre className="results-import__text">{answer.preview}</pre>
          </details>
          {answer.written && area ? (
            <p>
              <a href={`/admin/collections/areas/${area.id}`}>Öppna {area.title} och bekräfta punkterna</a>
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}
