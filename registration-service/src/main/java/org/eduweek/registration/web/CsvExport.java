package org.eduweek.registration.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.eduweek.registration.domain.Participant;
import org.eduweek.registration.domain.Profiles;
import org.eduweek.registration.domain.Registration;
import org.eduweek.registration.domain.Session;
import org.eduweek.registration.store.Registrations;

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark: without the BOM, spreadsheet programs open UTF-8 as a legacy code
 * page and Chinese names turn into mojibake. Cells starting with = + - @ are prefixed with ' (formula injection).
 */
final class CsvExport {

    static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
    private static final String HEADER = "registrationId,participantId,name,email,phone,audience,affiliation,country,"
            + "seatMode,status,waitlistPosition,createdAt,confirmedAt,cancelledAt,cancelReason,checkedInAt,attendance";

    private CsvExport() {
    }

    static byte[] write(Session session, List<Registration> all, Profiles profiles, Registrations registrations,
            Instant now) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (Registration r : all) {
            Participant p = profiles.find(r.participantId()).orElse(null);
            int position = registrations.waitlistPosition(r);
            Registration.Attendance attendance = r.attendance(session, now);
            row(sb, r.id(), r.participantId(), p == null ? null : p.name(), p == null ? null : p.email(),
                    p == null ? null : p.phone(), r.audience(), r.affiliation(), r.country(), r.seatMode().name(),
                    r.status().name(), position > 0 ? String.valueOf(position) : null, str(r.createdAt()),
                    str(r.confirmedAt()), str(r.cancelledAt()),
                    r.cancelReason() == null ? null : r.cancelReason().name(), str(r.checkedInAt()),
                    attendance == null ? null : attendance.name());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void row(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells[i]));
        }
        sb.append("\r\n");
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("^[+-]?\\d[\\d.]*$")
                ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }
}
