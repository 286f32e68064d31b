import { notFound } from 'next/navigation'

export const dynamic = 'force-dynamic'

/** Any other address gets the site's own Swedish 404 page (not Next's English default without `lang`). */
export default function UnknownPage(): never {
  notFound()
}
