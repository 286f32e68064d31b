import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** What a production build depends on; a change to any of these makes the build stale. */
const INPUT_DIRS = ['src', 'collections', 'migrations', 'public']
const INPUT_FILES = ['payload.config.ts', 'next.config.ts', 'package-lock.json', 'tsconfig.json']

export const FINGERPRINT_FILE = path.join('.next', 'cms-build-fingerprint')
/** Starts our server (src/http/httpServer.mjs) in Next's standalone build; it answers /api/v1 itself. */
export const STANDALONE_SERVER = path.join('.next', 'standalone', 'cms-server.mjs')

/**
 * The plain-JavaScript folders the server loads without a compiler, copied
 * into the standalone build at the same relative paths, so its imports
 * (../runtime/…, ./csp.mjs) resolve there as they do in the source tree.
 */
const SERVER_SOURCE_DIRS = [path.join('src', 'http'), path.join('src', 'runtime')]

/** The public site's stylesheet and icons, read at run time from the same path (src/frontend/assets.ts). */
const SITE_ASSET_DIR = path.join('src', 'frontend', 'assets')

function listFiles(root: string, dir: string): string[] {
  const absolute = path.join(root, dir)
  if (!fs.existsSync(absolute)) return []
  return fs.readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name)
    return entry.isDirectory() ? listFiles(root, relative) : [relative]
  })
}

export function sourceFingerprint(root: string): string {
  const files = [...INPUT_FILES.filter((file) => fs.existsSync(path.join(root, file))), ...INPUT_DIRS.flatMap((dir) => listFiles(root, dir))]
  const hash = createHash('sha256')
  for (const file of files.sort()) {
    hash.update(file).update('\0').update(fs.readFileSync(path.join(root, file))).update('\0')
  }
  return hash.digest('hex')
}

export function isBuildCurrent(root: string): boolean {
  const stamp = path.join(root, FINGERPRINT_FILE)
  if (!fs.existsSync(stamp) || !fs.existsSync(path.join(root, STANDALONE_SERVER))) return false
  return fs.readFileSync(stamp, 'utf8').trim() === sourceFingerprint(root)
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} avslutades med ${signal ?? code}`)),
    )
  })
}

/**
 * `next build`, then the static files the standalone server expects beside it
 * (Next leaves copying them to the deployer), then the fingerprint.
 */
export async function buildProduction(root: string): Promise<void> {
  const fingerprint = sourceFingerprint(root)
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
  await run(process.execPath, [nextBin, 'build'], root, { ...process.env, NEXT_TELEMETRY_DISABLED: '1' })
  const standalone = path.join(root, '.next', 'standalone')
  fs.cpSync(path.join(root, '.next', 'static'), path.join(standalone, '.next', 'static'), { recursive: true })
  if (fs.existsSync(path.join(root, 'public'))) {
    fs.cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true })
  }
  for (const dir of SERVER_SOURCE_DIRS) {
    fs.mkdirSync(path.join(standalone, dir), { recursive: true })
    for (const file of fs.readdirSync(path.join(root, dir)).filter((name) => name.endsWith('.mjs'))) {
      fs.copyFileSync(path.join(root, dir, file), path.join(standalone, dir, file))
    }
  }
  fs.cpSync(path.join(root, SITE_ASSET_DIR), path.join(standalone, SITE_ASSET_DIR), { recursive: true })
  // The public pages load React's node renderer at run time (src/frontend/render.ts): the build must carry it.
  createRequire(path.join(standalone, 'package.json')).resolve('react-dom/server.node')
  fs.writeFileSync(path.join(root, STANDALONE_SERVER), "// Written by scripts/lib/build.ts: the CMS's HTTP server.\nimport './src/http/httpServer.mjs'\n")
  fs.writeFileSync(path.join(root, FINGERPRINT_FILE), fingerprint + '\n')
}
