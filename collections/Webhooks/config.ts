import { randomBytes } from 'node:crypto'

import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access'
import { WEBHOOK_EVENT_OPTIONS } from '@/webhooks/vocabulary'
import { WEBHOOKS } from '..'
import { defaultName, httpUrl } from './hooks'

/** Addresses the web team wants told when content goes live. Admins only: the secret is here. */
export const Webhooks: CollectionConfig = {
  slug: WEBHOOKS,
  labels: { singular: { sv: 'Webhook', en: 'Webhook' }, plural: { sv: 'Webhooks', en: 'Webhooks' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'url', 'events', 'active'], group: { sv: 'Inställningar', en: 'Settings' } },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: { beforeValidate: [defaultName] },
  fields: [
    { name: 'name', type: 'text', label: { sv: 'Namn', en: 'Name' }, admin: { description: { sv: 'Tomt = mottagarens värdnamn.', en: 'Empty: the receiver’s host name.' } } },
    {
      name: 'url',
      type: 'text',
      required: true,
      validate: httpUrl,
      label: { sv: 'Adress', en: 'URL' },
      admin: { description: { sv: 'Dit händelserna skickas med POST, t.ex. https://www.kalmar.se/api/cms-webhook.', en: 'Events are POSTed here.' } },
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      label: { sv: 'Händelser', en: 'Events' },
      options: WEBHOOK_EVENT_OPTIONS,
    },
    {
      name: 'secret',
      type: 'text',
      required: true,
      defaultValue: () => randomBytes(32).toString('hex'),
      label: { sv: 'Hemlig nyckel', en: 'Secret' },
      admin: {
        description: {
          sv: 'Ge nyckeln till mottagaren. Varje anrop har rubriken X-Signature: sha256=<HMAC-SHA256 av den råa kroppen med nyckeln, hex>. Mottagaren räknar fram samma värde ur kroppen som den tog emot, jämför i konstant tid och avvisar anrop som inte stämmer.',
          en: 'Give it to the receiver. X-Signature is sha256=<hex HMAC-SHA256 of the raw body with this secret>; the receiver recomputes and compares in constant time.',
        },
      },
    },
    { name: 'active', type: 'checkbox', defaultValue: true, label: { sv: 'Aktiv', en: 'Active' } },
  ],
}
