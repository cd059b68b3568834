// Wording every report repeats because the central documents and the 督察工作规定 prescribe it: the
// political formulas and the names of the regulation's report items. Matched as standard wording from
// the first report on, before the batch is large enough to learn its own; the reviewer can remove any
// of them and add others (stored in the project).

export const STANDARD_WORDING: readonly string[] = [
  '习近平新时代中国特色社会主义思想',
  '习近平法治思想',
  '习近平总书记关于全面依法治国的重要论述',
  '党的二十大精神',
  '党的二十届二中全会精神',
  '党的二十届三中全会精神',
  '党的十九大和十九届历次全会精神',
  '全面依法治国',
  '法治政府建设实施纲要（2021－2025年）',
  '法治政府建设与责任落实督察工作规定',
  '党政主要负责人履行推进法治建设第一责任人职责',
  '上一年度推进法治政府建设的主要举措和成效',
  '上一年度推进法治政府建设存在的不足和原因',
  '上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
  '下一年度推进法治政府建设的主要安排',
  '其他需要报告的情况',
  '运用法治思维和法治方式深化改革、推动发展、化解矛盾、维护稳定',
  '科学立法、严格执法、公正司法、全民守法',
  '职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府',
  '法治国家、法治政府、法治社会一体建设',
  '严格规范公正文明执法',
  '谁执法谁普法',
  '行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度',
  '重大行政决策程序暂行条例',
  '中华人民共和国政府信息公开条例'
]
