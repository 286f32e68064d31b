import type { CollectionConfig } from 'payload'

import { isContentEditor, isStaff, nobody } from '@/access'
import { previewEndpoint } from '@/preview/endpoint'
import { releasePanelEndpoint, releaseWorkflowEndpoint } from '@/publishing/releaseEndpoint'
import { releaseStates } from '@/workflow'
import { AREAS, RELEASES, USERS } from '..'
import { auditReleaseDelete, auditReleaseSave, guardReleaseDelete, guardReleaseEdit, showItemStatus } from './hooks'
import { DAY_AND_TIME } from '@/fields/dateFormats'

/** Written only by the release's transitions (src/publishing/releaseTransition.ts); read-only everywhere else. */
const serverOnly = { create: nobody, update: nobody }

/**
 * "Publiceringspaket": the drafts of several areas, reviewed one by one and
 * published together in one transaction and one moment. Who may do what is
 * the workflow module's (src/workflow/releaseTransitions.ts); its transitions
 * go through POST /api/releases/:id/workflow like an area's.
 */
export const Releases: CollectionConfig = {
  slug: RELEASES,
  labels: { singular: { sv: 'Publiceringspaket', en: 'Release' }, plural: { sv: 'Publiceringspaket', en: 'Releases' } },
  admin: {
    useAsTitle: 'name',
    // The site as it will be after the release: a signed one-hour link made when clicked.
    preview: (doc) => `/api/${RELEASES}/${doc.id}/preview`,
    defaultColumns: ['name', 'state', 'publishAt', 'owner', 'updatedAt'],
    group: { sv: 'Innehåll', en: 'Content' },
    description: {
      sv: 'Flera områdens utkast som publiceras tillsammans, i ett enda ögonblick. Varje område granskas och godkänns för sig.',
      en: 'Several areas’ drafts, published together at one moment. Each area is reviewed on its own.',
    },
  },
  access: {
    read: isStaff,
    create: isContentEditor,
    // The workflow decides further: only an open release changes, and only by editors and admins.
    update: isContentEditor,
    delete: isContentEditor,
  },
  hooks: {
    beforeChange: [guardReleaseEdit],
    afterChange: [auditReleaseSave],
    beforeDelete: [guardReleaseDelete],
    afterDelete: [auditReleaseDelete],
  },
  endpoints: [releaseWorkflowEndpoint(), releasePanelEndpoint(), previewEndpoint(RELEASES)],
  fields: [
    {
      // The state, each item's readiness and the actions this user may take (GET /api/releases/:id/workflow).
      name: 'releasePanel',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/admin/ReleasePanel#ReleasePanel' } },
    },
    { name: 'name', type: 'text', required: true, maxLength: 150, label: { sv: 'Namn', en: 'Name' } },
    {
      name: 'items',
      type: 'relationship',
      relationTo: AREAS,
      hasMany: true,
      label: { sv: 'Jämförelseområden', en: 'Areas' },
      admin: {
        description: {
          sv: 'Områdena vars aktuella utkast paketet publicerar. Ett område kan bara ingå i ett öppet paket åt gången.',
          en: 'The areas whose current drafts the release publishes; an area is in at most one open release.',
        },
      },
    },
    {
      name: 'itemStatus',
      type: 'textarea',
      virtual: true,
      label: { sv: 'Områdenas status', en: 'Status of the areas' },
      admin: {
        readOnly: true,
        description: {
          sv: 'Varje område måste vara godkänt, oförändrat sedan godkännandet och utan fel i kvalitetskontrollen. En ändring efter godkännandet syns här.',
          en: 'Each area must be approved, unchanged since and free of quality errors.',
        },
      },
      hooks: { afterRead: [showItemStatus] },
    },
    {
      name: 'state',
      type: 'select',
      index: true,
      defaultValue: 'open',
      label: { sv: 'Status', en: 'State' },
      options: releaseStates.map((state) => ({ value: state.value, label: { sv: state.label, en: state.value } })),
      access: serverOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'owner',
      type: 'relationship',
      relationTo: USERS,
      label: { sv: 'Ansvarig', en: 'Owner' },
      admin: { position: 'sidebar', description: { sv: 'Den som skapar paketet, om inget annat anges.', en: 'Defaults to its creator.' } },
    },
    {
      name: 'publishAt',
      type: 'date',
      index: true,
      label: { sv: 'Planerad publicering', en: 'Planned publish' },
      admin: {
        position: 'sidebar',
        date: DAY_AND_TIME,
        description: {
          sv: 'Planen medan paketet är öppet; när en granskare schemalägger paketet blir det tiden då det publiceras.',
          en: 'The plan while open; the publish time once scheduled.',
        },
      },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: { sv: 'Publicerat', en: 'Published' },
      access: serverOnly,
      admin: { position: 'sidebar', readOnly: true, date: DAY_AND_TIME },
    },
    {
      name: 'recalledAt',
      type: 'date',
      label: { sv: 'Återkallat', en: 'Recalled' },
      access: serverOnly,
      admin: { position: 'sidebar', readOnly: true, date: DAY_AND_TIME },
    },
    { name: 'recallReason', type: 'textarea', label: { sv: 'Anledning till återkallelsen', en: 'Reason for the recall' }, access: serverOnly, admin: { readOnly: true } },
    {
      name: 'failureReasons',
      type: 'textarea',
      label: { sv: 'Varför publiceringen misslyckades', en: 'Why the publish failed' },
      access: serverOnly,
      admin: { readOnly: true, condition: (data) => Boolean(data?.failureReasons) },
    },
    {
      // Per item: its version before the release and the public-record number the release published, for a recall.
      name: 'record',
      type: 'json',
      label: { sv: 'Publicerade versioner', en: 'Published versions' },
      access: serverOnly,
      // Read-only text, not Payload's JSON editor: Monaco loads its code from a public CDN.
      admin: { readOnly: true, condition: (data) => Boolean(data?.record), components: { Field: '/src/admin/ReadOnlyJsonField#ReadOnlyJsonField' } },
    },
  ],
}
