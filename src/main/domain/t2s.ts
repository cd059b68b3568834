// A compact traditional → simplified table for the characters that occur in government reports.
// Only one-to-one pairs whose traditional form is never a simplified character in its own right,
// so that converting simplified text changes nothing. Cheap by design: full OpenCC is ~1 MB.

const PAIRS =
  '國国會会對对為为這这個个們们來来時时說说長长東东發发動动學学實实現现體体關关開开點点進进機机經经過过還还' +
  '將将當当從从務务區区業业產产導导權权規规劃划黨党組组織织領领責责設设報报執执審审決决議议論论訴诉訟讼調调' +
  '處处罰罚監监檢检應应廳厅縣县鎮镇鄉乡辦办員员幹干紀纪範范則则條条頒颁傳传習习貫贯徹彻屆届強强統统籌筹協协' +
  '優优營营環环質质費费財财稅税資资價价準准標标據据數数計计網网絡络線线級级專专項项題题類类顯显難难風风險险' +
  '護护衛卫醫医療疗藥药農农莊庄糧粮漁渔礦矿氣气態态許许證证書书記记錄录檔档諮咨詢询聽听復复賠赔償偿爭争糾纠' +
  '紛纷訪访舉举熱热結结電电話话視视頻频圖图館馆競竞壟垄斷断測测驗验銷销購购買买賣卖貨货幣币銀银貸贷債债預预' +
  '績绩評评獎奖懲惩職职單单潔洁廉廉敗败察察綱纲總总匯汇彙汇況况問问夠够於于後后裡里裏里麼么麽么沒没間间階阶' +
  '種种樣样頭头邊边兩两萬万億亿餘余並并幾几無无嚴严厲厉歷历曆历繼继續续積积極极創创倫伦鄰邻維维穩稳師师徑径' +
  '構构築筑礎础層层韌韧隊队訓训練练講讲課课試试軍军陣阵雲云廣广蘇苏淺浅灣湾濟济龍龙門门陽阳陰阴葉叶華华漢汉' +
  '語语譯译讀读寫写聞闻聲声響响藝艺術术劇剧場场遊游戲戏樂乐戰战勝胜災灾搶抢廠厂煙烟車车輛辆運运輸输鐵铁橋桥' +
  '飛飞溫温濕湿淨净汙污濁浊廢废棄弃節节約约圍围繞绕緊紧鍵键樁桩屬属擴扩張张獨独齊齐參参雙双愛爱親亲戶户號号' +
  '啟启頁页顧顾請请謝谢談谈認认識识觀观踐践績绩壓压擔担堅坚誌志眾众衆众轉转變变簡简減减見见規规義义會会' +
  '銜衔銳锐鋼钢錢钱錯错鏈链鎖锁開开閉闭閱阅闊阔隨随險险隱隐雜杂雞鸡離离難难雲云電电靈灵靜静韓韩頂顶順顺須须' +
  '領领頒颁預预頗颇頭头頻频顆颗顏颜願愿類类顧顾顯显風风飄飘飯饭飲饮飾饰養养餐餐館馆馬马駐驻驗验騰腾驚惊髮发' +
  '鬥斗鬧闹魚鱼鮮鲜鳥鸟鳴鸣鹽盐麥麦黃黄齒齿龜龟億亿儀仪儲储優优兇凶兌兑兒儿內内兩两冊册準准凈净凱凯劃划劑剂' +
  '劍剑勞劳勢势勵励勸劝協协卻却厲厉參参雙双吳吴嗎吗啟启喪丧單单嚴严園园圓圆團团圖图執执報报場场塊块塵尘墊垫' +
  '壇坛壞坏壩坝壯壮聲声處处備备複复夥伙夢梦奪夺奮奋婦妇媽妈孫孙寧宁寶宝實实審审寫写將将尋寻導导屆届屬属岡冈' +
  '島岛嶺岭巖岩幫帮帶带幣币廠厂廣广廳厅張张彈弹彥彦徑径從从徵征憲宪懷怀戀恋戶户拋抛挾挟捨舍掃扫掛挂採采揮挥' +
  '損损搖摇撲扑擁拥擇择擊击擬拟據据擴扩攜携敵敌斂敛條条棄弃楊杨樓楼標标樣样橫横檢检櫃柜權权歡欢歲岁歸归殘残' +
  '殺杀毀毁氣气漢汉測测濤涛濱滨瀏浏灑洒災灾為为烏乌煥焕熱热燈灯爭争牆墙狀状猶犹獄狱獲获環环現现琿珲產产畢毕' +
  '畫画當当療疗癢痒盡尽監监盤盘眾众睞睐矯矫確确碼码礙碍禮礼禍祸稅税稱称穩稳窮穷競竞筆笔範范糧粮紀纪約约紅红' +
  '納纳紐纽純纯紙纸級级紛纷素素細细組组終终絕绝給给統统絲丝綁绑維维綜综緒绪線线締缔編编緣缘縣县縱纵總总績绩' +
  '繁繁織织繳缴罷罢羅罗義义習习聯联聰聪肅肃脅胁脫脱腦脑腫肿臉脸舊旧艙舱藍蓝蘭兰虛虚號号蟲虫補补裝装製制複复' +
  '襲袭規规視视覺觉覽览觸触訂订計计訊讯討讨訓训託托記记訪访設设許许診诊評评詞词試试詳详誠诚誤误誓誓說说課课' +
  '調调談谈請请諾诺謀谋謂谓講讲謙谦證证識识譜谱譽誉護护讓让貝贝負负財财貧贫貨货販贩責责貴贵貸贷費费貿贸賀贺' +
  '資资賓宾賞赏賢贤賤贱質质賴赖購购賽赛贊赞趙赵趨趋跡迹踐践蹤踪軌轨軍军軟软較较載载輔辅輕轻輝辉輪轮輯辑辦办' +
  '農农迴回這这連连週周進进遊游運运過过達达違违遙遥遞递適适遲迟遷迁選选遺遗邁迈還还邊边郵邮鄉乡醫医釋释針针' +
  '鈴铃鉛铅銷销鋪铺鍊炼鎮镇長长門门閃闪閑闲閒闲關关闡阐陳陈陸陆陽阳隊队際际隨随雖虽雙双雜杂霧雾響响頁页頂顶'

const MAP = new Map<number, number>()
for (let i = 0; i + 1 < PAIRS.length; i += 2) {
  const t = PAIRS.codePointAt(i)!
  const s = PAIRS.codePointAt(i + 1)!
  if (t !== s) MAP.set(t, s)
}

/** The simplified form of one UTF-16 code unit, or the unit itself. */
export function t2sCode(code: number): number {
  return MAP.get(code) ?? code
}

export function toSimplified(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(t2sCode(text.charCodeAt(i)))
  return out
}

/** How many characters of the text have a traditional form in the table (to detect traditional text). */
export function countTraditional(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) if (MAP.has(text.charCodeAt(i))) n++
  return n
}
