// Messages of the map app. Keep zh and en in step (tests/i18n checks).
export const uiZh: Record<string, string> = {};
export const uiEn: Record<string, string> = {};
