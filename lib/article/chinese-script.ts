// opencc-js is not installed, so a kept list: common characters written differently in the two scripts, as
// simplified–traditional pairs, each of them found in one script only (后, 里, 台, 着, 几… are in both and left out).
const pairs =
  '这這们們来來个個为為说說时時国國会會对對发發过過还還经經动動现現样樣开開关關长長问問进進从從学學实實当當体體点點无無机機种種义義应應报報东東间間车車业業头頭将將与與边邊战戰员員电電军軍门門记記区區让讓书書认認产產华華论論总總选選议議权權党黨网網达達页頁给給见見话話钱錢难難数數习習题題务務传傳联聯处處际際观觀组組织織统統调調约約级級变變压壓专專条條风風飞飛马馬鱼魚鸟鳥岁歲写寫买買卖賣诉訴读讀语語请請谈談谁誰该該办辦尔爾乐樂兴興击擊众眾医醫疗療导導领領亚亞韩韓乌烏苏蘇罗羅维維济濟贸貿银銀币幣价價费費资資独獨湾灣岛島广廣两兩严嚴确確证證尽盡虽雖听聽参參协協护護类類县縣单單态態称稱检檢测測离離紧緊恶惡灾災贵貴视視频頻线線术術识識阶階层層标標围圍坚堅决決况況卫衛爱愛亲親闻聞闭閉讲講设設评評词詞试試计計许許误誤赵趙刘劉张張陈陳杨楊吴吳郑鄭邓鄧冯馮孙孫萧蕭龙龍凤鳳归歸农農热熱养養势勢显顯响響运運远遠适適连連迁遷递遞纪紀红紅结結绝絕续續转轉轮輪软軟较較辆輛铁鐵错錯镇鎮项項顺順须須颜顏额額饭飯驻駐验驗鸡雞厅廳双雙吗嗎启啟团團图圖圣聖场場坏壞块塊声聲备備夺奪奋奮妇婦娱娛宝寶审審寻尋尘塵尝嘗属屬师師带帶帮幫庆慶库庫废廢弹彈录錄彻徹忆憶怀懷恋戀惊驚惯慣户戶扩擴执執扫掃抢搶担擔拥擁择擇挥揮损損换換摄攝断斷旧舊晋晉杀殺杂雜极極构構枪槍树樹桥橋楼樓欢歡欧歐残殘气氣汇匯汉漢沟溝没沒泽澤洁潔浅淺涨漲满滿灭滅灵靈炉爐烟煙牵牽犹猶猎獵环環画畫畅暢盖蓋盘盤监監礼禮积積稳穩竞競笔筆简簡纳納纸紙练練细細终終继繼绩績综綜罚罰职職肃肅肠腸胜勝脑腦脸臉节節荣榮药藥获獲营營补補装裝规規览覽觉覺触觸誉譽讨討训訓访訪译譯诚誠询詢详詳谋謀谓謂谢謝负負财財责責败敗货貨质質购購赛賽赞贊赶趕跃躍践踐轻輕辑輯输輸辽遼迟遲逊遜邮郵邻鄰释釋针針钢鋼锁鎖闲閒队隊阳陽阴陰阵陣陆陸险險随隨隐隱雾霧静靜顶頂顾顧预預饮飲馆館驱驅鲜鮮麦麥齐齊龄齡';

const simplified = 1;
const traditional = 2;
// By UTF-16 unit: every character of the list is one (an astral character's halves are in neither script). A table, not two sets of strings: this runs over 4,000 characters of every Chinese body.
const scriptOf = new Uint8Array(0x10000);
for (let i = 0; i < pairs.length; i += 2) {
  scriptOf[pairs.charCodeAt(i)] = simplified;
  scriptOf[pairs.charCodeAt(i + 1)] = traditional;
}

/**
 * `Hans` or `Hant` where the text's characters say which script it is written in: at least two characters
 * found in only one script, four times as many as of the other. Undefined for too few, or a mix.
 */
export function chineseScript(text: string): 'Hans' | 'Hant' | undefined {
  let simplifiedCount = 0;
  let traditionalCount = 0;
  for (let i = 0; i < text.length; i += 1) {
    const script = scriptOf[text.charCodeAt(i)];
    if (script === simplified) simplifiedCount += 1;
    else if (script === traditional) traditionalCount += 1;
  }
  if (simplifiedCount >= 2 && simplifiedCount >= 4 * traditionalCount) return 'Hans';
  if (traditionalCount >= 2 && traditionalCount >= 4 * simplifiedCount) return 'Hant';
  return undefined;
}
