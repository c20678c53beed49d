// Where each 街道's centre sits. SIMULATED: hand-placed approximate positions (WGS84, to about a
// kilometre) so that the layout reads like the real district — dense urban 街道 (韦曲, 郭杜) in
// the north, former townships spread south to the Qinling foothills. They seed the simulated
// street boundaries (a Voronoi partition), not surveyed locations of any office.
import type { LonLat } from './projection';

export const STREET_SEATS: Readonly<Record<string, LonLat>> = {
  '610116001': [108.935, 34.158], // 韦曲
  '610116002': [108.89, 34.16], // 郭杜
  '610116003': [108.822, 34.055], // 滦镇
  '610116004': [109.085, 34.052], // 引镇
  '610116005': [108.8, 34.205], // 王寺
  '610116006': [108.745, 34.212], // 马王
  '610116007': [109.005, 34.012], // 太乙宫
  '610116008': [108.922, 34.058], // 东大
  '610116009': [108.875, 34.045], // 子午
  '610116010': [108.775, 34.238], // 斗门
  '610116011': [108.835, 34.158], // 细柳
  '610116012': [108.992, 34.112], // 杜曲
  '610116013': [109.035, 34.142], // 大兆
  '610116014': [109.025, 34.078], // 黄良
  '610116015': [108.85, 34.172], // 兴隆
  '610116016': [108.948, 34.095], // 王曲
  '610116017': [109.092, 34.128], // 鸣犊
  '610116018': [109.058, 34.098], // 王莽
  '610116019': [108.955, 34.022], // 五台
  '610116020': [108.778, 34.172], // 高桥
  '610116021': [108.795, 34.118], // 五星
  '610116022': [108.712, 34.185], // 灵沼
  '610116023': [109.14, 34.045], // 杨庄
  '610116024': [109.115, 34.08], // 砲里
  '610116025': [109.118, 34.002], // 魏寨
};

/** Latitude of the Qinling foothills: south of it the generator places few settlements. */
export const MOUNTAIN_LAT = 34.005;
