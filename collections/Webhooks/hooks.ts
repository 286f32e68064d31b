import type { CollectionBeforeValidateHook, Validate } from 'payload'

/** http(s) only: anything else (file:, ftp:, javascript:) is never a place to POST to. */
export const httpUrl: Validate = (value) => {
  if (typeof value !== 'string' || value.trim() === '') return 'Ange adressen som händelserna ska skickas till.'
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return 'Ange en fullständig adress som börjar med https:// (eller http://), t.ex. https://www.kalmar.se/webhook.'
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? true : 'Adressen måste börja med https:// eller http://.'
}

/** An unnamed webhook is listed by its receiver's host name instead of a bare id. */
export const defaultName: CollectionBeforeValidateHook = ({ data }) => {
  if (!data || (typeof data.name === 'string' && data.name.trim() !== '') || typeof data.url !== 'string') return data
  try {
    return { ...data, name: new URL(data.url).host }
  } catch {
    return data
  }
}
