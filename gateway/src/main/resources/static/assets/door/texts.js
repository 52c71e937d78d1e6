// The door page's own texts in English and Chinese; anything not here comes from the portal's (i18n.js).
import { i18n, t } from '../i18n.js';

const TEXT = {
  en: {
    title: 'Door check-in', skip: 'Skip to content', loading: 'Loading…',
    intro: 'Choose the session at this door, then scan tickets or find people by name.',
    edition: 'Edition', searchSessions: 'Search sessions', searchSessionsHint: 'Title words, in English or Chinese',
    today: 'Today', upcoming: 'Upcoming', earlier: 'Earlier', noSessions: 'No session matches.',
    openSession: 'Open the door for {0}', changeSession: 'Choose another session',
    count: '{0} of {1} checked in', countLabel: 'Checked in', countUpdated: 'Updated {0}',
    offlineStatus: 'Offline — scans are kept on this device and sent when the connection is back.',
    scanTab: 'Scan tickets', searchTab: 'Find by name',
    startCamera: 'Start the camera', stopCamera: 'Stop the camera',
    cameraHint: 'Hold the ticket’s QR code in front of the camera.',
    cameraStarting: 'Starting the camera…', cameraOff: 'The camera is off.',
    cameraDenied: 'The camera could not be used ({0}). Allow camera access for this site, or find people by name.',
    cameraMissing: 'This device has no camera this page can use. Find people by name instead.',
    decoderMissing: 'The QR decoder could not be loaded. Find people by name instead.',
    cameraLabel: 'Camera view for scanning QR tickets',
    checkedIn: 'Checked in', alreadyIn: 'Already checked in', alreadyInAt: 'Already checked in at {0}',
    checkedInAt: 'Checked in at {0}',
    queued: 'Queued, not yet verified', queuedDetail: 'No connection: this scan is kept on the device and sent as soon as the network is back.',
    invalidTicket: 'Invalid ticket', invalidTicketDetail: 'This QR code is not an eduweek ticket, or it was altered.',
    otherSession: 'Ticket for another session', otherSessionDetail: 'This ticket is for “{0}”.',
    notAdmitted: 'Not admitted', unknownTicket: 'Unknown ticket', failed: 'Could not check in',
    seat: 'Seat: {0}', scanAgain: 'Scan again', unknownName: 'Name not known on this device',
    searchPeople: 'Name or email', searchPeopleHint: 'Confirmed registrations of this session',
    checkInPerson: 'Check in', checkInPersonLabel: 'Check in {0}',
    noPeople: 'Nobody matches.', peopleFound: { one: '{n} person found', other: '{n} people found' },
    queueTitle: 'Scans made offline', queueEmpty: 'Nothing is waiting.',
    queueCount: { one: '{n} scan not yet verified', other: '{n} scans not yet verified' },
    queueItemQueued: 'Queued {0}, not yet verified', queueItemVerified: 'Verified: {0}',
    queueItemRefused: 'Refused: {0}', ticketEnding: 'Ticket …{0}',
    signInTitle: 'Sign in as an organizer', signInText: 'Only organizers and administrators can check people in.',
    notOrganizer: 'Signed in as {0}, without the organizer role. Ask an administrator for it, or sign in with another account.',
    devMode: 'The door page needs sign-in through the identity provider, which is not configured here.',
    signedOut: 'You were signed out. Sign in again to continue; queued scans stay on this device.',
    sessionGone: 'This session is not known to registrations (yet). Choose another one.',
    walkInTitle: 'Walk-in', walkInIntro: 'Not registered? Give them a free seat now: they are registered and checked in, and a new account is created by an invitation mail in which they set their own password.',
    walkIn_name: 'Name', walkIn_email: 'Email', walkIn_language: 'Language of their mails',
    walkIn_emailHint: 'An existing account with this email is used; otherwise the invitation goes here.',
    walkIn_languageHint: 'The invitation and later mails are written in it.',
    walkInSubmit: 'Register and check in', walkInSending: 'Registering…',
    walkInDone: 'Walk-in checked in', walkInInvited: 'Invitation sent to {0}.', walkInKnown: 'Existing account {0} used; no invitation needed.',
    walkInRefused: 'Walk-in not registered', walkInOffline: 'No connection: a walk-in needs the network. Try again when it is back.',
    walkInNameMissing: 'Enter their name.', walkInEmailInvalid: 'Enter an email address such as name@example.org.'
  },
  zh: {
    title: '入场签到', skip: '跳到主要内容', loading: '加载中…',
    intro: '请选择本入口对应的会议，然后扫描电子票或按姓名查找。',
    edition: '届次', searchSessions: '搜索会议', searchSessionsHint: '标题中的词，中英文均可',
    today: '今天', upcoming: '即将开始', earlier: '更早', noSessions: '没有符合条件的会议。',
    openSession: '为“{0}”开始签到', changeSession: '选择其他会议',
    count: '已签到 {0} / {1}', countLabel: '已签到', countUpdated: '更新于 {0}',
    offlineStatus: '网络已断开——扫描记录保存在本设备上，恢复连接后自动发送。',
    scanTab: '扫描电子票', searchTab: '按姓名查找',
    startCamera: '打开摄像头', stopCamera: '关闭摄像头',
    cameraHint: '请将电子票二维码对准摄像头。',
    cameraStarting: '正在打开摄像头…', cameraOff: '摄像头已关闭。',
    cameraDenied: '无法使用摄像头（{0}）。请允许本网站使用摄像头，或按姓名查找。',
    cameraMissing: '本设备没有可用的摄像头，请按姓名查找。',
    decoderMissing: '二维码识别程序加载失败，请按姓名查找。',
    cameraLabel: '用于扫描二维码电子票的摄像头画面',
    checkedIn: '签到成功', alreadyIn: '已签到过', alreadyInAt: '已于 {0} 签到',
    checkedInAt: '签到时间：{0}',
    queued: '已暂存，尚未验证', queuedDetail: '当前无网络：此次扫描已保存在本设备上，网络恢复后立即发送。',
    invalidTicket: '无效电子票', invalidTicketDetail: '此二维码不是 eduweek 电子票，或已被篡改。',
    otherSession: '这是其他会议的电子票', otherSessionDetail: '此电子票属于“{0}”。',
    notAdmitted: '不能入场', unknownTicket: '未知电子票', failed: '签到失败',
    seat: '座位：{0}', scanAgain: '再次扫描', unknownName: '本设备上没有此人的姓名',
    searchPeople: '姓名或电子邮箱', searchPeopleHint: '本会议已确认的报名',
    checkInPerson: '签到', checkInPersonLabel: '为 {0} 签到',
    noPeople: '没有找到匹配的人。', peopleFound: { one: '找到 {n} 人', other: '找到 {n} 人' },
    queueTitle: '离线扫描记录', queueEmpty: '没有等待发送的记录。',
    queueCount: { one: '{n} 条扫描尚未验证', other: '{n} 条扫描尚未验证' },
    queueItemQueued: '{0} 暂存，尚未验证', queueItemVerified: '已验证：{0}',
    queueItemRefused: '被拒绝：{0}', ticketEnding: '电子票 …{0}',
    signInTitle: '请以组织者身份登录', signInText: '只有组织者和管理员可以办理签到。',
    notOrganizer: '已登录：{0}，但没有组织者角色。请向管理员申请，或换一个账号登录。',
    devMode: '入场签到需要通过身份服务登录，但此处未配置身份服务。',
    signedOut: '您已退出登录。请重新登录以继续；暂存的扫描记录仍保存在本设备上。',
    sessionGone: '报名系统（暂时）不知道这场会议，请选择其他会议。',
    walkInTitle: '现场报名', walkInIntro: '没有报名？现在为其分配空余座位：系统会为其报名并签到；如无账号，将发送邀请邮件，由其本人设置密码。',
    walkIn_name: '姓名', walkIn_email: '电子邮箱', walkIn_language: '邮件语言',
    walkIn_emailHint: '如已有使用此邮箱的账号则直接使用，否则将邀请邮件发送到此邮箱。',
    walkIn_languageHint: '邀请邮件及之后的邮件使用此语言。',
    walkInSubmit: '报名并签到', walkInSending: '正在报名…',
    walkInDone: '现场报名已签到', walkInInvited: '已向 {0} 发送邀请邮件。', walkInKnown: '已使用现有账号 {0}，无需邀请。',
    walkInRefused: '现场报名未成功', walkInOffline: '当前无网络：现场报名需要联网，请在网络恢复后重试。',
    walkInNameMissing: '请输入姓名。', walkInEmailInvalid: '请输入电子邮箱地址，例如 name@example.org。'
  }
};

const fill = (s, args) => s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));

/** dt('key', a, b): the door's text in the chosen language, else the portal's. */
export function dt(key, ...args) {
  const s = TEXT[i18n.lang][key] ?? TEXT.en[key];
  if (s === undefined) return t(key, ...args);
  return typeof s === 'string' ? fill(s, args) : key;
}

/** Plural-aware, like the portal's tn. */
export function dtn(key, n) {
  const forms = TEXT[i18n.lang][key] ?? TEXT.en[key];
  const cat = new Intl.PluralRules(i18n.lang === 'zh' ? 'zh-CN' : 'en-GB').select(n);
  return (forms[cat] ?? forms.other).replace('{n}', String(n));
}
