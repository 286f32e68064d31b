/** Context a save carries when its roles come from the directory (read by the Users hooks, set by src/sso/applySignIn.ts). */
export type DirectoryContext = { claim: string; values: string[] }
export const DIRECTORY_CONTEXT = 'rolesFromDirectory'
