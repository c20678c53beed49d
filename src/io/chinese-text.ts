// Which legacy Chinese encoding a file is in, without a statistical detector: decoded the right
// way, Chinese text is mostly common characters; decoded the wrong way (Big5 bytes read as GBK,
// or the reverse) it turns into rare ones. So the decoding with more common characters wins.
// The lists: the most frequent characters of modern written Chinese, in simplified and in
// traditional form, plus the words of planners' files (社区, 养老, 托育, 床位 …).

const SIMPLIFIED =
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴怀试' +
  '社区街道镇乡村居委会养老托育幼儿园服务中心设施机构户人口床位护理型托位建筑面积用地编号名称类型经度纬度日间照料综合体卫生站院所点合计北南东西路号楼层栋';
const TRADITIONAL =
  '的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年得就那要下以生會自著去之過家學對可她裡後小麼心多天而能好都然沒日於起還發成事只作當想看文無開手十用主行方又如前所本見經頭面公同三已老從動兩長知民樣現分將外但身些與高意進把法此實回二理美點月明其種聲全工己話兒者向情部正名定女問力機給等幾很業最間新什打便位因重被走電四第門相次東政海口使教西再平真聽世氣信北少關並內加化由卻代軍產入先山五太水萬市眼體別處總才場師書比住員九笑性通目華報立馬命張活難神數件安表原車白應路期叫死常提感金何更反合放做系計或司利受光王果親界及今京務制解各任至清物臺台象記邊共風戰乾接它許八特覺望直服毛林題建南度統色字請交愛讓認算論百吃義科怎元社術結六功指思非流每青管夫連遠資隊跟帶花快條院變聯言權往展該領傳近留紅治決周保達辦運武半候七必城父強步完革深區即求品士轉量空甚眾技輕程告江語英基派滿式李息寫呢識極令黃德收臉錢黨倒未持取設始版雙歷越史商千片容研像找友孩站廣改議形委早房音火際則首單據導影失拿網香似斯專石若兵弟誰校讀志飛觀爭究包組造落視濟喜離雖壞興懷試' +
  '社區街道鎮鄉村居委會養老托育幼兒園服務中心設施機構戶人口床位護理型托位建築面積用地編號名稱類型經度緯度日間照料綜合體衛生站院所點合計北南東西路號樓層棟據關懷顧';

const COMMON = new Set([...SIMPLIFIED, ...TRADITIONAL]);
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** Share of the CJK characters in `text` that are common ones (0 when there are none). */
export function commonShare(text: string): number {
  let cjk = 0;
  let common = 0;
  for (const ch of text) {
    if (!CJK.test(ch)) continue;
    cjk++;
    if (COMMON.has(ch)) common++;
  }
  return cjk === 0 ? 0 : common / cjk;
}
