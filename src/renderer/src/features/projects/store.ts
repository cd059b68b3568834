// Pinia store for the open project: its name and size, whether it can be changed; create, open, "save as" and save a copy through main.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, bridge } from '../../api'
import type { ProjectInfo } from '../../../../shared/models/library'
import { feedback } from '../../components/common/feedback'
import { i18n } from '../../app/i18n'

export const useProjectStore = defineStore('project', () => {
  const info = ref<ProjectInfo | null>(null)
  /** Bumped whenever another project is opened, so features reload what they show. */
  const generation = ref(0)
  /**
   * Why nothing in the project can be changed (opened read-only, or no project open at all), for the
   * editing controls to be disabled with it as their tooltip; null when the project can be written.
   */
  const lock = computed<string | null>(() => (info.value ? (info.value.readOnly ?? info.value.unavailable ?? null) : null))
  /** The tooltip of every control the lock disables: 只读项目，不能修改：<the reason>. */
  const lockTip = computed<string | undefined>(() => (lock.value ? i18n.global.t('projectState.locked', { reason: lock.value }) : undefined))

  async function load() {
    info.value = await api.projects.current()
  }

  bridge.on('project:changed', (p) => {
    info.value = p
    generation.value++
  })

  async function run(action: () => Promise<ProjectInfo | null>, done: 'opened' | 'saved') {
    try {
      const p = await action()
      if (p) feedback.ok(i18n.global.t(`project.${done}`, { name: p.name }))
    } catch (e) {
      feedback.error(e)
    }
  }

  /** A backup of the open project (consistent while in use); the app stays in this project. */
  async function saveCopy() {
    try {
      const file = await api.projects.pickAndSaveCopy()
      if (file) feedback.ok(i18n.global.t('project.copySaved', { file }))
    } catch (e) {
      feedback.error(e)
    }
  }

  return {
    info,
    generation,
    lock,
    lockTip,
    load,
    create: () => run(() => api.projects.pickAndCreate(), 'opened'),
    open: () => run(() => api.projects.pickAndOpen(), 'opened'),
    saveAs: () => run(() => api.projects.pickAndSaveAs(), 'saved'),
    saveCopy
  }
})
