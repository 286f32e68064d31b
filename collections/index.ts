/** The slugs live in src/slugs.ts (src/ never imports collections/); re-exported for the collection configs. */
export * from '@/slugs'
