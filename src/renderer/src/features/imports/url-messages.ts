// Strings of 「从网址导入」 and of the page sources shown on the roster and in the workspace, Simplified
// Chinese first (merged into the app's messages in app/i18n.ts).

export const urlsZh = {
  button: '从网址导入…',
  title: '从网址导入',
  lead: '粘贴报告所在网页的网址，一行一个（可以从名单表格中复制「报告网址」一列）。审核台逐个获取这些网页（不运行网页中的脚本），像保存的网页一样导入，并记下网址、获取时间和网页上的发布日期。直接指向 PDF、Word、OFD 文件的网址也可以。',
  placeholder: 'http://www.xx.gov.cn/zwgk/2025/art_123.html',
  count: '共 {n} 个网址',
  start: '获取并导入',
  unitPages: '获取名单中各单位的报告网页（{n} 个单位）',
  noUnitPages: '名单中还没有单位填写「报告网址」',
  cancel: '取消',
  polite: '同一网站的网页逐个获取，每次间隔约 1 秒；无法获取的网址会连同原因列在导入结果中，其余照常导入。',
  page: '网页',
  pageTip: '网址：{url}\n获取时间：{fetched}\n网页发布日期：{published}',
  unknown: '未注明',
  sources: '公开网页',
  fetchedAt: '获取于 {at}',
  pagePublished: '网页发布日期 {date}',
  lastModified: '服务器标注的修改时间 {at}',
  redirected: '跳转至 {url}'
}

export const urlsEn: typeof urlsZh = {
  button: 'Import from addresses…',
  title: 'Import from web addresses',
  lead: 'Paste the addresses of the pages where the reports are published, one a line (a copy of the roster sheet’s 报告网址 column will do). Each page is fetched (its scripts never run), imported like a saved page, and keeps its address, the time it was fetched and the publication date it shows. Addresses of PDF, Word or OFD files work too.',
  placeholder: 'http://www.example.gov.cn/zwgk/2025/art_123.html',
  count: '{n} addresses',
  start: 'Fetch and import',
  unitPages: 'Fetch the report page of every roster unit ({n} units)',
  noUnitPages: 'No roster unit has a report address yet',
  cancel: 'Cancel',
  polite: 'Pages of one site are fetched one at a time, about a second apart; addresses that cannot be fetched are listed with the reason and the rest go on.',
  page: 'Web page',
  pageTip: 'Address: {url}\nFetched: {fetched}\nPublished on the page: {published}',
  unknown: 'not shown',
  sources: 'Published at',
  fetchedAt: 'fetched {at}',
  pagePublished: 'published on the page {date}',
  lastModified: 'server’s last-modified {at}',
  redirected: 'redirected to {url}'
}
