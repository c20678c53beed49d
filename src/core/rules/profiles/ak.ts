// 安康市“一老一小”重大要素清单（附件6） (seed 000)
import type { Profile } from '../types';
import { DOC } from './documents';
import { ELDERLY, placesPer1000 } from './kinds';

const clause1 = '新建居住小区每千人口不少于0.1平方米养老用房、不少于10个托位托育用房';

export const ak: Profile = {
  id: 'ak',
  name: { zh: '安康市', en: 'Ankang' },
  document: DOC.ak,
  rules: [
    {
      id: 'ak.new.floor',
      kind: 'ratio',
      name: { zh: '新建小区养老用房（人均）', en: 'Elderly-care floor area per resident, new communities' },
      levels: ['community'],
      requirement: 'elderly.floor.perResident.new',
      citation: {
        document: DOC.ak,
        clause: '场地要素 1',
        text: clause1,
        note: '原文“每千人口不少于0.1平方米”按字面为每千人0.1平方米，显然应为人均0.1平方米（其他文件均为“人均0.1平方米”），按人均0.1平方米评价。',
        noteEn:
          'The text says "not less than 0.1 m² per thousand residents"; read literally that is 0.1 m² per 1000 people, evidently meant as 0.1 m² per resident (every other document says "0.1 m² per resident"), so it is evaluated per resident.',
      },
      params: {
        supply: { kinds: ELDERLY, field: 'floorArea' },
        demand: 'population',
        per: 1,
        min: 0.1,
        scope: { types: ['new'] },
        catchment: true,
        measure: 'm2_per_resident',
        rounding: 'decimal',
      },
    },
    {
      id: 'ak.new.places',
      kind: 'ratio',
      name: { zh: '新建小区托位（每千人）', en: 'Childcare places per 1000 residents, new communities' },
      levels: ['community'],
      requirement: 'childcare.places.new',
      citation: { document: DOC.ak, clause: '场地要素 1', text: clause1 },
      params: placesPer1000(10, ['new']),
    },
    {
      id: 'ak.budget',
      part: 'total',
      kind: 'cost',
      name: { zh: '市财政养老托育专项资金', en: 'City budget for elderly care and childcare' },
      levels: ['area'],
      citation: {
        document: DOC.ak,
        clause: '经费要素 2',
        text: '市财政每年拿出1500万元支持养老、托育事业发展',
        note: '与 area.budgetElderly + area.budgetChildcare（元/年）比较。',
        noteEn: 'Compared with area.budgetElderly + area.budgetChildcare (CNY per year).',
      },
      params: { budget: { field: 'budgetTotal', min: 15_000_000 } },
    },
    {
      id: 'ak.budget',
      part: 'lottery',
      kind: 'cost',
      name: { zh: '福彩公益金用于养老比例', en: 'Share of welfare-lottery funds for elderly care' },
      levels: ['area'],
      requirement: 'budget.lottery',
      citation: { document: DOC.ak, clause: '经费要素 2', text: '每年补贴养老服务事业的福利彩票公益金不低于60%' },
      params: { budget: { field: 'lotteryShare', min: 0.6 } },
    },
  ],
};
