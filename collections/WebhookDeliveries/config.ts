import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '@/access'
import { DELIVERY_STATUS_OPTIONS, WEBHOOK_EVENT_OPTIONS } from '@/webhooks/vocabulary'
import { WEBHOOK_DELIVERIES, WEBHOOKS } from '..'
import { DAY_AND_TIME } from '@/fields/dateFormats'

/** "Webhook-leveranser": one row per event sent to one webhook, written only by the server. */
export const WebhookDeliveries: CollectionConfig = {
  slug: WEBHOOK_DELIVERIES,
  labels: { singular: { sv: 'Webhook-leverans', en: 'Webhook delivery' }, plural: { sv: 'Webhook-leveranser', en: 'Webhook deliveries' } },
  admin: {
    useAsTitle: 'event',
    defaultColumns: ['createdAt', 'event', 'webhook', 'status', 'attempts', 'lastStatusCode', 'lastError'],
    group: { sv: 'Inställningar', en: 'Settings' },
  },
  defaultSort: '-createdAt',
  access: { read: isAdmin, create: nobody, update: nobody, delete: isAdmin },
  fields: [
    { name: 'webhook', type: 'relationship', relationTo: WEBHOOKS, index: true, label: { sv: 'Webhook', en: 'Webhook' }, admin: { readOnly: true } },
    { name: 'event', type: 'select', required: true, options: WEBHOOK_EVENT_OPTIONS, label: { sv: 'Händelse', en: 'Event' }, admin: { readOnly: true } },
    { name: 'url', type: 'text', label: { sv: 'Adress', en: 'URL' }, admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending',
      options: DELIVERY_STATUS_OPTIONS,
      label: { sv: 'Status', en: 'Status' },
      admin: { readOnly: true },
    },
    { name: 'attempts', type: 'number', defaultValue: 0, label: { sv: 'Försök', en: 'Attempts' }, admin: { readOnly: true } },
    { name: 'lastStatusCode', type: 'number', label: { sv: 'Senaste HTTP-status', en: 'Last status code' }, admin: { readOnly: true } },
    { name: 'lastError', type: 'text', label: { sv: 'Senaste fel', en: 'Last error' }, admin: { readOnly: true } },
    { name: 'deliveredAt', type: 'date', label: { sv: 'Levererad', en: 'Delivered at' }, admin: { readOnly: true, date: DAY_AND_TIME } },
    {
      name: 'body',
      type: 'textarea',
      label: { sv: 'Skickad kropp (JSON)', en: 'Body sent (JSON)' },
      admin: { readOnly: true, description: { sv: 'Exakt de byte som signerades och skickades.', en: 'The exact bytes signed and sent.' } },
    },
  ],
}
