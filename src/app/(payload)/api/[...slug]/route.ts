import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { guardedRestRoute } from '@/api/restRoute'

// Size, content type, JSON and query checks before Payload sees a request (src/api/requestGuards.ts).
export const GET = guardedRestRoute(config, REST_GET(config))
export const POST = guardedRestRoute(config, REST_POST(config))
export const DELETE = guardedRestRoute(config, REST_DELETE(config))
export const PATCH = guardedRestRoute(config, REST_PATCH(config))
export const PUT = guardedRestRoute(config, REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
