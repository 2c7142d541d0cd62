// Keyset paging: each answer names the cursor of the page after it, so the pages seen so far are remembered by their
// cursors and 上一页 goes back without the server keeping any state. The first page's cursor is ''.
import { computed, ref } from 'vue'

export function useCursorPages(load: () => Promise<void>) {
  const cursors = ref<string[]>([''])
  const next = ref<string | null>(null)
  const pageIndex = computed(() => cursors.value.length - 1)
  const cursor = computed(() => cursors.value[pageIndex.value])

  /** What the answer said of the page after this one (a number or a string; null or absent: this is the last). */
  function nextIs(value: string | number | null | undefined) {
    next.value = value === null || value === undefined ? null : String(value)
  }

  function first() {
    cursors.value = ['']
    return load()
  }

  function forward() {
    if (next.value === null) return
    cursors.value = [...cursors.value, next.value]
    return load()
  }

  function back() {
    cursors.value = cursors.value.slice(0, -1)
    return load()
  }

  return { cursor, next, pageIndex, nextIs, first, forward, back }
}
