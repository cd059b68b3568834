// zod with its messages in Chinese: every schema imports z from here, so a validation message a
// reviewer may see (a checklist file, an IPC argument) is never in English.

import { z } from 'zod'

z.config(z.locales.zhCN())

export { z }
