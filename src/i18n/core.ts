// Messages of the core: rule names, reasons, data issues, CLI table. Keep zh and en in step
// (tests/i18n checks that every key exists in both).
export const coreZh: Record<string, string> = {};
export const coreEn: Record<string, string> = {};
