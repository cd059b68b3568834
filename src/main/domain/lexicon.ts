// The domain's words in one place: every list a rule matches against (names of bodies, places,
// heading numbering, section wordings, page labels, kinds of documents), each named once and
// compiled once. Rules import from here; lexicon.test.ts holds a table per rule.
//
// Patterns built here must run in linear time on any input: no nested or adjacent unbounded
// quantifiers over the same characters (see linear-time.test.ts).

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Joins plain words into an alternation, longest first so a longer word wins over its prefix. */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escape).join('|')
}

const any = (words: readonly string[], flags = ''): RegExp => new RegExp(`(?:${alternation(words)})`, flags)
const ending = (words: readonly string[]): RegExp => new RegExp(`(?:${alternation(words)})$`)

// ---------------------------------------------------------------- bodies and places

/** Endings of the name of a body that can issue a report (党委, 人民政府, 司法局, 管委会 …). */
export const ORG_ENDINGS = [
  '党委',
  '党工委',
  '党组',
  '人民政府',
  '政府',
  '办事处',
  '街道',
  '镇',
  '乡',
  '局',
  '厅',
  '部',
  '委员会',
  '管理委员会',
  '委',
  '办公室',
  '办',
  '中心',
  '院',
  '署',
  '所',
  '队',
  '管委会',
  '工委'
] as const
export const ORG_SUFFIX = ending(ORG_ENDINGS)

/** Endings of a department's name (a 局, 厅, 委 … that is not a government). */
export const DEPARTMENT_ENDINGS = ['局', '厅', '部', '委员会', '委', '办公室', '办', '中心', '院', '署', '所', '队'] as const
export const DEPARTMENT_SUFFIX = ending(DEPARTMENT_ENDINGS)

/** Endings of a place name: an administrative area, from province to street. */
export const PLACE_ENDINGS = ['省', '市', '区', '县', '自治区', '自治州', '自治县', '州', '盟', '旗', '镇', '乡', '街道', '街', '新区', '开发区', '经开区', '高新区', '苏木'] as const
export const PLACE_SUFFIX = ending(PLACE_ENDINGS)

/** Places whose government is named 「X人民政府」 (a town's report is issued in its own name). */
export const GOV_PLACE_ENDINGS = ['省', '市', '区', '县', '自治区', '自治州', '自治县', '州', '盟', '旗', '新区'] as const
export const GOV_PLACE_SUFFIX = ending(GOV_PLACE_ENDINGS)

/** Place endings by level, for the level of a government or area. */
export const LEVEL_PLACE_ENDINGS = {
  township: ['镇', '乡', '街道', '街', '苏木'],
  county: ['县', '区', '旗', '自治县', '新区', '开发区', '经开区', '高新区'],
  city: ['市', '州', '盟', '自治州'],
  province: ['省', '自治区']
} as const

/** Provinces, autonomous regions and the four municipalities (直辖市, which report as provinces). */
export const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南',
  '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门'
] as const
export const MUNICIPALITIES = ['北京', '天津', '上海', '重庆'] as const
/** The full name of a province-level area as its government writes it. */
export const PROVINCE_FULL: Record<string, string> = {
  内蒙古: '内蒙古自治区',
  广西: '广西壮族自治区',
  西藏: '西藏自治区',
  宁夏: '宁夏回族自治区',
  新疆: '新疆维吾尔自治区',
  香港: '香港特别行政区',
  澳门: '澳门特别行政区',
  北京: '北京市',
  天津: '天津市',
  上海: '上海市',
  重庆: '重庆市'
}
export const provinceFull = (p: string): string => PROVINCE_FULL[p] ?? `${p}省`

/** Endings of a government's or party committee's name: such a body has the level of its area, not a department's. */
export const GOVERNMENT_ENDINGS = ['人民政府', '政府', '办事处', '党委', '党工委', '党组', '管委会', '管理委员会'] as const
export const GOVERNMENT_SUFFIX = ending(GOVERNMENT_ENDINGS)
/** Party committees that issue a report jointly with their government (「X党委和政府」). */
export const PARTY_ENDINGS = ['党委', '党工委'] as const
/** How a report refers to a body without naming it (我局, 本镇, 全县, 区委): never an issuer's name. */
export const NOT_A_NAME_START = ['我', '本', '全', '各', '该', '有关', '相关', '上述', '区委', '县委', '市委', '省委', '党委'] as const
/** Characters a body's name never holds (「承办了全市」 is a clause, not a name). */
export const NOT_IN_NAME = /[了的对将把被是着过其这那]/
/** What follows the body named at the start of an opening sentence (「新县在市委…」「荔湾区坚持…」). */
export const SUBJECT_VERBS = ['坚持', '深入', '始终', '全面', '认真', '紧紧', '立足', '以', '紧扣', '聚焦', '按照', '围绕', '持续', '扎实', '不断', '积极', '继续', '高度重视', '严格', '在', '紧密', '着力', '切实', '牢固', '法治政府建设工作'] as const
/** Words a site's banner ends with when it stands before the title on the same line. */
export const BANNER_ENDINGS = ['门户网站', '政府网站', '网站', '政府网', '网', '客户端', '频道', '平台', '日报', '新闻'] as const

/** Words before a name that are not part of it: 「制发罗湖区司法局」, 「中共X党组」. */
export const NAME_PREFIX_STRAYS = ['制发', '发布', '印发', '来源', '发文', '单位', '机关', '机构', '作者', '出处'] as const

/** Ways a report names its own body instead of naming it (我镇, 本局): the level, not the issuer. */
export const SELF_REFERENCE = {
  township: ['我镇', '本镇', '我乡', '本乡', '我街道', '本街道', '镇党委', '乡党委', '街道党工委'],
  county: ['我县', '本县', '我区', '本区', '我旗'],
  city: ['我市', '本市', '我州', '本州'],
  province: ['我省', '本省', '我区党委', '自治区党委', '自治区人民政府', '省委', '省政府'],
  department: ['我局', '本局', '我委', '本委', '我厅', '本厅', '本部门', '我部']
} as const
/** Weaker cues of the same: what the report says of its whole area (全县), ties only. */
export const AREA_REFERENCE = {
  township: ['全镇', '全乡', '全街道', '镇政府', '乡政府'],
  county: ['全县', '全区', '县政府', '区政府'],
  city: ['全市', '市政府'],
  province: ['全省', '全自治区'],
  department: ['局党组', '局机关', '委机关', '厅党组', '部党组']
} as const

// ---------------------------------------------------------------- heading numbering

export const CN_NUMERAL = '[一二三四五六七八九十]{1,3}'
/** Heading numbering styles in their usual nesting, outermost first. */
export const HEADING_NUMBERING: ReadonlyArray<{ name: string; re: RegExp; level: number }> = [
  { name: '第一部分', re: new RegExp(`^第${CN_NUMERAL}(?:部分|章|篇)`), level: 1 },
  { name: '一、', re: new RegExp(`^${CN_NUMERAL}\\s*[、.,]`), level: 1 },
  { name: '一）', re: new RegExp(`^${CN_NUMERAL}\\)`), level: 1 },
  { name: '（一）', re: new RegExp(`^[(〔]${CN_NUMERAL}[)〕]`), level: 2 },
  // 「1.」 but not 「1.5万人」; 「3.2021年工作安排」 is a heading.
  { name: '1.', re: /^\d{1,2}\s*(?:、|\.(?!\d)|\.(?=(?:19|20)\d{2}年))/, level: 3 },
  { name: '（1）', re: /^[(〔]\d{1,2}[)〕]/, level: 4 },
  { name: '①', re: /^[①-⑳]/, level: 4 }
]
/** A numbering mark at the start of a heading, to read the words after it. */
export const NUMBERING_PREFIX = new RegExp(`^[^\\u4e00-\\u9fff\\d]{0,4}(?:第?${CN_NUMERAL}(?:部分|章|篇|是|、|\\)|\\s*[.,])|[(〔]${CN_NUMERAL}[)〕]|[(〔]?\\d{1,2}[)〕.、]|[①-⑳])?\\s*`)
/** 「一是…」「二是…」 points inside a paragraph. */
export const RUN_IN_POINT = new RegExp(`(?:^|[。;!?])\\s*(${CN_NUMERAL}是)`, 'g')

// ---------------------------------------------------------------- years and the report's opening

/** 「现将2020年…」「现将北京市石景山区人民政府2021年…」: the opening that names the year (and often the body). */
export const REPORT_OPENING = /现(?:提)?将([^。]{0,30}?)((?:19|20)\d{2})\s*年/
/** A year written in digits or Chinese numerals, followed by 年. */
export const YEAR = /((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年/

// ---------------------------------------------------------------- what a section is

/** Words that name problems: a shortcomings section speaks of them. */
export const SHORTCOMING_WORDS = ['问题', '不足', '短板', '差距', '薄弱', '困难', '挑战', '瓶颈', '弱项', '短处', '欠缺', '不够', '有待'] as const
/** Headings with a problem word that still describe work done (「依法化解矛盾纠纷」「解决群众问题」). */
export const SHORTCOMING_NOT = ['成效', '成绩', '举措', '做法', '开展情况', '完成情况', '主要工作', '主要情况', '解决', '化解', '回头看', '破解'] as const
/** Words that say what will be done: the plan's own words, in a heading or opening a paragraph. */
export const PLAN_WORDS = ['下一步', '下步', '下一年', '下年度', '下一阶段', '明年', '来年', '今后', '未来', '展望', '打算', '计划', '思路', '设想', '安排'] as const
/** Words that are a plan's only when the section is about a later year or told in the future (措施, 重点). */
export const PLAN_WEAK_WORDS = ['措施', '举措', '重点', '任务', '目标', '方向', '工作要点'] as const
/** Headings that are a plan's words but describe the year's work (「年度工作计划完成情况」). */
export const PLAN_NOT = ['成效', '开展情况', '完成情况', '落实情况', '执行情况', '取得', '回顾'] as const
/** Verbs after 将 when it means "will" (「将继续」「将进一步」), not "把" (「将法治建设纳入…」). */
export const WILL_VERBS = ['继续', '进一步', '持续', '着力', '全面', '深入', '加快', '坚持', '围绕', '不断', '重点', '积极', '大力', '切实', '努力', '认真', '聚焦'] as const
export const WILL = new RegExp(`将(?=${alternation(WILL_VERBS)})`)
/** Markers of what will be done, counted in a section's body. */
export const FUTURE_MARKERS = ['将', '要', '拟', '力争', '确保', '继续', '进一步', '下一步', '今后', '明年', '持续', '着力', '努力', '坚持', '不断', '加快', '全力', '计划'] as const
/** Markers of what was done, counted in a section's body. */
export const PAST_MARKERS = ['了', '已', '共', '累计', '完成', '全年', '今年以来', '截至', '先后', '获评', '获得', '成功', '开展', '组织', '召开', '办理', '出台', '制定', '举办'] as const
/** Markers of a shortcoming, counted in a section's body. */
export const SHORTCOMING_MARKERS = ['不足', '不够', '有待', '欠缺', '薄弱', '短板', '差距', '不高', '不强', '尚未', '仍需', '仍有', '滞后', '不到位', '不完善', '不平衡', '不充分', '存在'] as const
/** 「其他需要报告的情况」 */
export const OTHER_MATTERS = /其他(?:需要|应当)?(?:报告|说明)?的?(?:事项|情况)/
/** A year-relative name of the next year: 下一年度, 明年. */
export const NEXT_YEAR_WORDS = ['下一年度', '下一年', '下年度', '明年', '来年'] as const
/** A year-relative name of the report's year: 上一年度, 本年度. */
export const THIS_YEAR_WORDS = ['上一年度', '本年度', '今年', '年度内'] as const
/** Headings naming the year's work or results: their section is work whatever else it says. */
export const WORK_WORDS = ['成效', '成绩', '做法', '开展情况', '完成情况', '落实情况', '主要工作', '工作情况', '基本情况', '主要情况', '总体情况', '建设情况', '亮点', '回顾', '总结'] as const

export const SHORTCOMING_RE = any(SHORTCOMING_WORDS)
export const SHORTCOMING_NOT_RE = any(SHORTCOMING_NOT)
export const PLAN_RE = any(PLAN_WORDS)
export const PLAN_WEAK_RE = any(PLAN_WEAK_WORDS)
export const PLAN_NOT_RE = any(PLAN_NOT)
export const WORK_RE = any(WORK_WORDS)
export const NEXT_YEAR_RE = any(NEXT_YEAR_WORDS)
export const THIS_YEAR_RE = any(THIS_YEAR_WORDS)
export const FUTURE_RE = any(FUTURE_MARKERS, 'g')
export const PAST_RE = any(PAST_MARKERS, 'g')
export const SHORTCOMING_MARKER_RE = any(SHORTCOMING_MARKERS, 'g')

/** A paragraph that opens the shortcomings in a report without headings for them. */
export const FLAT_SHORTCOMINGS =
  /(?:存在|仍有|还有|面临|仍然存在)[^。]{0,12}(?:问题|不足|短板|差距|薄弱环节)|(?:问题|不足)(?:主要)?(?:表现|体现)在|(?:但|仍|也)(?:也|还|仍)?存在[^。]{0,40}等(?:问题|不足|短板|差距)/
/** A paragraph that opens the plans: 「下一步，…」「2021年，我镇将…」 (the year is checked by the caller). */
export const FLAT_PLANS = /^(?:下一步|下步|今后|下一阶段|明年|新的一年|(?:19|20)\d{2}年[,，]?\s*(?:我|将|全|本|镇|乡|街道|县|区|市|局))/

// ---------------------------------------------------------------- page fields and labels

/** Labels of a publication date on a portal page, most trusted first. 成文/生成日期 are the document's, used only when nothing else is given. */
export const PUBLISHED_LABELS = {
  publication: ['发布时间', '发布日期', '发布于', '公开日期', '公开时间', '发表时间', '上传时间', '更新时间'],
  plain: ['时间', '日期'],
  document: ['成文日期', '生成日期', '公文生成日期', '发文日期', '印发日期']
} as const
/** Labels of the body that published the page. 发布机构 names the issuer; 来源 may name a newspaper. */
export const ISSUER_LABELS = {
  publisher: ['发布机构', '发文机关', '发文机构', '发文单位', '制发机关', '发布单位'],
  source: ['信息来源', '文章来源', '稿件来源', '内容来源', '来源']
} as const
/** Labels of a document number (文号). */
export const DOC_NUMBER_LABELS = ['文号', '发文字号', '文件编号', '备注/文号'] as const
/** 「葛政〔2025〕11号」 */
export const DOC_NUMBER = /[\u4e00-\u9fff]{1,12}\s*[〔[(]\s*(?:19|20)\d{2}\s*[〕\])]\s*\d{1,4}\s*[号號]/
/** Every label of a portal's info line, for setting those lines aside. */
export const PAGE_FIELD_NAMES = [
  ...PUBLISHED_LABELS.publication,
  ...PUBLISHED_LABELS.plain,
  ...PUBLISHED_LABELS.document,
  ...ISSUER_LABELS.publisher,
  ...ISSUER_LABELS.source,
  ...DOC_NUMBER_LABELS,
  '作者', '编辑', '责任编辑', '审核', '浏览次数', '访问量', '访问次数', '点击率', '点击数', '点击', '阅读次数', '阅读量', '字号', '字体', '字体大小',
  '索引号', '索 引 号', '主题分类', '组配分类', '体裁分类', '服务对象', '公开方式', '公开范围', '公开时限', '有效性', '所属单位', '信息分类',
  '关键词', '关键字', '所属机构', '时效', '分类', '名称', '行业分类'
] as const
/** Field labels that begin a metadata-table line even without a colon. */
export const TABLE_FIELD_NAMES = ['索引号', '索 引 号', '组配分类', '主题分类', '体裁分类', '发布机构', '生成日期', '公文生成日期', '公开方式', '公开范围', '发文字号', '所属机构', '信息分类', '服务对象'] as const
/** A page's widgets (share, print, font size, accessibility) and footer (主办单位, ICP备): never report text. */
export const PAGE_WIDGETS = [
  '扫一扫', '手机打开', '手机上查看', '手机阅读', '分享到', '打印本页', '关闭窗口', '加入收藏', '听全文', '无障碍', '繁体版', '长者模式', '关怀模式', '返回顶部', '上一篇', '下一篇'
] as const
export const PAGE_FOOTERS = ['主办单位', '承办单位', '主办:', '承办:', '主办：', '承办：', '版权所有', 'ICP备', '网站标识码', '公网安备', '联系我们', '网站地图', '技术支持', '分辨率', '升级浏览器', '浏览器版本', '极速模式'] as const
/** Lines that are a whole link box's title or a lone widget (相关链接, 打印, 关闭). */
export const PAGE_LINE_WORDS = ['相关链接', '相关文章', '相关阅读', '相关新闻', '相关信息', '重点链接', '友情链接', '全国各省市政府网站', 'Menu', '首页', '打印', '关闭', '分享', '收藏', '-'] as const
/** Breadcrumb openings. */
export const BREADCRUMB_LABELS = ['当前位置', '您当前的位置', '您现在的位置', '您的位置', '所在位置', '当前所在位置'] as const

// ---------------------------------------------------------------- kinds of documents

/** Titles of annual rule-of-law reports say one of these about themselves. */
export const REPORT_KIND_WORDS = ['报告', '情况', '总结', '工作'] as const
/** Other annual reports a unit publishes, never the rule-of-law report. */
export const OTHER_REPORT_KINDS = ['政府信息公开工作年度报告', '政府信息公开年度报告', '述法报告', '述职述廉报告', '述职述廉', '述职报告'] as const
/** A commentary on a report, not the report (政策解读, 图解). */
export const COMMENTARY_WORDS = ['政策解读', '解读', '图解', '一图读懂', '答记者问'] as const
/** A work plan or a notice issuing one: what will be done, not an account of a year. */
export const PLAN_DOC_WORDS = ['工作要点', '工作计划', '实施方案', '工作方案', '行动方案', '任务清单'] as const
/** What a notice does with the document it wraps: 「关于印发…的通知」. */
export const NOTICE_VERBS = ['印发', '转发', '下发', '做好', '开展', '报送'] as const
/** How a news item tells of a report: 「水利部发布…法治政府建设年度报告」. */
export const TELLING_VERBS = ['发布', '公布', '印发', '审议通过', '审议', '听取'] as const
/** A notice or other wrapper: 「关于印发…的通知」. */
export const NOTICE_WORDS = ['通知', '意见', '决定', '批复', '函'] as const
/** How news items speak: a byline or dateline, 「近日」, a reporter. */
export const NEWS_STRONG_WORDS = ['本站讯', '本网讯', '本报讯', '讯(记者', '讯(通讯员', '记者', '通讯员', '近日', '日前', '据了解', '获悉'] as const
/** What news items tell of: a visit, an inspection, a meeting (reports mention these too, so only in numbers). */
export const NEWS_WEAK_WORDS = ['一行', '陪同', '来我区', '来我县', '来我市', '来我镇', '来我乡', '来我局', '调研', '座谈', '考核组', '督查组', '检查组'] as const
/** Placeholders of a template in place of a real body or year: 某县, XX镇, ×年, *局. */
export const PLACEHOLDER = /某(?:省|市|区|县|镇|乡|街道|局|单位|部门)|(?:[XxＸｘ×*＊]{1,4}|[A-Z]{1})(?:省|市|区|县|镇|乡|街道|局|年|月|日)(?![a-zA-Z])|(?:19|20)[Xx×*]{2}年/g

export const OTHER_REPORT_RE = any(OTHER_REPORT_KINDS)
export const COMMENTARY_RE = any(COMMENTARY_WORDS)
export const PLAN_DOC_RE = any(PLAN_DOC_WORDS)
export const NEWS_STRONG = any(NEWS_STRONG_WORDS, 'g')
export const NEWS_WEAK = any(NEWS_WEAK_WORDS, 'g')
/** Words that make a text read like a rule-of-law report at all. */
export const REPORT_WORDS = /法治|依法行政|依法治|普法|执法/g

// ---------------------------------------------------------------- findings

/** A statement of cause, not a mere mention of the word (「分析原因不够具体」 is itself a shortcoming). */
export const CAUSE =
  /究其原因|原因(?:主要)?(?:是|在于|有|为|如下|包括|分析)|(?:主要|根本|深层次?|客观|主观|直接)原因|(?:问题|不足|短板)(?:的|产生的|存在的)原因|(?:不足|问题)的?原因|由于|源于|根源在于|归因于|主要是因为|是因为|受[^。]{0,12}(?:影响|制约|限制)|客观上|主观上|根本在于|关键在于|主要在于/
/** Units a quantified statement counts in (人次, 件, 场 …). */
export const FIGURE_UNITS = [
  '人次', '场次', '批次', '个工作日', '件', '次', '人', '个', '场', '项', '条', '份', '家', '名', '起', '户', '期', '批', '篇', '元', '%', '小时', '天', '宗',
  '册', '本', '块', '处', '所', '台', '张', '套', '课', '堂', '类', '轮', '例', '单', '万元', '亿元', '公里', '亩'
] as const
/** A number in Arabic digits with a counting unit (not a year, month or ordinal). Whitespace runs never sit next to each other, so it is linear. */
export const FIGURE = new RegExp(`(?<![第\\d.〔[])\\d+(?:\\.\\d+)?\\s*(?:[余多]\\s*)?(?:[万亿]\\s*)?(?:${alternation(FIGURE_UNITS)})(?![\\d年月日])`, 'g')

/** Spam a mirror site injected inside sentences. */
export const SPAM_WORDS = ['皇冠足球比分', '足球比分', '皇冠体育', '博彩', '娱乐城', '真人娱乐', '百家乐', '时时彩', '六合彩', '彩票网'] as const
export const SPAM = new RegExp(`(?:${alternation(SPAM_WORDS)})[:：]?`, 'g')

/** A line that starts with a heading's number (「一、」「（一）」「1.」) or a point (「一是」). */
export function startsNumbered(t: string): boolean {
  return HEADING_NUMBERING.some((r) => r.re.test(t)) || new RegExp(`^${CN_NUMERAL}是`).test(t)
}
