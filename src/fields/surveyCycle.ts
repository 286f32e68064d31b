import type { SelectField } from 'payload'

/** How often Öppna jämförelser surveys something: every year or every other year. */
export function surveyCycleField(overrides: Partial<SelectField> = {}): SelectField {
  return {
    name: 'surveyCycleYears',
    type: 'select',
    required: true,
    defaultValue: '1',
    label: { sv: 'Undersöks', en: 'Surveyed' },
    options: [
      { value: '1', label: { sv: 'Varje år', en: 'Every year' } },
      { value: '2', label: { sv: 'Vartannat år', en: 'Every other year' } },
    ],
    ...overrides,
  } as SelectField
}
