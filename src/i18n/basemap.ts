// Messages of the base map choice (src/map/basemap-style.ts). Keep zh and en in step.
// {z}, {x}, {y} are left as they are: t() only fills placeholders it has arguments for.
export const basemapZh: Record<string, string> = {
  'basemap.url.scheme': '瓦片地址“{url}”必须以 http:// 或 https:// 开头。',
  'basemap.url.placeholders': '瓦片地址“{url}”缺少 {missing}。请使用 https://tile.example.org/{z}/{x}/{y}.png 这样的模板。',
  'basemap.archive.tileType': '该 .pmtiles 文件的瓦片类型为 {type}，既不是矢量瓦片（MVT）也不是图片瓦片，地图无法显示。',
  'basemap.archive.layers':
    '该 .pmtiles 文件含矢量图层 [{layers}]。地图可显示本应用自带格式的底图（land、boundaries、roads、places）或 Protomaps 底图（earth、roads、places 等）。',
};

export const basemapEn: Record<string, string> = {
  'basemap.url.scheme': 'Tile URL “{url}” must start with http:// or https://.',
  'basemap.url.placeholders': 'Tile URL “{url}” lacks {missing}. Use a template like https://tile.example.org/{z}/{x}/{y}.png.',
  'basemap.archive.tileType': 'This .pmtiles holds tiles of type {type}, neither vector (MVT) nor image tiles, so the map cannot draw it.',
  'basemap.archive.layers':
    'This .pmtiles has the vector layers [{layers}]. The map draws base maps in the app’s own format (land, boundaries, roads, places) or Protomaps base maps (earth, roads, places, …).',
};
