import type { Ref } from 'vue'

// The console's one way to call the gateway: same-origin, the session cookie, the CSRF cookie sent back as
// X-XSRF-TOKEN, and errors as the services' problem+json (code, rule, the Chinese detail users see).

export interface Problem {
  status: number
  code: string
  rule?: string
  title?: string
  detail: string
  /** the problem's further members, e.g. a batch transfer's refused people (R-TR-4) */
  extra?: Record<string, unknown>
}

export class ApiError extends Error {
  readonly problem: Problem

  constructor(problem: Problem) {
    super(problem.detail)
    this.problem = problem
  }
}

const LOGIN = '/oauth2/authorization/keycloak'

function csrfToken(): string | undefined {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/)
  return match ? decodeURIComponent(match[1]) : undefined
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? ''
  if (type.includes('json')) {
    try {
      const body = await response.json()
      return {
        status: response.status,
        code: body.code ?? 'HTTP_' + response.status,
        rule: body.rule ?? undefined,
        title: body.title,
        detail: body.detail ?? body.title ?? '请求失败',
        extra: body,
      }
    } catch {
      // fall through to the generic problem
    }
  }
  const detail = response.status >= 500 ? '系统繁忙,请稍后再试' : '请求失败(' + response.status + ')'
  return { status: response.status, code: 'HTTP_' + response.status, detail }
}

export interface RequestOptions {
  method?: string
  body?: unknown
  headers?: Record<string, string>
}

export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  let body: BodyInit | undefined
  if (options.body instanceof FormData) {
    body = options.body
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  if (method !== 'GET') {
    const token = csrfToken()
    if (token) headers['X-XSRF-TOKEN'] = token
  }
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin' })
  if (response.status === 401) {
    // the browser session ended: log in again, then the console opens afresh
    window.location.assign(LOGIN)
    throw new ApiError({ status: 401, code: 'UNAUTHENTICATED', detail: '请先登录' })
  }
  if (!response.ok) {
    throw new ApiError(await problemOf(response))
  }
  return response
}

export async function getJson<T>(path: string): Promise<T> {
  return (await request(path)).json() as Promise<T>
}

export async function sendJson<T>(method: string, path: string, body?: unknown): Promise<T | undefined> {
  const response = await request(path, { method, body })
  if (response.status === 204 || response.headers.get('Content-Length') === '0') return undefined
  const text = await response.text()
  return text ? (JSON.parse(text) as T) : undefined
}

/** Ends the gateway session and Keycloak's (the gateway's logout redirects to Keycloak's end-session). */
export function logout(): void {
  const form = document.createElement('form')
  form.method = 'POST'
  form.action = '/logout'
  const token = csrfToken()
  if (token) {
    const field = document.createElement('input')
    field.type = 'hidden'
    field.name = '_csrf'
    field.value = token
    form.appendChild(field)
  }
  document.body.appendChild(form)
  form.submit()
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail
  return '网络异常,请稍后再试'
}

/**
 * The form field a refusal is about, by its code: the services answer one problem per request (code, rule, Chinese
 * detail) and the form shows the detail at that field. {@code fields} maps a code, or a code's prefix ending in '*',
 * to the field's name; null when the refusal is about the whole form.
 */
export function fieldOf(error: unknown, fields: Record<string, string>): string | null {
  if (!(error instanceof ApiError)) return null
  const code = error.problem.code
  for (const [key, field] of Object.entries(fields)) {
    if (key.endsWith('*') ? code.startsWith(key.slice(0, -1)) : code === key) return field
  }
  return null
}

/**
 * Shows a refusal where the user can act on it: at the field it is about ({@link fieldOf}) unless the form hides
 * that field ({@code hiddenField}: a member's own ID number), else as the form's message.
 */
export function showRefusal(error: unknown, fields: Record<string, string>, errors: Record<string, string>,
                            formMessage: Ref<string>, hiddenField?: string): void {
  const field = fieldOf(error, fields)
  if (field && field !== hiddenField) errors[field] = errorText(error)
  else formMessage.value = errorText(error)
}

/** Sends a file as multipart/form-data (the browser sets the boundary). */
export async function sendForm<T>(path: string, form: FormData): Promise<T> {
  return (await request(path, { method: 'POST', body: form })).json() as Promise<T>
}

/** Saves a downloaded file under the name its Content-Disposition gives (RFC 5987 filename*), else {@code fallback}. */
export async function saveDownload(response: Response, fallback: string): Promise<void> {
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const encoded = disposition.match(/filename\*=UTF-8''([^;]+)/i)
  const name = encoded ? decodeURIComponent(encoded[1]) : fallback
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  URL.revokeObjectURL(url)
}
