import type { CollectionConfig } from 'payload'

import { isAdmin, isContentEditor, isStaff, publishedOnlyForAnonymous } from '@/access'
import { linkListField } from '@/fields/link'
import { pageOwnershipFields } from '@/fields/pageOwnership'
import { publishDateFields } from '@/fields/publishDates'
import { surveyCycleField } from '@/fields/surveyCycle'
import { slugField } from '@/fields/slug'
import { previewEndpoint } from '@/preview/endpoint'
import { qualityEndpoint } from '@/quality/endpoint'
import { resultImportEndpoints } from '@/results/endpoint'
import { LOCK_DURATION_SECONDS } from '@/concurrency/editLock'
import { AREAS, SECTIONS } from '..'
import { noteBlock, resultSetBlock, textSectionBlock } from './blocks'
import { revisionFields } from '@/fields/revision'
import { rejectUnsafeLinks } from '@/fields/richText'

export const Areas: CollectionConfig = {
  slug: AREAS,
  labels: {
    singular: { sv: 'Jämförelseområde', en: 'Comparison area' },
    plural: { sv: 'Jämförelseområden', en: 'Comparison areas' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'workflowState', 'section', 'lastPublishedAt', 'reviewBy'],
    group: { sv: 'Innehåll', en: 'Content' },
    // "Förhandsgranska": a fresh signed link to the draft, made when clicked.
    preview: (doc) => `/api/${AREAS}/${doc.id}/preview`,
  },
  access: {
    read: publishedOnlyForAnonymous,
    readVersions: isStaff,
    create: isContentEditor,
    // Reviewers need update access for Payload's publish button; the workflow
    // hooks decide what each role may change (a reviewer cannot edit content).
    update: isStaff,
    delete: isAdmin,
  },
  versions: {
    // Published versions are the official record: never pruned.
    maxPerDoc: 0,
    drafts: { validate: true },
  },
  // Deleting moves a page to the trash (deletedAt), restorable; it leaves the site at once
  // and comes back as a draft. Only a page that was never published can then be deleted for
  // good. What runs on a save, a publish and a delete, in order: ./pipeline.ts.
  trash: true,
  // Stated, not left to Payload's default: the edit view warns before it lapses (src/concurrency/editLock.ts).
  lockDocuments: { duration: LOCK_DURATION_SECONDS },
  endpoints: [previewEndpoint(AREAS), qualityEndpoint(AREAS), ...resultImportEndpoints],
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 150, label: { sv: 'Titel', en: 'Title' } },
    slugField(),
    {
      name: 'section',
      type: 'relationship',
      relationTo: SECTIONS,
      label: { sv: 'Avsnitt', en: 'Section' },
      admin: { position: 'sidebar' },
    },
    ...publishDateFields(),
    ...pageOwnershipFields(),
    ...revisionFields(),
    // Read by the quality checks' stale-page rule (src/quality): how far behind the newest results may be.
    surveyCycleField({
      required: false,
      admin: {
        position: 'sidebar',
        description: {
          sv: 'Hur ofta undersökningen görs. Kvalitetskontrollen varnar när sidans senaste resultat är äldre än så.',
          en: 'How often the survey runs; the quality check warns when the newest results are older.',
        },
      },
    }),
    {
      name: 'teaser',
      type: 'textarea',
      maxLength: 300,
      label: { sv: 'Ingress i länklistor', en: 'Teaser' },
      admin: {
        rows: 2,
        description: {
          sv: 'Den korta text som andra sidor visar när de länkar hit ("Fler sidor inom …").',
          en: 'The line other pages show when they link here.',
        },
      },
    },
    { name: 'intro', type: 'richText', label: { sv: 'Inledning', en: 'Intro' }, hooks: { beforeValidate: [rejectUnsafeLinks] } },
    {
      name: 'body',
      type: 'blocks',
      label: { sv: 'Innehåll', en: 'Body' },
      labels: { singular: { sv: 'Block', en: 'Block' }, plural: { sv: 'Block', en: 'Blocks' } },
      blocks: [resultSetBlock, textSectionBlock, noteBlock],
    },
    linkListField('otherLinks', { sv: 'Övriga länkar', en: 'Other links' }),
    {
      // "Kvalitetskontroll": findings on the saved draft, with links to the fields and one-click fixes.
      name: 'qualityPanel',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/admin/QualityPanel#QualityPanel' } },
    },
  ],
}
