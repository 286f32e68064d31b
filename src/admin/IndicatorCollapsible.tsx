'use client'
import { CollapsibleField, useFormFields } from '@payloadcms/ui'
import type { CollapsibleFieldClientProps } from 'payload'
import { useState } from 'react'

import { indicatorIsFilled } from '@/domain/indicators'

/**
 * A bullet's "Indikator (valfritt)" box: Payload's own collapsible, closed
 * unless the bullet already has an indicator (Payload's `initCollapsed` is one
 * boolean for every row). Decided once, when the bullet is drawn: typing a
 * code does not fold or unfold it, and a person's own toggle (kept in their
 * preferences) still wins.
 */
export function IndicatorCollapsible(props: CollapsibleFieldClientProps) {
  const row = props.parentPath ? `${props.parentPath}.` : ''
  const filled = useFormFields(([fields]) =>
    indicatorIsFilled({
      code: fields[`${row}indicator.code`]?.value,
      nationalPercent: fields[`${row}indicator.nationalPercent`]?.value,
      localValue: fields[`${row}indicator.localValue`]?.value,
    }),
  )
  const [initCollapsed] = useState(!filled)
  return <CollapsibleField {...props} field={{ ...props.field, admin: { ...props.field.admin, initCollapsed } }} />
}
