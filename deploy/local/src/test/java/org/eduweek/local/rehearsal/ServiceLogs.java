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

/** The services' log files from a starting point on: the lines logged at ERROR level since then. */
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
            List<String> lines = new ArrayList<>();
            try (RandomAccessFile file = new RandomAccessFile(p.logFile().toFile(), "r")) {
                long start = from.get(p.spec());
                byte[] bytes = new byte[(int) (file.length() - start)];
                file.seek(start);
                file.readFully(bytes);
                for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                    if (ERROR.matcher(line).find()) {
                        lines.add(line);
                    }
                }
            }
            errors.put(p.spec(), lines);
        }
        return errors;
    }
}
