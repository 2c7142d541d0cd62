// Dates and times as Chinese users read them, in China's time zone whatever the browser's.
const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hour12: false,
})
const DATE = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric',
})

export function dateTime(value?: string | null): string {
  return value ? DATE_TIME.format(new Date(value)) : '—'
}

export function date(value?: string | null): string {
  return value ? DATE.format(new Date(value)) : '—'
}

export function count(value: number): string {
  return value.toLocaleString('zh-CN')
}

/** This year in China's time zone (a graduation year is marked from it on, R-GRAD-1). */
export function currentYear(): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
}
