/** A page file that cannot be imported; the message names the file and the 1-based line. */
export class PageParseError extends Error {
  constructor(
    readonly sourceName: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${sourceName}, rad ${line}: ${detail}`)
    this.name = 'PageParseError'
  }
}
