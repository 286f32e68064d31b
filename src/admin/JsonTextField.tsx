'use client'
import { FieldDescription, FieldError, FieldLabel, useField } from '@payloadcms/ui'
import type { JSONFieldClientComponent, Validate } from 'payload'
import { useCallback, useEffect, useRef, useState } from 'react'

import { formatJson, parseJsonText } from './jsonText'

import './auditLog.css'

/**
 * An editable JSON field as a plain text box (a results mapping), instead of
 * Payload's JSON editor: Monaco loads its code from a public CDN, which an
 * offline admin never gets and no admin page may fetch. Text that is not
 * JSON stays in the box with a Swedish message and blocks the save, as
 * Payload's own field does.
 */
export const JsonTextField: JSONFieldClientComponent = ({ field, path: pathFromProps, readOnly, validate }) => {
  const [jsonError, setJsonError] = useState<string>()
  const checked = useCallback<Validate>(
    (value, options) => (jsonError ? jsonError : typeof validate === 'function' ? validate(value, { ...options, required: field.required } as never) : true),
    [validate, jsonError, field.required],
  )
  const { disabled, path, setValue, showError, value } = useField<unknown>({ potentiallyStalePath: pathFromProps, validate: checked })
  const [text, setText] = useState(() => formatJson(value))
  // The value the box last wrote: a different one came from outside (a reset, a reload) and replaces the text.
  const written = useRef<unknown>(value)
  useEffect(() => {
    if (value !== written.current) {
      written.current = value
      setText(formatJson(value))
      setJsonError(undefined)
    }
  }, [value])

  const id = `field-${path.replace(/\./g, '__')}`
  const onChange = (next: string) => {
    setText(next)
    const parsed = parseJsonText(next)
    const stored = parsed.ok ? parsed.value : next
    written.current = stored
    setJsonError(parsed.ok ? undefined : parsed.message)
    setValue(stored)
  }
  return (
    <div className={['field-type', 'json-text-field', showError && 'error'].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={id} label={field.label} path={path} required={field.required} />
      <div className="field-type__wrap">
        <FieldError message={jsonError} path={path} showError={showError || Boolean(jsonError)} />
        <textarea
          className="json-text-field__input"
          id={id}
          onChange={(event) => onChange(event.target.value)}
          readOnly={readOnly || disabled}
          rows={Math.min(30, Math.max(8, text.split('\n').length + 1))}
          spellCheck={false}
          value={text}
        />
      </div>
      <FieldDescription description={field.admin?.description} path={path} />
    </div>
  )
}
