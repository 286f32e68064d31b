export type TestCertificate = { certFile: string; keyFile: string }
export function ensureTestCertificate(dir?: string): TestCertificate
export function testTrustBundle(dir?: string, existing?: string): string
