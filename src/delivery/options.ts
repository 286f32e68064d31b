import { loadEnv } from '@/env'
import type { DeliveryOptions } from './http'

export const deliveryOptions = (): DeliveryOptions => ({ allowedOrigins: loadEnv().corsOrigins })
