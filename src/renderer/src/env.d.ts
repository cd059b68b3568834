/// <reference types="vite/client" />
import '../../preload/index.d'
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
