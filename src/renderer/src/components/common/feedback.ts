// One place for transient feedback (messages, notifications) outside component trees. They appear at
// the bottom of the window, where they cover none of the header's buttons or the workspace's toolbar.
import { createDiscreteApi } from 'naive-ui'

const { message, notification } = createDiscreteApi(['message', 'notification'], {
  messageProviderProps: { placement: 'bottom', max: 3 },
  notificationProviderProps: { placement: 'bottom-right', max: 4 }
})

export const feedback = {
  ok: (text: string) => message.success(text),
  info: (text: string) => message.info(text),
  /** An error from the api: its message is already written for the reviewer. */
  error: (e: unknown) => message.error(e instanceof Error ? e.message : String(e), { duration: 6000, closable: true }),
  notify: notification
}
