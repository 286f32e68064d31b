import { loadEnv } from '@/env'
import type { DeliveryOptions } from './http'

export const deliveryOptions = (): DeliveryOptions => {
  const env = loadEnv()
  return {
    allowedOrigins: env.corsOrigins,
    dataset: {
      serverUrl: env.serverUrl,
      licenseUrl: env.datasetLicenseUrl,
      publisherUrl: env.datasetPublisherUrl,
      publisherName: env.municipality,
      contactEmail: env.contactEmail,
    },
  }
}
