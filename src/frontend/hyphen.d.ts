// hyphen ships no types; only what this project uses (Swedish TeX patterns, synchronous).
// A CommonJS module: imported as its default export, which works in Node's ESM and in bundlers.
declare module 'hyphen/sv' {
  const hyphenSv: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string }
  export default hyphenSv
}
