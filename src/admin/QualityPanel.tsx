'use client'
import { Button, toast, useDocumentInfo, useForm, useFormModified } from '@payloadcms/ui'
import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react'

import { describeLocation } from '@/quality/format'
import type { SectionLix } from '@/quality/rules/readability'
import { applySuggestion, fieldIdForPath, formatCounts, pathAndParents, SEVERITY_LABELS, sortBySeverity, type FindingCounts } from '@/quality/summary'
import type { Finding } from '@/quality/types'

import './quality.css'

type QualityAnswer = { findings: Finding[]; counts: FindingCounts; lix?: SectionLix[]; spelling?: boolean }

type State =
  | { status: 'idle' }
  | { status: 'loading'; previous?: QualityAnswer }
  | { status: 'done'; answer: QualityAnswer; checkedAt: Date }
  | { status: 'failed'; message: string }

const FOCUSABLE = 'input:not([type="hidden"]), textarea, select, [contenteditable="true"], button'

const keyOf = (finding: Finding, index: number) => `${index}:${finding.rule}:${finding.location.path}`

/** The field's element: its input by id (text, textarea, number, date), else its wrapper (rich text), trying parents last. */
function fieldElement(path: string): HTMLElement | null {
  for (const candidate of pathAndParents(path)) {
    const byId = document.getElementById(fieldIdForPath(candidate))
    const element = byId ?? document.querySelector<HTMLElement>(`[data-field-path="${CSS.escape(candidate)}"]`)
    if (element) return element
  }
  return null
}

/** Opens every collapsed block or bullet row around the element, so it can be seen and focused. */
function expandAncestors(element: HTMLElement): boolean {
  let expanded = false
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (!node.classList.contains('collapsible--collapsed')) continue
    const toggle = node.querySelector<HTMLButtonElement>(':scope > .collapsible__toggle-wrap .collapsible__toggle')
    if (toggle) {
      toggle.click()
      expanded = true
    }
  }
  return expanded
}

function focusField(path: string): boolean {
  const element = fieldElement(path)
  if (!element) return false
  const target = element.matches(FOCUSABLE) ? element : (element.querySelector<HTMLElement>(FOCUSABLE) ?? element)
  if (!target.matches(FOCUSABLE) && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
  const focus = () => {
    target.scrollIntoView({ block: 'center', behavior: 'smooth' })
    target.focus({ preventScroll: true })
  }
  if (expandAncestors(element)) {
    // The row opens with an animation: focus once it is there.
    window.setTimeout(focus, 50)
    window.setTimeout(() => document.activeElement !== target && focus(), 400)
  } else focus()
  return true
}

/**
 * The edit view's "Kvalitetskontroll": the editorial checks (src/quality) on
 * the saved draft, run by GET /api/<collection>/:id/quality when the view
 * opens, after every save and on "Kontrollera igen". Each finding links to its
 * field; a finding with a suggestion can be fixed in the form with one click
 * (not saved: the editor saves as usual).
 */
export function QualityPanel() {
  const { id, collectionSlug, data, hasSavePermission, lastUpdateTime } = useDocumentInfo()
  const { dispatchFields, getField, setModified, disabled } = useForm()
  const modified = useFormModified()
  const [state, setState] = useState<State>({ status: 'idle' })
  const [fixed, setFixed] = useState<ReadonlySet<string>>(new Set())
  const latestRequest = useRef(0)
  const savedAt = (data as { updatedAt?: string } | undefined)?.updatedAt

  const check = useCallback(async () => {
    if (!id || !collectionSlug) return
    const request = ++latestRequest.current
    setState((current) => ({ status: 'loading', previous: current.status === 'done' ? current.answer : undefined }))
    try {
      const response = await fetch(`/api/${collectionSlug}/${id}/quality`, { credentials: 'include', cache: 'no-store' })
      const body = (await response.json().catch(() => ({}))) as Partial<QualityAnswer> & { message?: string }
      if (request !== latestRequest.current) return
      if (!response.ok || !Array.isArray(body.findings)) {
        setState({ status: 'failed', message: body.message ?? 'Kvalitetskontrollen kunde inte göras. Försök igen.' })
        return
      }
      setFixed(new Set())
      setState({ status: 'done', answer: body as QualityAnswer, checkedAt: new Date() })
    } catch {
      if (request === latestRequest.current) setState({ status: 'failed', message: 'Kvalitetskontrollen kunde inte nås. Kontrollera anslutningen och försök igen.' })
    }
  }, [id, collectionSlug])

  // On opening and after every save (the saved document's updatedAt and the view's last update time change).
  useEffect(() => {
    void check()
  }, [check, savedAt, lastUpdateTime])

  if (!id || !collectionSlug) {
    return (
      <section className="quality-panel" aria-labelledby="quality-panel-title">
        <h3 className="quality-panel__title" id="quality-panel-title">
          Kvalitetskontroll
        </h3>
        <p className="quality-panel__hint">Spara sidan först, sedan kan den kontrolleras.</p>
      </section>
    )
  }

  const answer = state.status === 'done' ? state.answer : state.status === 'loading' ? state.previous : undefined
  const canFix = hasSavePermission !== false && !disabled

  function goTo(event: MouseEvent<HTMLAnchorElement>, path: string) {
    event.preventDefault()
    if (!focusField(path)) toast.error('Fältet kunde inte hittas i formuläret.')
  }

  function fix(finding: Finding, key: string) {
    const { suggestion, location } = finding
    if (!suggestion) return
    const field = getField(location.path)
    const next = applySuggestion(field?.value, suggestion, location.paragraphIndex)
    if (next === null || next === undefined) {
      toast.error(`"${suggestion.from}" finns inte längre i fältet. Rätta det för hand.`)
      return
    }
    // Rich text keeps its own editor state: a new initial value makes it show the fixed text.
    const richText = typeof field?.value !== 'string'
    dispatchFields({ type: 'UPDATE', path: location.path, value: next, ...(richText && { initialValue: next }) })
    setModified(true)
    setFixed((current) => new Set(current).add(key))
    toast.success('Rättat i formuläret. Spara för att behålla ändringen.')
  }

  const findings = answer ? sortBySeverity(answer.findings.map((finding, index) => ({ finding, key: keyOf(finding, index), severity: finding.severity }))) : []

  return (
    <section className="quality-panel" aria-labelledby="quality-panel-title" aria-busy={state.status === 'loading'}>
      <h3 className="quality-panel__title" id="quality-panel-title">
        Kvalitetskontroll
      </h3>
      <p className="quality-panel__hint">
        Kontrollerar det senast sparade utkastet{modified ? ' – spara för att kontrollera dina senaste ändringar' : ''}.
      </p>
      <Button buttonStyle="secondary" size="small" margin={false} disabled={state.status === 'loading'} onClick={() => void check()}>
        Kontrollera igen
      </Button>
      <p className="quality-panel__status" role="status">
        {state.status === 'loading' && 'Kontrollerar …'}
        {state.status === 'failed' && state.message}
        {state.status === 'done' && <span data-testid="quality-counts">{formatCounts(state.answer.counts)}</span>}
      </p>
      {answer && answer.spelling === false && (
        <p className="quality-panel__hint">Ordlistan kunde inte laddas: stavning och avstavning är inte kontrollerade.</p>
      )}
      {findings.length > 0 && (
        <ul className="quality-panel__findings" aria-label="Anmärkningar">
          {findings.map(({ finding, key }) => (
            <li key={key} className={`quality-finding quality-finding--${finding.severity}`}>
              <span className={`quality-severity quality-severity--${finding.severity}`}>{SEVERITY_LABELS[finding.severity]}</span>{' '}
              <a className="quality-finding__location" href={`#${fieldIdForPath(finding.location.path)}`} onClick={(event) => goTo(event, finding.location.path)}>
                {describeLocation(finding.location)}
              </a>
              <p className="quality-finding__message">{finding.message}</p>
              {finding.suggestion &&
                canFix &&
                (fixed.has(key) ? (
                  <p className="quality-panel__hint">Rättat i formuläret – spara för att behålla.</p>
                ) : (
                  <Button buttonStyle="secondary" size="small" margin={false} onClick={() => fix(finding, key)}>
                    {`Rätta: ${finding.suggestion.from} → ${finding.suggestion.to}`}
                  </Button>
                ))}
            </li>
          ))}
        </ul>
      )}
      {answer?.lix && answer.lix.length > 0 && (
        <details className="quality-panel__lix">
          <summary>Läsbarhet (LIX) per avsnitt</summary>
          <ul>
            {answer.lix.map((section) => (
              <li key={section.section}>
                {section.label}: LIX {section.lix} ({section.words} ord)
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
