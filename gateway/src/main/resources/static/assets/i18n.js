// Texts in English and Chinese, and the formatting of dates, seats and venues in the chosen language.

const TEXT = {
  en: {
    siteName: 'International Education Week', skip: 'Skip to content', menu: 'Main',
    navProgramme: 'Programme', navMine: 'My registrations', navProfile: 'Profile',
    switchLang: '中文', switchLangLabel: 'Switch to Chinese',
    signIn: 'Sign in', signUp: 'Sign up', signOut: 'Sign out', signedInAs: 'Signed in as {0}',
    devSignInTitle: 'Development sign-in', devSignInHint: 'Local profile only: the dev identity provider issues a token for any user id. The token is kept in this page only.',
    userId: 'User id', displayName: 'Name', signInFailed: 'Sign-in did not complete. Please try again.', cancelAction: 'Close', signInUnavailable: 'Sign-in is not available right now.',
    apiDocs: 'API documentation', footerNote: 'eduweek — the International Education Week platform',
    loading: 'Loading…', retry: 'Try again', offline: 'The server could not be reached. Check your connection.',
    notFound: 'Not found', notFoundText: 'There is no such page.', backToProgramme: 'Back to the programme',
    // programme
    edition: 'Edition', search: 'Search', searchPlaceholder: 'Title, description or room', filters: 'Filters',
    day: 'Day', track: 'Track', activity: 'Activity', campus: 'Campus', format: 'Format', language: 'Language',
    audience: 'Audience', any: 'Any', showPast: 'Show past sessions', clearFilters: 'Clear filters',
    results: { one: '{n} session', other: '{n} sessions' }, noResults: 'No session matches these filters.',
    pastHidden: { one: '{n} past session hidden', other: '{n} past sessions hidden' },
    allPast: { one: 'The session found here has ended.', other: 'All {n} sessions found here have ended.' },
    ended: 'Ended', cancelledSession: 'Cancelled', details: 'Details',
    ONLINE: 'Online', OFFLINE: 'On campus', HYBRID: 'Hybrid (online and on campus)', HYBRID_short: 'Hybrid',
    IN_PERSON: 'In person', seatOnline: 'Online', seatInPerson: 'In person',
    lang_en: 'English', lang_zh: 'Chinese',
    STUDENT: 'Students', NEW_STUDENT: 'New students', TEACHER: 'Teachers', MANAGEMENT_STAFF: 'Management staff',
    EXTERNAL_SCHOLAR: 'External scholars', everyone: 'Everyone',
    places: { one: '{n} place', other: '{n} places' },
    freeSeats: { one: '{n} seat free', other: '{n} seats free' }, full: 'Full',
    capacityOf: '{0} of {1}', waiting: { one: '{n} on the waitlist', other: '{n} on the waitlist' },
    // session
    when: 'When', where: 'Where', sessionTime: 'Session time', yourTime: 'Your time', sameZone: 'same as your time zone',
    onlineVenue: 'Online — the link comes with your confirmed registration', venueTbd: 'Venue to be announced',
    speakers: 'Speakers', institutions: 'Institutions', description: 'About', noDescription: 'No description yet.',
    forAudience: 'For', level: 'Level', sessionLanguage: 'Language', seats: 'Seats',
    seatsUnknown: 'Live seat counts are not available; capacity: {0}.', seatsLive: 'Updated {0}',
    addToCalendar: 'Add to calendar (.ics)', register: 'Register', joinWaitlist: 'Join the waitlist',
    chooseSeat: 'How will you attend?', waitlistNext: 'Full — you would be number {0} on the waitlist.',
    signInToRegister: 'Sign in to register', noAccount: 'No campus account?',
    yourRegistration: 'Your registration', registeredConfirmed: 'You are registered to attend {0}.',
    registeredWaitlisted: 'You are number {1} on the waitlist to attend {0}.',
    registeredWaitlistedNoPos: 'You are on the waitlist to attend {0}.',
    attendONLINE: 'online', attendIN_PERSON: 'in person',
    fullSwitchedIN_PERSON: 'In-person seats are full but online seats are free, so online is selected. To wait for an in-person seat instead, choose “In person” and join the waitlist.',
    fullSwitchedONLINE: 'Online seats are full but in-person seats are free, so in person is selected. To wait for an online seat instead, choose “Online” and join the waitlist.',
    stillFreeONLINE: 'Online seats are still free.', stillFreeIN_PERSON: 'In-person seats are still free.',
    promoted: 'Good news: a seat freed up and your registration for “{0}” is now confirmed.',
    seeTicket: 'See your ticket', sessionStarted: 'This session has started or ended; registration is closed.',
    sessionCancelledText: 'This session was cancelled.', reason: 'Reason: {0}',
    fixProfile: 'Update your profile', joinLink: 'Join online',
    // registrations
    mineIntro: 'Show the QR ticket at the door. Cancel if you cannot come, so someone on the waitlist gets your seat.',
    upcoming: 'Upcoming', past: 'Past', cancelledList: 'Cancelled', noRegistrations: 'You have not registered for any session yet.',
    browseProgramme: 'Browse the programme', CONFIRMED: 'Confirmed', WAITLISTED: 'Waitlisted', CANCELLED: 'Cancelled',
    statusLine: 'Status: {0}', waitlistPosition: 'number {0} on the waitlist', seatMode: 'Seat: {0}',
    showTicket: 'Show QR ticket', hideTicket: 'Hide QR ticket', ticketAlt: 'QR ticket for {0}',
    ticketHint: 'Turn up the screen brightness and hold the phone flat in front of the scanner.',
    ticketUnavailable: 'The ticket could not be loaded.', checkedIn: 'Checked in {0}',
    cancelRegistration: 'Cancel registration', leaveWaitlist: 'Leave the waitlist', cancelConfirmTitle: 'Cancel this registration?',
    cancelConfirmText: 'You give up your place for “{0}”. If the session is full, the first person on the waitlist gets it.',
    keepRegistration: 'Keep it', confirmCancel: 'Yes, cancel', cancelDone: 'Registration cancelled.',
    registerAgain: 'Register again', cancelledOn: 'Cancelled {0}',
    calendarFeed: 'Calendar subscription', calendarFeedText: 'A private address your calendar app can subscribe to; it lists the sessions you registered for. Anyone with the address can read it, so revoke it if it leaks.',
    createFeed: 'Create calendar address', rotateFeed: 'Replace with a new address', revokeFeed: 'Revoke',
    copy: 'Copy', copied: 'Copied.', subscribe: 'Open in calendar app', feedSince: 'Active since {0}. The address is shown only when it is made; replace it to see a new one.', feedAddress: 'Calendar address', feedRevoked: 'Calendar address revoked.',
    feedUnavailable: 'Personal subscriptions are not available yet. Download your sessions once instead:',
    downloadCalendar: 'Download my sessions (.ics)',
    // profile
    profileIntro: 'Registration checks your audience and level against each session. Fields marked * are required.',
    name: 'Name', email: 'Email', affiliation: 'Affiliation', country: 'Country or region', phone: 'Mobile phone',
    phoneHint: 'International format, e.g. +8613800138000', smsConsent: 'Send me SMS confirmations and reminders',
    preferredLanguage: 'Language of this portal, emails and SMS', timeZone: 'Time zone for showing times',
    timeZoneHint: 'Used on every device you sign in on.', audienceHint: 'Who you are at the week; sessions for a given audience need it.',
    levelHint: 'For the teacher English classes, e.g. basic, advanced, management.', notSet: 'Not set',
    save: 'Save', saved: 'Profile saved.', fixErrors: 'Please correct the marked fields.',
    deviceZone: 'This device ({0})', signInForPage: 'Sign in to see this page.',
    errorOn: '{0}: {1}', pair: '{0}: {1}'
  },
  zh: {
    siteName: '国际教育周', skip: '跳到主要内容', menu: '主菜单',
    navProgramme: '日程', navMine: '我的报名', navProfile: '个人资料',
    switchLang: 'English', switchLangLabel: '切换到英文',
    signIn: '登录', signUp: '注册', signOut: '退出登录', signedInAs: '已登录：{0}',
    devSignInTitle: '开发环境登录', devSignInHint: '仅限本地环境：开发身份服务可为任意用户名签发令牌，令牌只保存在本页面中。',
    userId: '用户名', displayName: '姓名', signInFailed: '登录未完成，请重试。', cancelAction: '关闭', signInUnavailable: '暂时无法登录。',
    apiDocs: 'API 文档', footerNote: 'eduweek —— 国际教育周平台',
    loading: '加载中…', retry: '重试', offline: '无法连接服务器，请检查网络。',
    notFound: '未找到', notFoundText: '没有这个页面。', backToProgramme: '返回日程',
    edition: '届次', search: '搜索', searchPlaceholder: '标题、简介或教室', filters: '筛选',
    day: '日期', track: '板块', activity: '活动', campus: '校区', format: '形式', language: '语言',
    audience: '对象', any: '不限', showPast: '显示已结束的场次', clearFilters: '清除筛选',
    results: { other: '共 {n} 场' }, noResults: '没有符合筛选条件的场次。',
    pastHidden: { other: '已隐藏 {n} 场已结束的场次' },
    allPast: { other: '这里找到的 {n} 场都已结束。' },
    ended: '已结束', cancelledSession: '已取消', details: '详情',
    ONLINE: '线上', OFFLINE: '线下', HYBRID: '线上线下结合', HYBRID_short: '线上线下',
    IN_PERSON: '现场', seatOnline: '线上', seatInPerson: '现场',
    lang_en: '英语', lang_zh: '中文',
    STUDENT: '学生', NEW_STUDENT: '新生', TEACHER: '教师', MANAGEMENT_STAFF: '管理人员',
    EXTERNAL_SCHOLAR: '校外学者', everyone: '所有人',
    places: { other: '{n} 个名额' },
    freeSeats: { other: '剩余 {n} 个座位' }, full: '已满',
    capacityOf: '{0} / {1}', waiting: { other: '候补 {n} 人' },
    when: '时间', where: '地点', sessionTime: '活动当地时间', yourTime: '您的时间', sameZone: '与您的时区相同',
    onlineVenue: '线上 —— 报名确认后提供链接', venueTbd: '地点待定',
    speakers: '主讲人', institutions: '机构', description: '简介', noDescription: '暂无简介。',
    forAudience: '对象', level: '级别', sessionLanguage: '语言', seats: '座位',
    seatsUnknown: '暂无实时座位信息；容量：{0}。', seatsLive: '更新于 {0}',
    addToCalendar: '添加到日历（.ics）', register: '报名', joinWaitlist: '加入候补',
    chooseSeat: '参加方式', waitlistNext: '已满 —— 您将是候补第 {0} 位。',
    signInToRegister: '登录后报名', noAccount: '没有校园账号？',
    yourRegistration: '我的报名', registeredConfirmed: '您已报名{0}参加。',
    registeredWaitlisted: '您是{0}参加的候补第 {1} 位。',
    registeredWaitlistedNoPos: '您在{0}参加的候补名单中。',
    attendONLINE: '线上', attendIN_PERSON: '现场',
    fullSwitchedIN_PERSON: '现场座位已满，线上座位仍有空余，已为您选择线上参加。如要候补现场座位，请选择“现场”并加入候补。',
    fullSwitchedONLINE: '线上座位已满，现场座位仍有空余，已为您选择现场参加。如要候补线上座位，请选择“线上”并加入候补。',
    stillFreeONLINE: '线上座位仍有空余。', stillFreeIN_PERSON: '现场座位仍有空余。',
    promoted: '好消息：有座位空出，您报名的“{0}”已确认。',
    seeTicket: '查看入场码', sessionStarted: '该场次已开始或已结束，报名已关闭。',
    sessionCancelledText: '该场次已取消。', reason: '原因：{0}',
    fixProfile: '更新个人资料', joinLink: '进入线上会议',
    mineIntro: '入场时出示二维码。如不能参加请取消报名，候补的人即可获得您的座位。',
    upcoming: '即将开始', past: '已结束', cancelledList: '已取消', noRegistrations: '您还没有报名任何场次。',
    browseProgramme: '浏览日程', CONFIRMED: '已确认', WAITLISTED: '候补中', CANCELLED: '已取消',
    statusLine: '状态：{0}', waitlistPosition: '候补第 {0} 位', seatMode: '座位：{0}',
    showTicket: '显示二维码入场券', hideTicket: '隐藏二维码入场券', ticketAlt: '“{0}”的二维码入场券',
    ticketHint: '请调高屏幕亮度，将手机平放在扫码器前。',
    ticketUnavailable: '无法加载入场券。', checkedIn: '已签到 {0}',
    cancelRegistration: '取消报名', leaveWaitlist: '退出候补', cancelConfirmTitle: '确定取消报名吗？',
    cancelConfirmText: '您将放弃“{0}”的名额。如该场次已满，候补第一位将获得该名额。',
    keepRegistration: '保留报名', confirmCancel: '确定取消', cancelDone: '已取消报名。',
    registerAgain: '重新报名', cancelledOn: '取消于 {0}',
    calendarFeed: '日历订阅', calendarFeedText: '一个供日历应用订阅的私人地址，列出您报名的场次。任何拿到地址的人都能读取，如泄露请撤销。',
    createFeed: '创建日历地址', rotateFeed: '更换为新地址', revokeFeed: '撤销',
    copy: '复制', copied: '已复制。', subscribe: '在日历应用中打开', feedSince: '自 {0} 起有效。地址只在创建时显示；如需查看，请更换为新地址。', feedAddress: '日历地址', feedRevoked: '日历地址已撤销。',
    feedUnavailable: '暂不支持个人订阅，可以先下载您的场次：',
    downloadCalendar: '下载我的场次（.ics）',
    profileIntro: '报名时会核对您的对象和级别。带 * 的为必填项。',
    name: '姓名', email: '电子邮箱', affiliation: '单位', country: '国家或地区', phone: '手机号码',
    phoneHint: '国际格式，例如 +8613800138000', smsConsent: '通过短信发送确认和提醒',
    preferredLanguage: '门户、邮件和短信的语言', timeZone: '显示时间所用的时区',
    timeZoneHint: '在您登录的每台设备上使用。', audienceHint: '您在本周活动中的身份；面向特定对象的场次需要填写。',
    levelHint: '用于教师英语班，例如 basic、advanced、management。', notSet: '未设置',
    save: '保存', saved: '个人资料已保存。', fixErrors: '请更正标出的字段。',
    deviceZone: '本设备（{0}）', signInForPage: '请先登录再查看此页面。',
    errorOn: '{0}：{1}', pair: '{0}：{1}'
  }
};

const stored = (() => { try { return localStorage.getItem('eduweek.lang'); } catch { return null; } })();
export const i18n = {
  lang: stored === 'zh' || stored === 'en' ? stored
    : ((navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en')
};

export const locale = () => (i18n.lang === 'zh' ? 'zh-CN' : 'en-GB');

export function setLang(lang) {
  i18n.lang = lang;
  try { localStorage.setItem('eduweek.lang', lang); } catch { /* private mode */ }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

const fill = (s, args) => s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));

/** t('key', a, b) → text with {0},{1} filled. */
export function t(key, ...args) {
  const s = TEXT[i18n.lang][key] ?? TEXT.en[key] ?? key;
  return typeof s === 'string' ? fill(s, args) : key;
}

/** Plural-aware: tn('freeSeats', 3) → "3 seats free" / "剩余 3 个座位". Never "1 seats". */
export function tn(key, n) {
  const forms = TEXT[i18n.lang][key] ?? TEXT.en[key];
  const cat = new Intl.PluralRules(locale()).select(n);
  const s = forms[cat] ?? forms.other;
  return s.replace('{n}', new Intl.NumberFormat(locale()).format(n));
}

/**
 * The viewer's own time zone: the signed-in person's profile choice (the same on every device); before sign-in, or
 * when the profile has none, the choice last saved on this device; else the browser's.
 */
export function viewerZone() {
  if (i18n.profileZone) return i18n.profileZone;
  let z = null;
  try { z = localStorage.getItem('eduweek.timeZone'); } catch { /* ignore */ }
  return z || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The profile's time zone once known (null: signed out, or none chosen); also remembered on this device. */
export function setProfileZone(zone) {
  i18n.profileZone = zone || null;
  if (!zone) return;
  try { localStorage.setItem('eduweek.timeZone', zone); } catch { /* private mode */ }
}

/** A time zone as people read it in the portal's language, after its id: "Asia/Shanghai · 中国标准时间". */
export function zoneOption(zone, at = new Date()) {
  const id = zone.replace(/_/g, ' ');
  try {
    const part = new Intl.DateTimeFormat(locale(), { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part && part.value !== zone ? `${id} · ${part.value}` : id;
  } catch { return id; }
}

function safeZone(zone) {
  try { new Intl.DateTimeFormat('en', { timeZone: zone }); return zone; } catch { return 'UTC'; }
}

function zoneLabel(zone, at, style) {
  try {
    const part = new Intl.DateTimeFormat(locale(), { timeZone: zone, timeZoneName: style }).formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part ? part.value : zone;
  } catch { return zone; }
}

function parts(zone) {
  const z = safeZone(zone);
  return {
    date: new Intl.DateTimeFormat(locale(), { timeZone: z, weekday: 'short', day: 'numeric', month: i18n.lang === 'zh' ? 'long' : 'short' }),
    time: new Intl.DateTimeFormat(locale(), { timeZone: z, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    key: new Intl.DateTimeFormat('en-CA', { timeZone: z })
  };
}

/** "Sat 5 Dec 14:00–15:30 GMT+8" in the given zone, the zone always named (long: "China Standard Time"). */
export function timeRange(start, end, zone, long = false) {
  const a = new Date(start); const b = new Date(end || start);
  const f = parts(zone);
  const label = zoneLabel(safeZone(zone), a, long ? 'long' : 'short');
  const sep = i18n.lang === 'zh' ? ' ' : ', ';
  if (f.key.format(a) === f.key.format(b)) return `${f.date.format(a)}${sep}${f.time.format(a)}–${f.time.format(b)} ${label}`;
  return `${f.date.format(a)}${sep}${f.time.format(a)} – ${f.date.format(b)}${sep}${f.time.format(b)} ${label}`;
}

/** Only the time part, for cards grouped under a day heading: "14:00–15:30 GMT+8". */
export function timeOnly(start, end, zone) {
  const a = new Date(start); const b = new Date(end || start);
  const f = parts(zone);
  if (f.key.format(a) !== f.key.format(b)) return timeRange(start, end, zone);
  return `${f.time.format(a)}–${f.time.format(b)} ${zoneLabel(safeZone(zone), a, 'short')}`;
}

/** A local date "2026-12-05" as "Saturday 5 December". */
export function dayLabel(day, style = 'long') {
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', weekday: style, day: 'numeric', month: style })
    .format(new Date(day + 'T12:00:00Z'));
}

export function dateTime(instant) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: safeZone(viewerZone()) })
    .format(new Date(instant));
}

export function clock(date = new Date()) {
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .format(date);
}

/** Zone name as people read it: "China Standard Time" / "中国标准时间", falling back to the IANA id. */
export function zoneName(zone, at = new Date()) {
  try {
    const part = new Intl.DateTimeFormat(locale(), { timeZone: zone, timeZoneName: 'long' }).formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part ? `${part.value} (${zone})` : zone;
  } catch { return zone; }
}

// Venue names: the schedule service gives campus/building/room in English only. Use localized fields when the
// API provides them (campusZh, buildingZh, roomZh, or {en, zh} objects); else a small glossary for the words the
// programme uses, and the original text for the rest.
const GLOSSARY_ZH = {
  Pingyuan: '平园校区', Tongzhou: '通州校区', Library: '图书馆', Gymnasium: '体育馆', 'Main Hall': '主馆',
  'Exhibition Hall': '展厅', 'International House': '国际交流中心', 'Lecture Hall': '报告厅',
  'Sports Ground': '运动场', 'Student Activity Center': '学生活动中心', 'Salon Room': '沙龙室',
  'Student Center': '学生中心', 'Multi-function Hall': '多功能厅'
};

function venuePart(v, field) {
  const value = v[field];
  if (value && typeof value === 'object') return value[i18n.lang] || value.en || '';
  if (i18n.lang === 'zh') {
    const zh = v[field + 'Zh'] || (v[field + 's'] && v[field + 's'].zh);
    if (zh) return zh;
    if (!value) return '';
    if (GLOSSARY_ZH[value]) return GLOSSARY_ZH[value];
    const m = /^(Teaching Building|Basketball Court|Room) (\w+)$/.exec(value);
    if (m) return { 'Teaching Building': `第${m[2]}教学楼`, 'Basketball Court': `${m[2]}号篮球场`, Room: `${m[2]}室` }[m[1]];
  }
  return value || '';
}

/** campus › building › room, in the chosen language; '' when the session has no venue. */
export function venueText(v) {
  if (!v) return '';
  return ['campus', 'building', 'room'].map((f) => venuePart(v, f)).filter(Boolean).join(' › ');
}

export function campusText(campus) { return venuePart({ campus }, 'campus'); }

/** Localized field of a {en, zh} pair, or the plain localized field. */
export function pick(obj, plain, pair) {
  if (obj && obj[pair] && (obj[pair][i18n.lang] || obj[pair].en)) return obj[pair][i18n.lang] || obj[pair].en;
  return obj ? obj[plain] : '';
}
