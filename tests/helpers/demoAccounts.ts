// The parser sits beside the writer (src/bootstrap/demoAccounts.ts); the tests read the accounts through it.
export { readDemoAccounts, type PrintedAccount } from '@/bootstrap/demoAccounts'
