/**
 * The process's shared slots: the few values that every copy of a module in
 * this one Node process must see as one.
 *
 * Why a process-wide slot at all: the CMS's HTTP server
 * (src/http/httpServer.mjs) is plain Node outside Next's bundle, and Next's
 * server bundle loads a module once per route bundle (and once more for
 * src/instrumentation.ts), so a module-level singleton would exist in several
 * copies. Only globalThis is common to all of them. Every such value goes
 * through here, under the one key below, in a slot named in SLOT_NAMES;
 * anything that needs no sharing across copies is plain module state.
 *
 * Plain JavaScript so that the HTTP server loads it without a compiler
 * (scripts/lib/build.ts copies it beside the server); the types are in
 * processSlots.d.mts.
 */
const KEY = Symbol.for('oppna-jamforelser.process-slots')

/**
 * Every slot. Each has one owner, the only module that names its type and
 * creates or sets it:
 * - deliveryFastPath: set by src/runtime/fastPath.ts when the app starts,
 *   read by src/http/httpServer.mjs (outside Next's bundle) to answer
 *   /api/v1 and the public pages from memory.
 * - deliveryState: src/delivery/state.ts, the one published catalog; the
 *   publish hook, the route handlers, the pages and the fast path must all
 *   see the same object.
 * - catalogGenerations: src/delivery/catalog.ts, generations unique across
 *   every catalog of the process (kept public pages are checked against
 *   them).
 * - authLimiters: src/auth/securityLogin.ts, one set of login limits,
 *   whichever copy counts an attempt.
 */
export const SLOT_NAMES = Object.freeze(['deliveryFastPath', 'deliveryState', 'catalogGenerations', 'authLimiters'])

function slots() {
  return (globalThis[KEY] ??= Object.create(null))
}

/** The named slot's accessors; an unknown name is a programming error. */
export function processSlot(name) {
  if (!SLOT_NAMES.includes(name)) throw new Error(`Okänd processplats "${name}"; kända: ${SLOT_NAMES.join(', ')}.`)
  return {
    get: () => slots()[name],
    set: (value) => {
      slots()[name] = value
    },
    getOrCreate: (create) => (slots()[name] ??= create()),
  }
}
