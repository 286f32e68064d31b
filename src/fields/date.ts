import type { Validate } from 'payload'

import { invalidDateReason } from '@/domain/calendarDate'

/** A date field's validation: a real calendar date (and a value at all when required). */
export function strictDate(options: { required?: boolean } = {}): Validate {
  return (value) => {
    if (value === null || value === undefined || value === '') return options.required ? 'Ange ett datum.' : true
    return invalidDateReason(value) ?? true
  }
}
