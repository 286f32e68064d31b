import type { SanitizedConfig } from 'payload'

import {
  GRAPHQL_POST,
  REST_DELETE,
  REST_GET,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'

import * as contentApi from '@/app/(frontend)/api/v1/[[...path]]/route'

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
type Handler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

export type RequestOptions = {
  body?: unknown
  /** A JWT from `login`; sent as `Authorization: JWT …`. */
  token?: string
  headers?: Record<string, string>
}

/**
 * Drives Payload's real Next route handlers with real `Request` objects: the
 * same code path as HTTP (status codes, headers, cookies, access control),
 * without a server per test file.
 */
export class RestClient {
  readonly baseUrl = 'http://localhost:3000'
  private readonly handlers: Record<Method, Handler>
  private readonly graphql: (request: Request) => Promise<Response>

  constructor(config: Promise<SanitizedConfig>) {
    this.handlers = {
      GET: REST_GET(config) as Handler,
      POST: REST_POST(config) as Handler,
      PATCH: REST_PATCH(config) as Handler,
      PUT: REST_PUT(config) as Handler,
      DELETE: REST_DELETE(config) as Handler,
    }
    this.graphql = GRAPHQL_POST(config) as (request: Request) => Promise<Response>
  }

  async request(method: Method, path: `/${string}`, options: RequestOptions = {}): Promise<Response> {
    const url = new URL(`/api${path}`, this.baseUrl)
    const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
    const request = new Request(url, {
      method,
      headers: this.headers(options),
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    })
    return this.handlers[method](request, { params: Promise.resolve({ slug }) })
  }

  get = (path: `/${string}`, options?: RequestOptions) => this.request('GET', path, options)
  post = (path: `/${string}`, options?: RequestOptions) => this.request('POST', path, options)
  patch = (path: `/${string}`, options?: RequestOptions) => this.request('PATCH', path, options)
  delete = (path: `/${string}`, options?: RequestOptions) => this.request('DELETE', path, options)

  /** The public content API (`/api/v1…`), through its real route handler. */
  async v1(path: string, options: Omit<RequestOptions, 'body'> & { method?: 'GET' | 'HEAD' | 'OPTIONS' | 'POST' } = {}): Promise<Response> {
    const method = options.method ?? 'GET'
    const request = new Request(new URL(`/api/v1${path}`, this.baseUrl), { method, headers: this.headers(options) })
    return contentApi[method](request)
  }

  async graphQL(query: string, options: Omit<RequestOptions, 'body'> & { variables?: object } = {}) {
    const request = new Request(new URL('/api/graphql', this.baseUrl), {
      method: 'POST',
      headers: this.headers(options),
      body: JSON.stringify({ query, variables: options.variables }),
    })
    return this.graphql(request)
  }

  /** Logs in over REST and returns the response and its token (undefined when refused). */
  async login(email: string, password: string): Promise<{ response: Response; token: string | undefined; body: any }> {
    const response = await this.post('/users/login', { body: { email, password } })
    const body = await response.json()
    return { response, token: typeof body?.token === 'string' ? body.token : undefined, body }
  }

  private headers(options: RequestOptions): Headers {
    const headers = new Headers({ 'Content-Type': 'application/json', ...options.headers })
    if (options.token) headers.set('Authorization', `JWT ${options.token}`)
    return headers
  }
}
