import type { FieldHook, TextField } from 'payload'

import { isValidSlug, slugify } from '@/domain/slug'

/** Fills an empty slug from the title, so editors never type one unless they want to. */
const slugFromTitle: FieldHook = ({ data, value }) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof data?.title === 'string' ? slugify(data.title) : value

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
