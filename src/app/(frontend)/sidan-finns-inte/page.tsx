import type { Metadata } from 'next'

import NotFound from '../not-found'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Sidan finns inte', robots: { index: false } }

/** The 404 page as a normal, server-rendered page: the HTTP server answers missing addresses with it and status 404. */
export default NotFound
