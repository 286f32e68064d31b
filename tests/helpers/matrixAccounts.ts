/**
 * How the access matrix's actors get their accounts: by default local
 * accounts with a password login; tests/int/accessMatrixDirectory.test.ts
 * switches to accounts made by a sign-in through the test OpenID provider,
 * so the same matrix is proven for users the directory created.
 */
import type { Payload } from 'payload'

import type { Role } from '@/access'
import type { RestClient } from './rest'
import { createUser } from './users'

export type MatrixAccount = { id: number | string; email: string; token: string | undefined }
export type MatrixAccountMaker = (args: { payload: Payload; rest: RestClient; roles: Role[]; name: string }) => Promise<MatrixAccount>

const passwordAccount: MatrixAccountMaker = async ({ payload, rest, roles, name }) => {
  const user = await createUser(payload, roles, name)
  const { token } = await rest.login(user.email, user.password)
  return { id: user.id, email: user.email, token }
}

let maker: MatrixAccountMaker = passwordAccount

export const useMatrixAccounts = (next: MatrixAccountMaker): void => {
  maker = next
}
export const makeMatrixAccount: MatrixAccountMaker = (args) => maker(args)
