// Realistic full-length reports for the benchmarks, made from the real ones: each a unit of its own,
// a year, a title and date line, and 9,000–16,000 characters of body recombined from the paragraphs of
// the real reports and report openings in tests/fixtures/corpus, with the unit's name, the years and
// the figures changed, so no two are the same text. Deterministic for a given index.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const CORPUS = path.join(ROOT, 'tests/fixtures/corpus')

let paragraphs = null
function pool() {
  if (paragraphs) return paragraphs
  const texts = [
    ...fs.readdirSync(path.join(CORPUS, 'reports')).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(CORPUS, 'reports', f), 'utf8')),
    ...fs.readdirSync(path.join(CORPUS, 'excerpts')).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(CORPUS, 'excerpts', f), 'utf8'))
  ]
  const all = texts.flatMap((t) => t.split('\n').map((l) => l.trim()))
  // Body paragraphs only: long enough, no portal furniture, not a top-level heading.
  paragraphs = [...new Set(all.filter((l) => [...l].length >= 60 && !/^(?:当前位置|发布|来源|字号|扫一扫|索引号)/.test(l) && !/^[一二三四五六七八九十]+、/.test(l)))]
  return paragraphs
}

/** A small deterministic generator (mulberry32), so every bench run builds the same reports. */
export function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST = '东西南北中上下新老长安永和平青白石龙凤金银云山河湖江溪桥林松柏桃梅兰竹'
const SECOND = '关岭坑山田村湾塘口港坪峰沟镇城岗洋浦溪头埔庄集店铺营'
const KIND = ['镇', '乡', '街道', '镇', '镇', '乡']
const COUNTIES = ['德化县', '永春县', '安溪县', '南安市', '惠安县', '宁乡市', '浏阳市', '城口县', '丰都县', '辰溪县']

export function unitName(i) {
  const r = rng(i * 7919 + 17)
  const n = FIRST[Math.floor(r() * FIRST.length)] + SECOND[Math.floor(r() * SECOND.length)] + (i % 3 ? '' : FIRST[Math.floor(r() * FIRST.length)])
  return `${n}${KIND[i % KIND.length]}${i >= 2000 ? Math.floor(i / 2000) : ''}`
}

const HEADINGS = [
  (y) => `一、${y}年推进法治政府建设的主要举措和成效`,
  (y) => `二、${y}年推进法治政府建设存在的不足和原因`,
  () => `三、党政主要负责人履行推进法治建设第一责任人职责情况`,
  (y) => `四、${y + 1}年推进法治政府建设的主要安排`
]

/** Report number i: { unit, county, year, published, text }. */
export function synthReport(i, opts = {}) {
  const r = rng(i + 1)
  const p = pool()
  const unit = opts.unit ?? unitName(i)
  const county = opts.county ?? COUNTIES[i % COUNTIES.length]
  const year = opts.year ?? 2019 + (i % 7)
  const month = 1 + Math.floor(r() * 5)
  const day = 1 + Math.floor(r() * 27)
  const published = `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  const target = opts.chars ?? 9000 + Math.floor(r() * 7000)
  const lines = [`${county}${unit}${year}年度法治政府建设情况报告`, `发布日期：${published}\u3000来源：${county}${unit}人民政府`, `${year}年，${unit}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，现将${year}年度法治政府建设工作情况报告如下：`]
  let length = lines.join('').length
  let section = 0
  while (length < target) {
    if (section < HEADINGS.length && length > (target * section) / HEADINGS.length) lines.push(HEADINGS[section++](year))
    let para = p[Math.floor(r() * p.length)]
    para = para
      .replace(/新城镇|夏铎铺镇|葛坑镇|[\u4e00-\u9fa5]{2}(?:镇|乡|街道)(?=[，,、的在])/g, unit)
      .replace(/20[12]\d年/g, () => `${year - Math.floor(r() * 2)}年`)
      .replace(/\d+(?=[件次人个场项余万])/g, (n) => String(Math.max(1, Math.round(Number(n) * (0.5 + r())))))
    lines.push(para)
    length += para.length
  }
  while (section < HEADINGS.length) lines.push(HEADINGS[section++](year), p[Math.floor(r() * p.length)])
  lines.push(`${county}${unit}人民政府`, `${year + 1}年${month}月${day}日`)
  return { unit, county, year, published, text: `${lines.join('\n')}\n` }
}
