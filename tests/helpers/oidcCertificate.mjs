/**
 * A self-signed certificate for 127.0.0.1, made once with openssl into
 * data/test-oidc/, for the test OpenID provider's https. The processes that
 * talk to the provider trust it through NODE_EXTRA_CA_CERTS, which Node
 * reads only at start: vitest.config.ts and playwright.config.ts set it
 * before any worker or server starts. Plain JavaScript (.mjs): those
 * configs load it natively.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** @returns {{ certFile: string, keyFile: string }} */
export function ensureTestCertificate(dir = path.resolve('data', 'test-oidc')) {
  const certFile = path.join(dir, 'cert.pem')
  const keyFile = path.join(dir, 'key.pem')
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile)) {
    fs.mkdirSync(dir, { recursive: true })
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '3650', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      { stdio: 'ignore' },
    )
  }
  return { certFile, keyFile }
}

/**
 * The file for NODE_EXTRA_CA_CERTS: the test certificate plus whatever the
 * variable already named (a machine may point it at its own bundle), so
 * setting it takes nothing away.
 */
/** @returns {string} */
export function testTrustBundle(dir = path.resolve('data', 'test-oidc'), existing = process.env.NODE_EXTRA_CA_CERTS) {
  const { certFile } = ensureTestCertificate(dir)
  if (existing === certFile || existing === path.join(dir, 'ca-bundle.pem')) return existing
  const bundle = path.join(dir, 'ca-bundle.pem')
  const before = existing && fs.existsSync(existing) ? fs.readFileSync(existing, 'utf8') : ''
  fs.writeFileSync(bundle, `${before.trimEnd()}\n${fs.readFileSync(certFile, 'utf8')}`.trimStart())
  return bundle
}
