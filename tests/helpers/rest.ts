import type { SanitizedConfig } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'

import * as contentApi from '@/app/(frontend)/api/v1/[[...path]]/route'
import * as restApi from '@/app/(payload)/api/[...slug]/route'

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
type Handler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

export type RequestOptions = {
  body?: unknown
  /** A JWT from `login`; sent as `Authorization: JWT …`. */
  token?: string
  headers?: Record<string, string>
}

/**
 * Drives the app's real REST route handlers (`src/app/(payload)/api/[...slug]/route.ts`:
 * the request guards, then Payload's handlers) with real `Request` objects:
 * the same code path as HTTP (status codes, headers, cookies, access
 * control), without a server per test file. The route module reads the
 * config itself, the same one `startTestCms` loads.
 */
export class RestClient {
  readonly baseUrl = 'http://localhost:3000'
  private readonly handlers: Record<Method, Handler>
  private readonly graphql: (request: Request) => Promise<Response>

  constructor(config: Promise<SanitizedConfig>) {
    this.handlers = {
      GET: restApi.GET as Handler,
      POST: restApi.POST as Handler,
      PATCH: restApi.PATCH as Handler,
      PUT: restApi.PUT as Handler,
      DELETE: restApi.DELETE as Handler,
    }
    this.graphql = GRAPHQL_POST(config) as (request: Request) => Promise<Response>
  }

  async request(method: Method, path: `/${string}`, options: RequestOptions = {}): Promise<Response> {
    const body = options.body
    const request = new Request(new URL(`/api${path}`, this.baseUrl), {
      method,
      headers: this.headers(options),
      body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
    })
    return this.send(request)
  }

  /** Sends a request built by the caller (any body, any headers) to `/api/…`, as Next would route it. */
  async send(request: Request): Promise<Response> {
    const method = request.method.toUpperCase() as Method
    const handler = this.handlers[method]
    if (!handler) throw new Error(`RestClient: no route handler for ${method}`)
    // Next hands the route its path segments decoded.
    const slug = new URL(request.url).pathname
      .replace(/^\/api\//, '')
      .split('/')
      .filter(Boolean)
      .map((segment) => {
        try {
          return decodeURIComponent(segment)
        } catch {
          return segment
        }
      })
    return handler(request, { params: Promise.resolve({ slug }) })
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
