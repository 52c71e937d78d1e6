package org.eduweek.local.rehearsal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eduweek.local.launcher.ServiceProcess;
import org.eduweek.local.launcher.ServiceSpec;

/**
 * The services' log files from a starting point on: the lines logged at ERROR level since then, and any line that
 * holds a participant's name, email address or phone number (no level shipped by default may log them).
 */
public final class ServiceLogs {

    private static final Pattern ERROR = Pattern.compile("(^|\\s)ERROR\\s");

    private final Map<ServiceSpec, ServiceProcess> processes = new LinkedHashMap<>();
    private final Map<ServiceSpec, Long> from = new LinkedHashMap<>();

    /** Remembers where each log ends now; earlier lines (other tests) are not looked at. */
    public ServiceLogs(List<ServiceProcess> running) {
        for (ServiceProcess p : running) {
            processes.put(p.spec(), p);
            from.put(p.spec(), p.logFile().toFile().length());
        }
    }

    public Map<ServiceSpec, List<String>> errors() throws IOException {
        Map<ServiceSpec, List<String>> errors = new LinkedHashMap<>();
        for (ServiceProcess p : processes.values()) {
            errors.put(p.spec(), since(p).stream().filter(line -> ERROR.matcher(line).find()).toList());
        }
        return errors;
    }

    /** Each line of any service's log that names one of these people, their email address or phone number. */
    public List<String> personalData(List<Person> people) throws IOException {
        List<String> found = new ArrayList<>();
        for (ServiceProcess p : processes.values()) {
            for (String line : since(p)) {
                for (Person person : people) {
                    if (line.contains(person.email) || line.contains(person.name)
                            || person.phone != null && line.contains(person.phone)) {
                        found.add(p.spec() + ": " + line);
                        break;
                    }
                }
            }
        }
        return found;
    }

    private List<String> since(ServiceProcess p) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(p.logFile().toFile(), "r")) {
            long start = from.get(p.spec());
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return List.of(new String(bytes, StandardCharsets.UTF_8).split("\n"));
        }
    }
}
