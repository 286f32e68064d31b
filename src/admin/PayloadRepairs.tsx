'use client'
import { useEffect, type ReactNode } from 'react'

import { repairPayloadComponents } from './payloadRepairs'

/**
 * An admin provider that keeps Payload's own components named and dated in
 * Swedish (src/admin/payloadRepairs.ts): once at start, then whenever the
 * admin renders new elements or changes what the rules look at.
 */
export function PayloadRepairs({ children }: { children?: ReactNode }) {
  useEffect(() => {
    let scheduled = 0
    const repair = () => {
      scheduled = 0
      repairPayloadComponents(document)
    }
    repair()
    const observer = new MutationObserver(() => {
      scheduled ||= window.requestAnimationFrame(repair)
    })
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-label', 'aria-labelledby', 'title', 'aria-hidden', 'aria-roledescription'],
    })
    return () => {
      observer.disconnect()
      if (scheduled) window.cancelAnimationFrame(scheduled)
    }
  }, [])
  return <>{children}</>
}
