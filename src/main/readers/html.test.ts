// Saved portal pages: the report is found inside ASP.NET <form> wrappers and layout tables, and the
// furniture around it (recommendation feeds, share bars, comment blocks, related-links boxes, legal
// notices) is left out, whether or not it carries a telling class name. The pages are written for
// these tests after the shapes seen on public Chinese portal pages (measured in docs/benchmarks.md).

import { describe, expect, it } from 'vitest'
import { readReport } from './index'

const PARAGRAPHS = [
  '今年以来，县司法局在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想，全面推进法治政府建设，各项工作取得明显成效。',
  '一、加强组织领导，压实工作责任。局党组书记切实履行推进法治建设第一责任人职责，全年召开专题会议四次，研究部署法治政府建设重点任务。',
  '二、严格规范公正文明执法。全面落实行政执法公示、执法全过程记录、重大执法决定法制审核三项制度，全年审核重大执法决定二十六件。',
  '三、深入开展普法宣传。组织法律进机关、进乡村、进社区、进学校、进企业活动五十余场，发放宣传资料一万余份，群众法治意识明显增强。',
  '四、存在的不足和原因。基层执法力量仍然薄弱，部分执法人员业务能力有待提高，法治宣传的针对性和实效性还需进一步增强。',
  '五、下一步工作安排。我们将继续加强执法队伍建设，创新普法宣传方式，推动法治政府建设再上新台阶。'
]
const ARTICLE = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')
const TITLE = '某县司法局2023年法治政府建设年度报告'

async function read(html: string): Promise<string> {
  const doc = await readReport(new TextEncoder().encode(html), 'page.html')
  return doc.text
}

function expectReport(text: string): void {
  for (const p of PARAGRAPHS) expect(text).toContain(p)
}

describe('main content inside wrappers', () => {
  it('reads an ASP.NET page whose whole body sits inside <form id="Form1">', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${TITLE}</title></head>
<body><form name="Form1" method="post" action="Detail.aspx?id=2031" id="Form1">
<div><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg9kFgICAw9kFgQCAQ8WAh4EVGV4dAUG5rOV5rK7ZGQ=" /></div>
<div id="top"><a href="/">网站首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a> | <a href="/hdjl/">互动交流</a></div>
<table width="980" align="center"><tr>
<td width="200" valign="top"><a href="/a">通知公告</a><br><a href="/b">工作动态</a><br><a href="/c">法治建设</a><br><a href="/d">政策文件</a></td>
<td valign="top"><span id="lblTitle">${TITLE}</span><br>
<span id="lblInfo">发布时间：2024-03-20\u3000来源：县司法局\u3000浏览次数：368</span>
<div id="ContentPanel">${PARAGRAPHS.join('<br>\n')}</div></td></tr></table>
<div id="bottom">主办：某县人民政府办公室\u3000地址：某县人民路1号</div>
</form></body></html>`
    const text = await read(html)
    expectReport(text)
    expect(text).toContain(TITLE)
    expect(text).toContain('发布时间：2024-03-20')
    expect(text).not.toContain('VIEWSTATE')
    expect(text).not.toContain('通知公告')
    expect(text).not.toContain('主办：某县人民政府办公室')
  })

  it('still leaves out a search or login form beside the report', async () => {
    const html = `<html><body><form id="search" action="/search"><span>站内搜索：</span><input name="q"><button>搜索</button></form>
<form id="loginForm" action="/login"><span>用户登录</span><input name="u"><input name="p" type="password"></form>
<div class="article"><h1>${TITLE}</h1>${ARTICLE}</div></body></html>`
    const text = await read(html)
    expectReport(text)
    expect(text).not.toContain('站内搜索')
    expect(text).not.toContain('用户登录')
  })

  it('keeps a short data table of the page (索引号, 发文字号) on one line per row', async () => {
    const html = `<html><body><table class="xxgk"><tr><td>索引号：</td><td>11000000-2024-00012</td><td>发文字号：</td><td>某司发〔2024〕3号</td></tr></table>
<div><h1>${TITLE}</h1>${ARTICLE}</div></body></html>`
    const text = await read(html)
    expect(text).toContain('索引号： 11000000-2024-00012 发文字号： 某司发〔2024〕3号')
    expectReport(text)
  })
})

describe('furniture around the report is left out', () => {
  const page = (after: string, before = '') =>
    `<html><head><title>${TITLE}</title></head><body><div class="header"><a href="/">首页</a><a href="/news">新闻</a></div>
<div class="main">${before}<h1>${TITLE}</h1><div class="meta">2024-03-20 09:30 来源：县司法局</div>
<div class="content">${ARTICLE}</div>${after}</div></body></html>`

  it.each([
    [
      'a recommendation feed of titles with summaries, under a 猜你喜欢 heading',
      `<div><h3>猜你喜欢</h3><div><a href="/1">某市开展“八五”普法中期评估工作</a><p>近日，某市组织开展普法中期评估，全面检查各项任务落实情况，取得积极成效。</p></div>
<div><a href="/2">全市法治政府建设推进会召开</a><p>会议总结了上一年度工作，部署了今年的重点任务，要求各地狠抓落实。</p></div>
<div><a href="/3">某区打造法治文化主题公园</a><p>公园设置宪法广场、法治长廊等景观，为群众提供了学法用法的好去处。</p></div></div>`,
      ['猜你喜欢', '普法中期评估', '宪法广场']
    ],
    [
      'a recommendation feed named by its class',
      `<div class="recommend-list"><ul><li><a href="/1">今日热点：某地推行“局长进大厅”</a><span>群众办事更方便了，满意度明显提升。</span></li>
<li><a href="/2">视频：法治宣传进乡村</a><span>文艺演出寓教于乐，村民们纷纷点赞。</span></li></ul></div>`,
      ['局长进大厅', '寓教于乐']
    ],
    ['a share bar without a class name', `<div>分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>`, ['分享到', 'QQ空间']],
    ['a share bar named by its class', `<div class="bdsharebuttonbox"><a class="bds_weixin">微信</a><a class="bds_tsina">新浪微博</a></div>`, ['新浪微博']],
    [
      'a comment block under a 网友评论 heading',
      `<div><div class="t">网友评论</div><div><b>网友甲：</b>这份报告写得很实在，希望明年继续加大普法力度，多到村里来宣传。</div>
<div><b>网友乙：</b>执法规范化确实有进步，办事比以前方便多了，点赞！</div><div><b>网友丙：</b>建议公开更多执法数据，让群众监督。</div></div>`,
      ['网友评论', '点赞', '群众监督']
    ],
    [
      'a comment block named by its class',
      `<div id="comment_list"><p>匿名用户：支持依法行政，希望继续努力，把好事办好。</p><p>热心市民：内容详实，数据清楚。</p></div>`,
      ['支持依法行政', '内容详实']
    ],
    [
      'a related-links box under a 相关链接 heading',
      `<div><h3>相关链接</h3><ul><li><a href="/a">关于开展2024年普法宣传活动的通知</a></li><li><a href="/b">下一步工作计划征求意见</a></li></ul></div>`,
      ['相关链接', '关于开展2024年普法宣传活动的通知', '下一步工作计划征求意见']
    ],
    [
      'previous/next links and the site’s legal notice',
      `<div>上一篇：<a href="/p">县司法局召开党风廉政建设会议</a></div><div>下一篇：<a href="/n">县司法局开展宪法宣传周活动</a></div>
<div><h4>版权声明</h4><p>本网站所刊登的各种新闻、信息和专栏资料，未经协议授权，禁止下载使用，违者将依法追究责任。</p></div>`,
      ['上一篇', '党风廉政建设会议', '版权声明', '依法追究责任']
    ]
  ])('%s', async (_name, furniture, absent) => {
    const text = await read(page(furniture))
    expectReport(text)
    expect(text).toContain(TITLE)
    for (const a of absent) expect(text).not.toContain(a)
  })

  it('a furniture heading above the report in the same container does not take the report with it', async () => {
    const text = await read(page('', `<table><tr><td><a href="/more">更多精彩图片&gt;&gt;</a></td></tr></table><div><h3>热门推荐</h3><ul><li><a href="/x">法治宣传进万家</a></li></ul></div>`))
    expectReport(text)
    expect(text).not.toContain('法治宣传进万家')
  })

  it('an inline 延伸阅读 line inside the report is dropped without cutting the report in two', async () => {
    const mid = `<p>延伸阅读：<a href="/x">全省法治政府建设示范创建活动综述</a></p>`
    const text = await read(page('').replace(PARAGRAPHS.map((p) => `<p>${p}</p>`).slice(0, 3).join('\n'), (m) => m + mid))
    expectReport(text)
    expect(text).not.toContain('延伸阅读')
  })

  it('a site’s legal notice under its own name is left out', async () => {
    const text = await read(page('<div><b>某某县政府网版权与免责声明：</b><p>凡本网注明“来源：某某县政府网”的所有作品，版权均属于本网，未经授权不得转载。</p><p>如因作品内容、版权等问题需要同本网联系，请在三十日内进行。</p></div>'))
    expectReport(text)
    expect(text).not.toContain('版权均属于本网')
  })

  it.each([
    ['a furniture word later in a class name', '<div class="js_img_share_area">'],
    ['a WordPress tag in an article’s classes', '<article class="post tag-share tag-comment">'],
    ['a site that names its content like furniture', '<div class="comment-wrap">']
  ])('the report is read despite %s', async (_n, open) => {
    const close = open.startsWith('<article') ? '</article>' : '</div>'
    const text = await read(`<html><body><div class="nav"><a href="/">首页</a></div>${open}<h1>${TITLE}</h1>${ARTICLE}${close}<div class="share">分享</div></body></html>`)
    expectReport(text)
  })

  it('a section of the report named 相关工作 is report text, not a related-links box', async () => {
    const text = await read(`<html><body><div>${ARTICLE}<h2>相关工作情况</h2><p>此外，县司法局还牵头完成了行政规范性文件清理工作，共清理文件八十六件，废止十二件。</p></div></body></html>`)
    expect(text).toContain('相关工作情况')
    expect(text).toContain('共清理文件八十六件')
  })
})
