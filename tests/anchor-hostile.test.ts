// Re-anchoring annotations on hostile texts stays linear (src/shared/anchor.ts). Here rather than beside
// anchor.ts, which is shared with the renderer and type-checked without Node.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

describe('resolveAnchor on hostile texts', () => {
  // Run in a child process with a ceiling, so a quadratic search fails the test instead of hanging the
  // suite: each case is three million characters, where a quadratic search takes hours and a linear one a blink.
  const run = (script: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { resolveAnchor } from ${JSON.stringify(path.resolve(import.meta.dirname, '../src/shared/anchor.ts'))}\n${script}`], {
      encoding: 'utf8',
      timeout: 20_000
    })

  it.each([
    ['a prefix that recurs everywhere and no suffix', `const text = '依法'.repeat(1_500_000); const r = resolveAnchor(text, { start: 5, end: 9, quote: '已删除', prefix: '依法'.repeat(8), suffix: '不在文中的后文啊' }); console.log(JSON.stringify(r))`, 'null'],
    ['a prefix that recurs everywhere and the suffix at the end', `const text = '依法'.repeat(1_500_000) + '改后原文' + '结尾的后文八个字'; const r = resolveAnchor(text, { start: 5, end: 9, quote: '已删除', prefix: '依法'.repeat(8), suffix: '结尾的后文八个字' }); console.log(JSON.stringify(r && [r.end, r.how]))`, '[3000004,"context"]'],
    ['a long quote that overlaps itself everywhere', `const text = '甲' + '法'.repeat(3_000_000); const r = resolveAnchor(text, { start: 0, end: 20000, quote: '法'.repeat(20000), prefix: '甲乙丙', suffix: '丁戊己' }); console.log(JSON.stringify(r && r.how))`, '"moved"']
  ])('stays linear: %s', (_label, script, expected) => {
    const r = run(script)
    expect(r.signal).toBeNull()
    expect(r.stdout.trim()).toBe(expected)
  })
})
