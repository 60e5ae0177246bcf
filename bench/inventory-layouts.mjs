// The real layout's tables (bench/gen-inventory.mjs), shared with the reference tools' scripts.
// model, preset, weight (the presets' Mb/s are in REAL_RATES).
export const MODELS = [
  ['AXIS P3245-LVE', '1080p30-ir', 20],
  ['AXIS M3106-L', '720p30', 15],
  ['Hanwha XNV-8080R', '5mp15-h265-plan', 10],
  ['Hikvision DS-2CD2143G2', '4mp15-h264-plan', 15],
  ['Hikvision DS-2CD2387G2', '8mp15-h265-plan', 8],
  ['Bosch FLEXIDOME 5100i', '1080p15-h264-smart-plan', 10],
  ['Dahua IPC-HFW3441', '4mp15-h265-smart-plan', 8],
  ['Vivotek FD9389', '5mp15-panoramic', 5],
  ['Axis Q6135-LE', '4k30', 5],
  ['Uniview IPC2124', '720p15-h264-plan', 4],
];
export const REAL_RATES = {
  '1080p30-ir': '5',
  '720p30': '4',
  '5mp15-h265-plan': '4',
  '4mp15-h264-plan': '6',
  '8mp15-h265-plan': '6',
  '1080p15-h264-smart-plan': '2.4',
  '4mp15-h265-smart-plan': '1.5',
  '5mp15-panoramic': '3.5',
  '4k30': '7',
  '720p15-h264-plan': '2',
};
export const CUSTOM = ['legacy encoder', 'analog bridge', 'body cam dock', 'thermal', 'LPR lane', 'PTZ tour'];
export const CUSTOM_RATES = ['1.5', '3'];
export const PLACES = ['pole', 'gate', 'entrance', 'dock', 'lobby', 'stair', 'lift', 'car park', 'fence', 'roof'];
