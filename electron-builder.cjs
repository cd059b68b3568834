// electron-builder configuration: the installers reviewers get. Windows (NSIS, x64) and Linux (deb and
// AppImage, x64 and arm64 for the Kylin and UOS machines in government offices). better-sqlite3 is
// rebuilt for Electron's ABI as the app is packed; the Electron fuses are set by the afterPack hook.
// Build with `npm run dist:win` or `npm run dist:linux` (README: "Installers").

/** @type {import('app-builder-lib').Configuration} */
module.exports = {
  appId: 'cn.gov.sfj.report-audit-desk',
  productName: '法治报告审核台',
  executableName: 'report-audit-desk',
  copyright: 'MIT License',
  directories: { output: 'dist', buildResources: 'build' },
  // The built app only: main, preload, renderer and the parse worker (out/cli is the command-line tool).
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!**/*.map'],
  // Checklists and sample reports, found at process.resourcesPath/resources (store/resources.ts).
  extraResources: [{ from: 'resources', to: 'resources', filter: ['**/*'] }],
  asar: true,
  // Native modules cannot be loaded from inside the archive.
  asarUnpack: ['**/*.node'],
  // better-sqlite3 rebuilt against the Electron it ships with, for each target arch.
  npmRebuild: true,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  // Sets the Electron fuses on the packed executable before it is signed and wrapped into an installer.
  afterPack: './scripts/package/after-pack.cjs',
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }]
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    shortcutName: '法治报告审核台',
    artifactName: 'report-audit-desk-${version}-setup-${arch}.${ext}'
  },
  linux: {
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] }
    ],
    category: 'Office',
    synopsis: '审核法治政府建设年度报告',
    maintainer: 'Report Audit Desk <report-audit-desk@localhost>',
    artifactName: 'report-audit-desk-${version}-${arch}.${ext}'
  },
  deb: {
    // Chinese text in exports and the window needs CJK fonts; Kylin and UOS ship them, a bare Debian may not.
    depends: ['libgtk-3-0', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0', 'fonts-noto-cjk | fonts-wqy-microhei']
  }
}
