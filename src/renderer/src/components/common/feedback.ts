// One place for transient feedback (messages, notifications) outside component trees.
import { createDiscreteApi } from 'naive-ui'

const { message, notification } = createDiscreteApi(['message', 'notification'])

export const feedback = {
  ok: (text: string) => message.success(text),
  info: (text: string) => message.info(text),
  /** An error from the api: its message is already written for the reviewer. */
  error: (e: unknown) => message.error(e instanceof Error ? e.message : String(e), { duration: 6000, closable: true }),
  notify: notification
}
