// Deciding on the items of a queue (同意, 退回 with a reason, 撤销, …): one call at a time, the outcome as a Chinese
// toast, the queue loaded again after each; 退回 asks for its reason first and refuses an empty one at the field.
import { ref, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { errorText, sendJson } from './api'

export function useDecisions<T extends { id: number }>(base: string, load: () => Promise<void>) {
  const acting = ref<number | null>(null)
  const rejecting = ref(null) as Ref<T | null>
  const reason = ref('')
  const reasonError = ref('')

  /** POSTs to {base}{item.id}{action}; true when it was done. */
  async function act(item: T, action: string, body: unknown, done: string): Promise<boolean> {
    acting.value = item.id
    try {
      await sendJson('POST', base + item.id + action, body)
      ElMessage.success(done)
      await load()
      return true
    } catch (error) {
      ElMessage.error(errorText(error))
      return false
    } finally {
      acting.value = null
    }
  }

  function startRejecting(item: T) {
    rejecting.value = item
    reason.value = ''
    reasonError.value = ''
  }

  async function reject() {
    if (!reason.value.trim()) {
      reasonError.value = '请填写退回原因'
      return
    }
    if (await act(rejecting.value!, '/rejection', { reason: reason.value.trim() }, '已退回')) rejecting.value = null
  }

  return { acting, act, rejecting, reason, reasonError, startRejecting, reject }
}
