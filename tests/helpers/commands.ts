/**
 * The README's npm scripts, run as a person runs them: `npm start`,
 * `npm run import`, … in the repository, with stdin closed (no terminal to
 * answer a question), on the database the given environment names.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'

export type CommandResult = { code: number | null; output: string; ms: number }
export type CommandEnv = Record<string, string>

const root = process.cwd()

function environment(env: CommandEnv): NodeJS.ProcessEnv {
  // The test runner's own database and mode must not leak into the commands.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !['DATABASE_URL', 'DATA_DIR', 'PAYLOAD_SECRET', 'NODE_ENV', 'SERVER_URL', 'PORT', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID'].includes(name)),
  )
  const merged: Record<string, string | undefined> = { ...inherited, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', ...env }
  return merged as NodeJS.ProcessEnv
}

/** `npm run <script> -- args…` to its end. */
export function npm(script: string, args: readonly string[], env: CommandEnv, timeoutMs = 180_000): Promise<CommandResult> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
      cwd: root,
      env: environment(env),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    child.stdout!.on('data', (chunk) => (output += chunk))
    child.stderr!.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL')
      reject(new Error(`npm run ${script} ${args.join(' ')} svarade inte inom ${timeoutMs / 1000} s:\n${output}`))
    }, timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output, ms: performance.now() - started })
    })
  })
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal)
  } catch {
    // already gone
  }
}

export type RunningServer = {
  url: string
  output: () => string
  /** Ctrl-C, as a person stops it (npm itself then ends by the signal); resolves once it has exited and the port is free. */
  stop: () => Promise<void>
}

/** `npm start`, resolved once /api/health answers (it builds first when the build is stale). */
export async function npmStart(env: CommandEnv & { PORT: string }, timeoutMs = 300_000): Promise<RunningServer> {
  const child = spawn('npm', ['start', '--silent'], { cwd: root, env: environment(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const url = `http://127.0.0.1:${env.PORT}`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start avslutades med kod ${child.exitCode}:\n${output}`)
    if (Date.now() > deadline) {
      killGroup(child, 'SIGKILL')
      throw new Error(`npm start svarade inte inom ${timeoutMs / 1000} s:\n${output}`)
    }
    // The start script prints this once the server answers /api/health.
    if (output.includes('är igång')) break
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      killGroup(child, 'SIGINT')
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 20_000)
      await exited
      clearTimeout(timer)
      await within(10_000, 'porten stängs', async () => !(await fetch(`${url}/api/health`).then(() => true, () => false)))
    },
  }
}

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** Polls until `check` is true; returns how long it took. */
export async function within(ms: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now()
  for (;;) {
    if (await check().catch(() => false)) return performance.now() - started
    if (performance.now() - started > ms) throw new Error(`${what}: inte inom ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
