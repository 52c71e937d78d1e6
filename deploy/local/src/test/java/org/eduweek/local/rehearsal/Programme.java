package org.eduweek.local.rehearsal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compressed week shaped like 2020's: four tracks, six activities (online programme presentations by partner
 * universities, the education fair on both campuses, young tutors' sharing meetings, the teachers' English classes,
 * the English salon for new students, the IREG conference for external scholars), thirteen sessions online, offline
 * and hybrid on the Pingyuan and Tongzhou campuses, in three time slots 30-70 minutes ahead.
 * <p>
 * The slots are placed so that reminders fall due during the rehearsal: slot A's email reminders and slot B's SMS
 * reminders {@code dueAfter} after the programme is drafted; slot C's (and slot B's email, slot A's SMS before the
 * test begins) stay out of it.
 */
public final class Programme {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** A partner university hosting an online presentation in its own time zone. */
    record Partner(ZoneId zone, String en, String zh) {
    }

    /** The partner whose session the release moves; its zone decides whether quiet hours hold the SMS back. */
    static final List<Partner> PARTNERS = List.of(
            new Partner(BEIJING, "BJUT Global Office", "北京工业大学国际处"),
            new Partner(ZoneId.of("America/New_York"), "University of Maryland", "马里兰大学"),
            new Partner(ZoneId.of("Europe/London"), "University of Edinburgh", "爱丁堡大学"),
            new Partner(ZoneId.of("Australia/Melbourne"), "University of Melbourne", "墨尔本大学"));

    final String editionId;
    final Map<String, Map<String, Object>> tracks = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> activities = new LinkedHashMap<>();
    final List<Session> sessions = new ArrayList<>();
    final Map<Session, Integer> quotas = new LinkedHashMap<>();
    final Map<Session, String> slots = new LinkedHashMap<>();
    final Instant slotA;
    final Instant slotB;
    final Instant slotC;

    public Programme(String run, Instant drafted, Duration dueAfter) {
        this.editionId = "iew-rehearsal-" + run;
        // slot A's email reminder and slot B's SMS reminder fall due dueAfter (and 15 s more) after drafting
        slotA = drafted.plus(dueAfter).plus(NotificationRules.REMINDER_LEAD.get(Channel.EMAIL));
        slotB = drafted.plus(dueAfter).plusSeconds(15).plus(NotificationRules.REMINDER_LEAD.get(Channel.SMS));
        slotC = drafted.plus(Duration.ofMinutes(62));
        track("talent", "International Talent Cultivation", "国际化人才培养", 1);
        track("faculty", "Internationalization of the Faculty", "师资国际化", 2);
        track("culture", "International Cultural Experience", "国际文化体验", 3);
        track("exchange", "International Exchange and Discussion", "国际交流与研讨", 4);
        activity("presentations", "talent", "PRESENTATION_SERIES", "PROGRAMME_PRESENTATION",
                "Online presentations by partner universities", "国际合作院校线上项目宣讲");
        activity("fair", "talent", "FAIR", "PROGRAMME_PRESENTATION", "International Education Fair", "国际教育展");
        activity("tutors", "talent", "SHARING_MEETING", "PROGRAMME_PRESENTATION",
                "Young tutors' sharing meetings", "学生国际化发展青年导师分享会");
        activity("english", "faculty", "ENGLISH_CLASS", "TEACHER_TRAINING", "Teachers' English improvement class",
                "教师英语能力提升班");
        activity("salon", "culture", "SALON", "CULTURAL", "Youth Salon English Sofa", "青年沙龙英语沙发");
        activity("ireg", "exchange", "CONFERENCE", "FORUM", "IREG 2020 Beijing Conference", "IREG 2020 北京会议");

        Partner moved = PARTNERS.get(PARTNERS.indexOf(
                PARTNERS.stream().filter(p -> NotificationRules.quietSettled(drafted, p.zone())).findFirst()
                        .orElseThrow()));
        List<String> all = List.of();
        List<String> students = List.of("STUDENT", "NEW_STUDENT");
        List<String> staff = List.of("TEACHER", "MANAGEMENT_STAFF");
        List<String> scholars = List.of("EXTERNAL_SCHOLAR", "TEACHER");
        session("A", 50, new Session("S01", "Online presentation: Monash University", "线上项目宣讲：莫纳什大学",
                "presentations", "ONLINE", BEIJING, slotA, 12, 0, 50, null, null, null, all));
        session("A", 14, new Session("S02", "Education Fair, Pingyuan", "国际教育展（平园校区）", "fair", "OFFLINE",
                BEIJING, slotA, 12, 6, 0, "Pingyuan", "Library", "Hall 1-" + run, students));
        session("A", 14, new Session("S03", "Young tutors: Computer Science", "青年导师分享会：计算机", "tutors", "HYBRID",
                BEIJING, slotA, 12, 4, 3, "Pingyuan", "Science Building", "B201-" + run,
                List.of("STUDENT", "NEW_STUDENT", "TEACHER")));
        session("A", 9, new Session("S04", "English class, basic", "英语提升班（基础）", "english", "OFFLINE", BEIJING,
                slotA, 12, 5, 0, "Tongzhou", "Teaching Building 2", "301-" + run, staff));
        session("A", 55, new Session("S05", "IREG 2020 opening", "IREG 2020 开幕式", "ireg", "ONLINE", BEIJING, slotA,
                12, 0, 150, null, null, null, scholars));
        session("B", 35, new Session("S06", "Online presentation: " + moved.en(), "线上项目宣讲：" + moved.zh(),
                "presentations", "ONLINE", moved.zone(), slotB, 12, 0, 30, null, null, null, all));
        session("B", 14, new Session("S07", "Education Fair, Tongzhou", "国际教育展（通州校区）", "fair", "OFFLINE",
                BEIJING, slotB, 12, 8, 0, "Tongzhou", "Gymnasium", "Hall A-" + run, students));
        session("B", 9, new Session("S08", "English Sofa for new students", "英语沙发（新生）", "salon", "OFFLINE",
                BEIJING, slotB, 12, 5, 0, "Pingyuan", "Student Centre", "Salon-" + run, students));
        session("B", 12, new Session("S09", "Young tutors: Civil Engineering", "青年导师分享会：土木工程", "tutors",
                "HYBRID", BEIJING, slotB, 12, 3, 4, "Tongzhou", "Engineering Building", "E105-" + run, students));
        session("C", 40, new Session("S10", "IREG panel: rankings", "IREG 专题讨论：大学排名", "ireg", "ONLINE",
                BEIJING, slotC, 8, 0, 100, null, null, null, scholars));
        session("C", 40, new Session("S11", "International alumni lecture", "国际校友讲座", "salon", "HYBRID", BEIJING,
                slotC, 8, 10, 20, "Pingyuan", "Library", "Lecture Hall-" + run, all));
        session("C", 7, new Session("S12", "English class, advanced", "英语提升班（高级）", "english", "OFFLINE",
                BEIJING, slotC, 8, 4, 0, "Tongzhou", "Teaching Building 2", "302-" + run, List.of("TEACHER")));
        session("C", 20, new Session("S13", "English basketball demonstration", "英语篮球展示", "salon", "OFFLINE",
                BEIJING, slotC, 8, 12, 0, "Pingyuan", "Huoshuitang", "Court-" + run, students));
    }

    private void track(String key, String en, String zh, int position) {
        tracks.put(key, new LinkedHashMap<>(Map.of("editionId", editionId, "title", Map.of("en", en, "zh", zh),
                "position", position)));
    }

    private void activity(String key, String track, String type, String category, String en, String zh) {
        activities.put(key, new LinkedHashMap<>(Map.of("editionId", editionId, "trackKey", track, "type", type,
                "category", category, "title", Map.of("en", en, "zh", zh), "organizer", "BJUT International Office")));
    }

    private void session(String slot, int quota, Session s) {
        sessions.add(s);
        quotas.put(s, quota);
        slots.put(s, slot);
    }

    /** Edition, tracks, activities and the sessions as drafts, then release 1 makes the programme public. */
    public void create(Api api, String organizer, Instant drafted) {
        LocalDate day = drafted.atZone(BEIJING).toLocalDate();
        api.call("POST", "/api/schedule/editions", organizer, Map.of("id", editionId,
                "name", Map.of("en", "International Education Week rehearsal " + editionId, "zh", "国际教育周彩排"),
                "description", Map.of("en", "A compressed week", "zh", "压缩的一周"),
                "hostInstitution", "Beijing University of Technology", "startDate", day.minusDays(1).toString(),
                "endDate", day.plusDays(2).toString(), "timeZone", BEIJING.getId(),
                "campuses", List.of("Pingyuan", "Tongzhou"))).expect(201, "edition");
        Map<String, String> trackIds = new LinkedHashMap<>();
        tracks.forEach((key, body) -> trackIds.put(key,
                api.call("POST", "/api/schedule/tracks", organizer, body).expect(201, "track " + key).path("id")
                        .asText()));
        Map<String, String> activityIds = new LinkedHashMap<>();
        activities.forEach((key, body) -> {
            Map<String, Object> request = new LinkedHashMap<>(body);
            request.put("trackId", trackIds.get((String) request.remove("trackKey")));
            activityIds.put(key, api.call("POST", "/api/schedule/activities", organizer, request)
                    .expect(201, "activity " + key).path("id").asText());
        });
        for (Session s : sessions) {
            s.activityId = activityIds.get(s.activity);
            s.trackId = trackIds.get((String) activities.get(s.activity).get("trackKey"));
            s.id = api.call("POST", "/api/schedule/sessions", organizer, s.request(editionId))
                    .expect(201, "session " + s.code).path("id").asText();
        }
        api.call("POST", "/api/schedule/editions/" + editionId + "/releases", organizer,
                Map.of("note", "Programme published")).expect(201, "release 1");
    }

    public String editionId() {
        return editionId;
    }

    public List<Session> sessions() {
        return sessions;
    }

    public Map<Session, Integer> quotas() {
        return quotas;
    }

    public Map<Session, String> slots() {
        return slots;
    }

    public Map<String, List<Session>> byTrack() {
        Map<String, List<Session>> byTrack = new LinkedHashMap<>();
        sessions.forEach(s -> byTrack.computeIfAbsent(s.trackId, k -> new ArrayList<>()).add(s));
        return byTrack;
    }

    public Map<String, List<Session>> byActivity() {
        Map<String, List<Session>> byActivity = new LinkedHashMap<>();
        sessions.forEach(s -> byActivity.computeIfAbsent(s.activityId, k -> new ArrayList<>()).add(s));
        return byActivity;
    }
}
