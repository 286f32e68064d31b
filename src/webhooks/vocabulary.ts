/** The events a webhook can subscribe to and the states of a delivery, with their Swedish names. */
export const WEBHOOK_EVENTS = ['area.published', 'area.unpublished', 'area.scheduled', 'release.published', 'release.recalled'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

export const WEBHOOK_EVENT_OPTIONS: { value: WebhookEvent; label: { sv: string; en: string } }[] = [
  { value: 'area.published', label: { sv: 'Sida publicerad', en: 'Area published' } },
  { value: 'area.unpublished', label: { sv: 'Sida avpublicerad', en: 'Area unpublished' } },
  { value: 'area.scheduled', label: { sv: 'Publicering schemalagd', en: 'Publish scheduled' } },
  { value: 'release.published', label: { sv: 'Publiceringspaket publicerat', en: 'Release published' } },
  { value: 'release.recalled', label: { sv: 'Publiceringspaket återkallat', en: 'Release recalled' } },
]

export const DELIVERY_STATUSES = ['pending', 'retrying', 'delivered', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

export const DELIVERY_STATUS_OPTIONS: { value: DeliveryStatus; label: { sv: string; en: string } }[] = [
  { value: 'pending', label: { sv: 'Väntar', en: 'Pending' } },
  { value: 'retrying', label: { sv: 'Försöker igen', en: 'Retrying' } },
  { value: 'delivered', label: { sv: 'Levererad', en: 'Delivered' } },
  { value: 'failed', label: { sv: 'Misslyckad', en: 'Failed' } },
]

/** Every delivery is tried at most this many times in all (the first try included). */
export const MAX_DELIVERY_ATTEMPTS = 5
