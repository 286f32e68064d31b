import type { FieldHook, TextField } from 'payload'

import { isValidSlug, slugify } from '@/domain/slug'

/** Fills an empty slug from the title, so editors never type one unless they want to; a slug of the wrong kind is left for the validator to refuse. */
const slugFromTitle: FieldHook = ({ data, value }) => {
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  return empty && typeof data?.title === 'string' ? slugify(data.title) : value
}

export function slugField(): TextField {
  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    required: true,
    label: { sv: 'Adress (slug)', en: 'Slug' },
    admin: {
      position: 'sidebar',
      description: {
        sv: 'Skapas från titeln om fältet lämnas tomt (å, ä, ö blir a, a, o).',
        en: 'Generated from the title when left empty.',
      },
    },
    hooks: { beforeValidate: [slugFromTitle] },
    validate: (value: unknown) =>
      typeof value === 'string' && isValidSlug(value)
        ? true
        : 'Adressen får bara innehålla små bokstäver a–z, siffror och bindestreck (t.ex. ekonomiskt-bistand).',
  }
}
