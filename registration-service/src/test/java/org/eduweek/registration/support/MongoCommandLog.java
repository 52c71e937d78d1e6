package org.eduweek.registration.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Every command the application's MongoDB client sends while recording (a round trip each), so tests can hold the
 * hot path to a budget. The command text is copied: the driver's document is only valid inside the listener.
 */
public class MongoCommandLog implements CommandListener {

    /** One command: its name ({@code find}, {@code update}, ...), its collection and its full text. */
    public record Command(String name, String collection, String text) {
        public boolean mentionsAny(List<String> ids) {
            return ids.stream().anyMatch(text::contains);
        }

        @Override
        public String toString() {
            return name + " " + collection + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private volatile boolean recording;

    public void start() {
        commands.clear();
        recording = true;
    }

    public List<Command> stop() {
        recording = false;
        return List.copyOf(commands);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!recording) {
            return;
        }
        var body = event.getCommand();
        String name = event.getCommandName();
        String collection = body.containsKey(name) && body.get(name).isString() ? body.getString(name).getValue()
                : "";
        commands.add(new Command(name, collection, body.toJson()));
    }
}
