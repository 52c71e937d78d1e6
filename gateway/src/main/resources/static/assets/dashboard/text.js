// The dashboard's own texts in English and Chinese; the portal's words (modes, sign-in, language switch) come from
// ../i18n.js, so both pages say the same thing the same way.
import { i18n, t as portalText, locale } from '../i18n.js';

const TEXT = {
  en: {
    title: 'Live dashboard', navOverview: 'Overview', navBig: 'Big screen', navProgramme: 'Programme',
    navLabel: 'Dashboard',
    signInTitle: 'Sign in to see the live dashboard',
    signInText: 'The live figures are for the events office: organizers and administrators.',
    devSignInHint: 'Local profile only: the dev identity provider issues an organizer token for any user id. The token is kept in this page only.',
    notAllowedTitle: 'Not allowed',
    notAllowedText: 'You are signed in as {0}, but the live dashboard is only for organizers and administrators. Ask the events office if you need access.',
    backToProgramme: 'Back to the programme',
    edition: 'Edition', unassigned: 'Sessions without an edition',
    noEditions: 'There is no edition yet.',
    connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', liveState: 'Live updates: {0}',
    updated: 'Last change {0}',
    totals: 'Totals', sessions: 'Sessions', registrations: 'Registrations', fillRate: 'Fill rate',
    waitlisted: 'Waitlisted', checkIns: 'Check-ins', noShows: 'No-shows', capacity: 'Capacity',
    needMoreRoom: 'Need more room', waitlistPressure: 'Waitlist pressure',
    waitlistShare: '{0} of capacity',
    breakdowns: 'Breakdowns', byDay: 'By day', byTrack: 'By track', byCampus: 'By campus', byMode: 'By mode',
    group: 'Group', noTrack: 'No track', noCampus: 'No campus (online)', noDay: 'No date yet',
    sessionTiles: 'Sessions', noSessions: 'No figures for this edition yet. Tiles appear as soon as its sessions are scheduled.',
    demandFlag: 'Needs a bigger room or another session',
    cancelled: 'Cancelled', untitled: 'Session {0}',
    fillBar: 'Fill rate {0}',
    fullScreen: 'Full screen', exitFullScreen: 'Leave full screen', exitBig: 'Back to the overview',
    bigTitle: '{0} — live', fullScreenUnavailable: 'This browser did not allow full screen; the big-screen layout is shown in the window.',
    loadFailed: 'The dashboard could not be loaded: {0}',
    signedOutNow: 'Your sign-in has ended. Sign in again to keep the dashboard live.'
  },
  zh: {
    title: '实时看板', navOverview: '总览', navBig: '大屏', navProgramme: '日程',
    navLabel: '看板',
    signInTitle: '登录后查看实时看板',
    signInText: '实时数据仅供活动办公室使用：组织者和管理员。',
    devSignInHint: '仅限本地配置：开发身份提供方会为任意用户 ID 签发组织者令牌。令牌只保存在本页面中。',
    notAllowedTitle: '无权访问',
    notAllowedText: '您已以 {0} 的身份登录，但实时看板仅供组织者和管理员使用。如需访问，请联系活动办公室。',
    backToProgramme: '返回日程',
    edition: '届次', unassigned: '未归属届次的活动场次',
    noEditions: '尚无届次。',
    connecting: '正在连接…', live: '实时', reconnecting: '正在重新连接…', liveState: '实时更新：{0}',
    updated: '最近变化 {0}',
    totals: '总计', sessions: '场次', registrations: '报名', fillRate: '满座率',
    waitlisted: '候补', checkIns: '签到', noShows: '未到场', capacity: '容量',
    needMoreRoom: '需要更大场地', waitlistPressure: '候补压力',
    waitlistShare: '占容量的 {0}',
    breakdowns: '分类统计', byDay: '按日期', byTrack: '按主题', byCampus: '按校区', byMode: '按形式',
    group: '分组', noTrack: '无主题', noCampus: '无校区（线上）', noDay: '尚无日期',
    sessionTiles: '场次', noSessions: '本届次尚无数据。场次排期后即会显示。',
    demandFlag: '需要更大的场地或加开场次',
    cancelled: '已取消', untitled: '场次 {0}',
    fillBar: '满座率 {0}',
    fullScreen: '全屏', exitFullScreen: '退出全屏', exitBig: '返回总览',
    bigTitle: '{0} — 实时', fullScreenUnavailable: '此浏览器不允许全屏；大屏布局显示在当前窗口中。',
    loadFailed: '无法加载看板：{0}',
    signedOutNow: '您的登录已结束。请重新登录以继续实时更新。'
  }
};

/** d('key', a, b) → the dashboard's text with {0},{1} filled; portal keys as a fallback. */
export function d(key, ...args) {
  const s = TEXT[i18n.lang][key] ?? TEXT.en[key];
  if (typeof s !== 'string') return portalText(key, ...args);
  return s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

export const number = (n) => new Intl.NumberFormat(locale()).format(n ?? 0);
export const percent = (r) => new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 })
  .format(r ?? 0);
