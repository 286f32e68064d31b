import { describe, expect, it } from 'vitest'

import { restoreAsDraftUrl } from '@/api/restoreAsDraft'

const drafts = new Set(['areas'])
const at = (path: string) => new URL(`http://localhost:3000/api/${path}`)
const segments = (path: string) => path.split('?')[0]!.split('/')

describe('restoreAsDraftUrl', () => {
  it('asks for a draft when Payload restores a version without one', () => {
    for (const path of ['areas/versions/7', 'areas/versions/7?draft=false', 'areas/versions/7?draft=false&depth=0']) {
      const url = restoreAsDraftUrl('POST', at(path), segments(path), drafts)
      expect(url?.searchParams.get('draft'), path).toBe('true')
    }
    expect(restoreAsDraftUrl('POST', at('areas/versions/7?depth=0'), segments('areas/versions/7'), drafts)?.searchParams.get('depth')).toBe('0')
  })

  it('leaves everything else alone', () => {
    expect(restoreAsDraftUrl('POST', at('areas/versions/7?draft=true'), segments('areas/versions/7'), drafts)).toBeNull()
    expect(restoreAsDraftUrl('GET', at('areas/versions/7'), segments('areas/versions/7'), drafts)).toBeNull()
    expect(restoreAsDraftUrl('POST', at('areas/versions'), segments('areas/versions'), drafts)).toBeNull()
    expect(restoreAsDraftUrl('POST', at('areas/7'), segments('areas/7'), drafts)).toBeNull()
    expect(restoreAsDraftUrl('POST', at('areas/versions/7/x'), segments('areas/versions/7/x'), drafts)).toBeNull()
    // A collection without drafts restores as Payload does.
    expect(restoreAsDraftUrl('POST', at('releases/versions/7'), segments('releases/versions/7'), drafts)).toBeNull()
  })
})
