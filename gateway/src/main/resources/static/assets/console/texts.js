// The console's texts in English and Chinese; the language itself (and its switch) is the portal's (i18n.js).
import { i18n, locale } from '../i18n.js';

const TEXT = {
  en: {
    consoleName: 'Organizer console', skip: 'Skip to content', menu: 'Console', toPortal: 'Participant portal',
    navEditions: 'Editions', navVenues: 'Venues', navSpeakers: 'Speakers', navInstitutions: 'Institutions',
    footerNote: 'eduweek — organizer console', apiDocs: 'API documentation', loading: 'Loading…',
    switchLangLabel: 'Switch to Chinese', signIn: 'Sign in', signOut: 'Sign out', signedInAs: 'Signed in as {0}',
    signInTitle: 'Sign in to the organizer console', signInText: 'This console is for the events office: organizers and administrators.',
    notOrganizer: 'You are signed in as {0}, but this account is not an organizer. Ask an administrator for the ORGANIZER role, or sign out and use another account.',
    signInUnavailable: 'Sign-in is not available right now.', devSignIn: 'Development sign-in (local only)', userId: 'User id',
    offline: 'The server could not be reached. Check your connection.', notFound: 'Not found', retry: 'Try again',
    // generic
    create: 'Create', save: 'Save changes', cancel: 'Cancel', edit: 'Edit', remove: 'Delete', close: 'Close', open: 'Open',
    actions: 'Actions', newItem: 'New', editItem: 'Edit {0}', none: 'Nothing here yet.', saved: 'Saved.', created: 'Created.',
    deleted: 'Deleted.', confirmDeleteTitle: 'Delete {0}?', confirmDeleteText: 'This cannot be undone.', keep: 'Keep it',
    confirmDelete: 'Yes, delete', fixFields: 'Please correct the fields marked below.', english: 'English', chinese: 'Chinese',
    required: '(required)', yes: 'Yes', no: 'No', id: 'Id', idHint: 'Leave empty for a generated id.',
    // editions
    editions: 'Editions', edition: 'Edition', name: 'Name', description: 'Description', hostInstitution: 'Host institution',
    startDate: 'First day', endDate: 'Last day', timeZone: 'Time zone', timeZoneHint: 'IANA zone, e.g. Asia/Shanghai',
    campuses: 'Campuses', campusesHint: 'Separated by commas', dates: 'Dates',
    tabOverview: 'Overview', tabSessions: 'Sessions', tabTracks: 'Tracks', tabActivities: 'Activities', tabRelease: 'Releases',
    // reference data
    venues: 'Venues', venue: 'Venue', campus: 'Campus', building: 'Building', room: 'Room', capacity: 'Seats',
    sharedSpace: 'Shared space (several sessions may run at once, e.g. a fair hall)', shared: 'Shared',
    speakers: 'Speakers', speaker: 'Speaker', affiliation: 'Affiliation', institution: 'Institution', bio: 'Biography',
    institutions: 'Institutions', country: 'Country', website: 'Website',
    tracks: 'Tracks', track: 'Track', title: 'Title', position: 'Position',
    activities: 'Activities', activity: 'Activity', type: 'Type', category: 'Category', organizer: 'Organizer',
    noneChosen: '— none —',
    // sessions
    sessions: 'Sessions', session: 'Session', newSession: 'New session', start: 'Starts', end: 'Ends', mode: 'Format',
    ONLINE: 'Online', OFFLINE: 'On campus', HYBRID: 'Hybrid', capacityInPerson: 'Seats in person', capacityOnline: 'Seats online',
    capacityHint: 'Online or on-campus sessions', hybridHint: 'Hybrid sessions', joinLink: 'Join link', language: 'Language',
    level: 'Level', audience: 'Audience', publishNow: 'Publish at once (otherwise it waits for the next release)',
    status: 'Status', draftStatus: 'Next release', unpublished: 'Unpublished changes', published: 'Published', noChange: 'No change',
    SCHEDULED: 'Scheduled', CANCELLED: 'Cancelled', DRAFT: 'Draft', PUBLISHED: 'Published', when: 'When', where: 'Where',
    cancelSession: 'Cancel session', cancelReason: 'Reason', restoreSession: 'Undo cancellation', publishSession: 'Publish this session now',
    deleteSession: 'Delete draft', confirmCancelTitle: 'Cancel “{0}”?',
    confirmCancelText: 'The cancellation goes out with the next release; registrants are told then.', confirmCancel: 'Yes, cancel it',
    sessionCancelled: 'Cancelled in the draft.', sessionRestored: 'Cancellation undone.', sessionPublished: 'Published.',
    warnings: 'Remarks', sessionsHint: 'The draft programme: published sessions and drafts waiting for a release.',
    onlineVenue: 'Online', programmeLink: 'See it in the portal',
    STUDENT: 'Students', NEW_STUDENT: 'New students', TEACHER: 'Teachers', MANAGEMENT_STAFF: 'Management staff', EXTERNAL_SCHOLAR: 'External scholars',
    // releases
    releasePreview: 'Next release', releaseIntro: 'What publishing the draft programme will do now.',
    nothingPending: 'The draft is the same as the published programme: nothing to release.',
    SessionScheduled: 'Scheduled', SessionChanged: 'Changed', SessionCancelled: 'Cancelled',
    whatChanges: 'What changes', told: 'Registrants told', releaseSummary: '{0} scheduled, {1} changed, {2} cancelled;', willBeTold: { one: '{n} registrant will be told.', other: '{n} registrants will be told.' },
    newSessionNote: 'New in the programme', cancelledNote: 'Taken off the programme', notToldNote: 'not told (the change does not affect attendance)',
    releaseNote: 'Note for the changelog', publishRelease: 'Publish release', confirmReleaseTitle: 'Publish release {0}?',
    confirmReleaseText: 'Sessions changing in the public programme: {0}. Registrants told: {1}.', confirmRelease: 'Yes, publish',
    releasePublished: 'Release {0} published.', changelog: 'Changelog', noReleases: 'No release yet.',
    releaseLine: 'Release {0} — {1}', by: 'by {0}', entries: { one: '{n} session', other: '{n} sessions' },
    TIME: 'Time', VENUE: 'Venue', MODE: 'Format', LINK: 'Join link', CAPACITY: 'Seats', TITLE: 'Title', DESCRIPTION: 'Description',
    AUDIENCE: 'Audience', LEVEL: 'Level', LANGUAGE: 'Language', SPEAKERS: 'Speakers', INSTITUTIONS: 'Institutions', ACTIVITY: 'Activity or track',
    empty: '(empty)',
    // session operations
    roster: 'Roster', waitlist: 'Waitlist', participant: 'Participant', seatMode: 'Seat', IN_PERSON: 'In person',
    registeredAt: 'Registered', attendance: 'Attendance', checkedInAt: 'Checked in {0}', notCheckedIn: 'Not checked in',
    CONFIRMED: 'Confirmed', WAITLISTED: 'Waitlisted', ATTENDED: 'Attended', NO_SHOW: 'No-show', PENDING: 'Not yet',
    rosterSummary: '{0} registered, {1} checked in, {2} waiting.', waitPos: 'Position', noRoster: 'No registration yet.',
    noWaitlist: 'Nobody is waiting.', exportCsv: 'Download CSV', exported: '{0} downloaded: {1}.', rows: { one: '{n} registration', other: '{n} registrations' },
    rosterUnavailable: 'The roster is available once the session has been published.',
    announce: 'Announcement to registrants', subject: 'Subject', message: 'Message', channels: 'Channels', EMAIL: 'Email', SMS: 'SMS',
    announceHint: 'Write the text in both languages; each registrant gets both.', sendAnnouncement: 'Send announcement',
    confirmAnnounceTitle: 'Send this announcement?', confirmAnnounceText: 'Registrants: {0}. Channels: {1}.', confirmSend: 'Yes, send',
    announced: 'Announcement sent. Recipients: {0}.', previousAnnouncements: 'Sent announcements', sentAt: 'Sent',
    recipients: 'Recipients', chooseChannel: 'Choose at least one channel.'
  },
  zh: {
    consoleName: '组织者控制台', skip: '跳到正文', menu: '控制台', toPortal: '参与者门户',
    navEditions: '届次', navVenues: '场地', navSpeakers: '讲者', navInstitutions: '机构',
    footerNote: 'eduweek — 组织者控制台', apiDocs: 'API 文档', loading: '加载中…',
    switchLangLabel: 'Switch to English', signIn: '登录', signOut: '退出登录', signedInAs: '已登录：{0}',
    signInTitle: '登录组织者控制台', signInText: '本控制台供活动办公室使用：组织者与管理员。',
    notOrganizer: '您已以 {0} 登录，但该账号不是组织者。请联系管理员授予 ORGANIZER 角色，或退出后使用其他账号。',
    signInUnavailable: '暂时无法登录。', devSignIn: '开发登录（仅本地）', userId: '用户 ID',
    offline: '无法连接服务器，请检查网络。', notFound: '未找到', retry: '重试',
    create: '创建', save: '保存修改', cancel: '取消', edit: '编辑', remove: '删除', close: '关闭', open: '打开',
    actions: '操作', newItem: '新建', editItem: '编辑 {0}', none: '暂无内容。', saved: '已保存。', created: '已创建。',
    deleted: '已删除。', confirmDeleteTitle: '删除 {0}？', confirmDeleteText: '此操作无法撤销。', keep: '保留',
    confirmDelete: '确认删除', fixFields: '请更正下方标出的字段。', english: '英文', chinese: '中文',
    required: '（必填）', yes: '是', no: '否', id: 'ID', idHint: '留空则自动生成。',
    editions: '届次', edition: '届次', name: '名称', description: '简介', hostInstitution: '主办机构',
    startDate: '首日', endDate: '末日', timeZone: '时区', timeZoneHint: 'IANA 时区，例如 Asia/Shanghai',
    campuses: '校区', campusesHint: '用逗号分隔', dates: '日期',
    tabOverview: '概览', tabSessions: '场次', tabTracks: '板块', tabActivities: '活动', tabRelease: '发布',
    venues: '场地', venue: '场地', campus: '校区', building: '楼宇', room: '房间', capacity: '座位数',
    sharedSpace: '共享空间（可同时举办多场，例如展会大厅）', shared: '共享',
    speakers: '讲者', speaker: '讲者', affiliation: '所属单位', institution: '机构', bio: '个人简介',
    institutions: '机构', country: '国家/地区', website: '网站',
    tracks: '板块', track: '板块', title: '标题', position: '顺序',
    activities: '活动', activity: '活动', type: '类型', category: '类别', organizer: '组织方',
    noneChosen: '— 无 —',
    sessions: '场次', session: '场次', newSession: '新建场次', start: '开始', end: '结束', mode: '形式',
    ONLINE: '线上', OFFLINE: '线下', HYBRID: '线上线下结合', capacityInPerson: '现场座位', capacityOnline: '线上名额',
    capacityHint: '线上或线下场次', hybridHint: '线上线下结合的场次', joinLink: '参会链接', language: '语言',
    level: '难度', audience: '面向对象', publishNow: '立即发布（否则等待下一次发布）',
    status: '状态', draftStatus: '下次发布后', unpublished: '有未发布的修改', published: '已发布', noChange: '无变化',
    SCHEDULED: '已排期', CANCELLED: '已取消', DRAFT: '草稿', PUBLISHED: '已发布', when: '时间', where: '地点',
    cancelSession: '取消场次', cancelReason: '原因', restoreSession: '撤销取消', publishSession: '立即发布此场次',
    deleteSession: '删除草稿', confirmCancelTitle: '取消“{0}”？',
    confirmCancelText: '取消将随下一次发布生效，届时会通知报名者。', confirmCancel: '确认取消',
    sessionCancelled: '已在草稿中取消。', sessionRestored: '已撤销取消。', sessionPublished: '已发布。',
    warnings: '提示', sessionsHint: '草稿日程：已发布的场次和等待发布的草稿。',
    onlineVenue: '线上', programmeLink: '在门户中查看',
    STUDENT: '学生', NEW_STUDENT: '新生', TEACHER: '教师', MANAGEMENT_STAFF: '管理人员', EXTERNAL_SCHOLAR: '校外学者',
    releasePreview: '下一次发布', releaseIntro: '现在发布草稿日程将产生的变化。',
    nothingPending: '草稿与已发布的日程一致，无需发布。',
    SessionScheduled: '新增', SessionChanged: '变更', SessionCancelled: '取消',
    whatChanges: '变更内容', told: '将通知的报名者', releaseSummary: '新增 {0} 场，变更 {1} 场，取消 {2} 场；', willBeTold: { other: '将通知 {n} 位报名者。' },
    newSessionNote: '新加入日程', cancelledNote: '从日程中撤下', notToldNote: '不通知（变更不影响参加）',
    releaseNote: '变更说明', publishRelease: '发布', confirmReleaseTitle: '发布第 {0} 版？',
    confirmReleaseText: '公开日程中有 {0} 个场次变化，将通知 {1} 位报名者。', confirmRelease: '确认发布',
    releasePublished: '第 {0} 版已发布。', changelog: '变更记录', noReleases: '尚未发布过。',
    releaseLine: '第 {0} 版 — {1}', by: '发布人 {0}', entries: { other: '{n} 个场次' },
    TIME: '时间', VENUE: '场地', MODE: '形式', LINK: '参会链接', CAPACITY: '座位', TITLE: '标题', DESCRIPTION: '简介',
    AUDIENCE: '面向对象', LEVEL: '难度', LANGUAGE: '语言', SPEAKERS: '讲者', INSTITUTIONS: '机构', ACTIVITY: '活动或板块',
    empty: '（空）',
    roster: '名单', waitlist: '候补名单', participant: '参与者', seatMode: '座位', IN_PERSON: '现场',
    registeredAt: '报名时间', attendance: '签到', checkedInAt: '已签到 {0}', notCheckedIn: '未签到',
    CONFIRMED: '已确认', WAITLISTED: '候补中', ATTENDED: '已出席', NO_SHOW: '未出席', PENDING: '尚未开始',
    rosterSummary: '已报名 {0} 人，已签到 {1} 人，候补 {2} 人。', waitPos: '顺位', noRoster: '暂无报名。',
    noWaitlist: '无人候补。', exportCsv: '下载 CSV', exported: '已下载 {0}：{1}。', rows: { other: '{n} 条报名' },
    rosterUnavailable: '场次发布后即可查看名单。',
    announce: '向报名者发送通知', subject: '主题', message: '内容', channels: '渠道', EMAIL: '邮件', SMS: '短信',
    announceHint: '请用两种语言撰写，每位报名者都会收到两种语言。', sendAnnouncement: '发送通知',
    confirmAnnounceTitle: '发送这条通知？', confirmAnnounceText: '将通过{1}发送给 {0} 位报名者。', confirmSend: '确认发送',
    announced: '通知已发送给 {0} 位报名者。', previousAnnouncements: '已发送的通知', sentAt: '发送时间',
    recipients: '收件人数', chooseChannel: '请至少选择一个渠道。'
  }
};

const fill = (s, args) => s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));

/** ct('key', a, b): the console's text in the chosen language, {0},{1} filled. */
export function ct(key, ...args) {
  const s = TEXT[i18n.lang][key] ?? TEXT.en[key] ?? key;
  return typeof s === 'string' ? fill(s, args) : key;
}

/** Plural-aware count text. */
export function ctn(key, n) {
  const forms = TEXT[i18n.lang][key] ?? TEXT.en[key];
  const s = forms[new Intl.PluralRules(locale()).select(n)] ?? forms.other;
  return s.replace('{n}', new Intl.NumberFormat(locale()).format(n));
}

/** Whether a key has a text (enum values shown as words when known, as they are otherwise). */
export const has = (key) => key in TEXT.en;
export const word = (value) => (value && has(value) ? ct(value) : (value ?? ''));
