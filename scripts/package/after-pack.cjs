// electron-builder afterPack hook: sets the Electron fuses on the packed executable, so the installed
// app cannot be turned into a plain Node runtime or told to load other code. Runs for every target
// (Windows NSIS, Linux deb and AppImage) before the installer is made; fails the build if it cannot.

const fs = require('node:fs')
const path = require('node:path')
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses')

/** The fuses, and why each is set so; tests/packaging.test.ts checks every one is named. */
const FUSES = {
  // ELECTRON_RUN_AS_NODE would make the app's own binary a Node interpreter for any script.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS (--require, --inspect …) would inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk on the command line would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded at packing (Windows, macOS).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded: not an app/ folder put beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Cookies and local storage encrypted at rest with the OS keystore.
  [FuseV1Options.EnableCookieEncryption]: true,
  // file:// pages get no more rights than other pages.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
}

/** The packed executable in appOutDir for this platform. */
function executable(context) {
  const name = context.packager.executableName
  const file = context.electronPlatformName === 'win32' ? `${name}.exe` : context.electronPlatformName === 'darwin' ? `${context.packager.appInfo.productFilename}.app` : name
  const full = path.join(context.appOutDir, file)
  if (!fs.existsSync(full)) throw new Error(`after-pack: 找不到打包后的可执行文件 ${full}，未能设置 Electron fuses`)
  return full
}

exports.FUSES = FUSES

exports.default = async function afterPack(context) {
  await flipFuses(executable(context), { version: FuseVersion.V1, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin', ...FUSES })
}
