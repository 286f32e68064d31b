import type { Field } from 'payload'

import { isStaff, nobody } from '@/access'
import { USERS } from '@/slugs'
import { BOOKKEEPING_DIFF } from '@/fields/bookkeeping'
import { DAY_AND_TIME } from '@/fields/dateFormats'

/**
 * Optimistic concurrency (src/concurrency): the revision a document is at and
 * who saved it. Written only by the concurrency hook.
 *
 * `revision` is hidden in the admin (`admin.hidden`: a hidden input), not
 * `hidden`/`admin.disabled`: Payload leaves those out of the edit form's state
 * (fieldSchemasToFormState), while a hidden input is in it and is sent back
 * with every save, so the server can tell which revision the editor started
 * from. After a save the form takes the returned document's values
 * (mergeServerFormState with acceptValues), so the next save sends the new
 * revision. Field access keeps clients from setting any of them; the hook reads
 * the sent revision before access control strips it.
 */
export function revisionFields(): Field[] {
  const serverOnly = { create: nobody, update: nobody, read: isStaff }
  return [
    {
      name: 'revision',
      type: 'number',
      defaultValue: 0,
      label: { sv: 'Revision', en: 'Revision' },
      access: serverOnly,
      admin: { hidden: true, components: { Diff: BOOKKEEPING_DIFF } },
      // Documents saved before revisions existed (no value on MongoDB, none in old versions) read as 0,
      // so their edit form sends 0 and the first save takes revision 1.
      hooks: { afterRead: [({ value }) => (typeof value === 'number' ? value : 0)] },
    },
    {
      name: 'lastSavedBy',
      type: 'relationship',
      relationTo: USERS,
      label: { sv: 'Senast sparad av', en: 'Last saved by' },
      access: serverOnly,
      admin: { position: 'sidebar', readOnly: true, components: { Diff: BOOKKEEPING_DIFF } },
    },
    {
      name: 'lastSavedAt',
      type: 'date',
      label: { sv: 'Senast sparad', en: 'Last saved' },
      access: serverOnly,
      admin: { position: 'sidebar', readOnly: true, date: DAY_AND_TIME, components: { Diff: BOOKKEEPING_DIFF } },
    },
  ]
}
