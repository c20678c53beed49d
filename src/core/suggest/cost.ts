// One-off construction subsidy per new site, from 001 赤峰市 item 2 (cf.subsidy.beds / cf.subsidy.places).
// The suggestion's budget is this subsidy, the same figure a scenario's cost line shows: rates come
// from the rule engine's costOf() under the cf profile; only the combinations the documents do not
// price (places converted/leased, beds by 改扩建) fall back to the nearest priced mode below.
import type { Citation } from '../model';
import { costOf } from '../rules/cost';
import { cf } from '../rules/profiles/cf';
import { DOC } from '../rules/profiles/documents';

export type BuildMode = 'new' | 'converted' | 'leased5y' | 'expansion';
export const BUILD_MODES: readonly BuildMode[] = ['new', 'converted', 'leased5y', 'expansion'];

/** what one unit of a site's capacity is */
export type Measure = 'place' | 'bed';

export const SUBSIDY_CITATIONS: Record<Measure, Citation> = {
  bed: {
    document: DOC.cf,
    clause: 'item 2',
    text: '新建每张床位…3000元；购买闲置厂房、空置学校、私人房产进行维修改造每张床位…2000元；租赁房产且租赁合同在5年以上的每张床位…1000元',
  },
  place: {
    document: DOC.cf,
    clause: 'item 2',
    text: '城市新建每个托位2500元、农村新建每个托位1500元，城市改扩建新增托位每个托位1500元、农村改扩建新增托位每个托位500元',
    note: '托位只分新建与改扩建：改造闲置房产（converted）和租赁（leased5y）按改扩建计',
  },
};

/** CNY per bed or place. Beds: the text has no urban/rural split; 'expansion' of beds counts as
 *  converted (维修改造). Places: only new and 改扩建 exist; converted and leased count as 改扩建. */
export function ratePerUnit(measure: Measure, mode: BuildMode, rural: boolean): number {
  const priced = costOf([{ kind: measure, count: 1, mode, rural }], cf).lines[0]?.rate;
  if (priced !== null && priced !== undefined) return priced;
  if (measure === 'bed') return mode === 'new' ? 3000 : mode === 'leased5y' ? 1000 : 2000;
  if (mode === 'new') return rural ? 1500 : 2500;
  return rural ? 500 : 1500;
}

/** m² of floor area one subsidised bed stands for, shared space included (001 item 2, cf.bed.area) */
export const FLOOR_AREA_PER_BED = 30;
