// The installers' configuration (electron-builder.cjs) and the afterPack hook that sets the Electron
// fuses: every target named, better-sqlite3 rebuilt, every fuse set, and the hook run on a stand-in
// executable that carries Electron's fuse wire (no Electron binary can be downloaded here).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const config = require(path.join(ROOT, 'electron-builder.cjs'))
const hook = require(path.join(ROOT, 'scripts', 'package', 'after-pack.cjs'))
const { FuseV1Options, getCurrentFuseWire } = require('@electron/fuses')
const { FuseState, SENTINEL } = require('@electron/fuses/dist/constants')

describe('electron-builder configuration', () => {
  it('names every installer: Windows NSIS x64, Linux deb and AppImage for x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    const linux = Object.fromEntries(config.linux.target.map((t: { target: string; arch: string[] }) => [t.target, [...t.arch].sort()]))
    expect(linux).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] })
  })

  it('packs the built app into an ASAR with native modules outside it, rebuilds them for Electron, and sets the fuses after packing', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('**/*.node')
    expect(config.npmRebuild).toBe(true)
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**']))
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'resources', to: 'resources' })])
    expect(path.resolve(ROOT, config.afterPack)).toBe(path.join(ROOT, 'scripts', 'package', 'after-pack.cjs'))
  })

  it('sets every fuse: no RunAsNode, no NODE_OPTIONS, no --inspect, ASAR integrity, only the ASAR', () => {
    expect(hook.FUSES).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
    })
  })
})

describe('the afterPack hook', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-pack-'))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  /** A stand-in executable: bytes around Electron's fuse sentinel, wire version 1, 9 fuses all inherited (as shipped). */
  function fakeElectron(file: string): void {
    const wire = Buffer.alloc(9, FuseState.INHERIT)
    fs.writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 0xcc), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), wire, Buffer.alloc(4096, 0xcc)]))
  }
  const context = (platform: string) => ({ electronPlatformName: platform, appOutDir: dir, packager: { executableName: config.executableName, appInfo: { productFilename: config.productName } } })

  it.each([
    ['linux', config.executableName],
    ['win32', `${config.executableName}.exe`]
  ])('flips the fuses on the packed %s executable', async (platform, file) => {
    fakeElectron(path.join(dir, file))
    await hook.default(context(platform))
    const wire = await getCurrentFuseWire(path.join(dir, file))
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE)
  })

  it('fails the build when the executable is not where it should be, rather than ship without fuses', async () => {
    await expect(hook.default(context('linux'))).rejects.toThrow(/找不到打包后的可执行文件/)
  })
})

describe('the packaged app', () => {
  it('has no DevTools and no default menu', () => {
    expect(fs.readFileSync(path.join(ROOT, 'src/main/windows/main-window.ts'), 'utf8')).toMatch(/devTools: !app\.isPackaged/)
    expect(fs.readFileSync(path.join(ROOT, 'src/main/index.ts'), 'utf8')).toMatch(/if \(app\.isPackaged\) Menu\.setApplicationMenu\(null\)/)
  })
})
