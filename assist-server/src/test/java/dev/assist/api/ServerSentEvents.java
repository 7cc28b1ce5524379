package dev.assist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict reader of {@code text/event-stream} bodies (the WHATWG framing: {@code event:} and
 * {@code data:} lines, an empty line ends an event), so tests fail on sloppy framing.
 */
final class ServerSentEvents {
    private ServerSentEvents() {
    }

    record Event(String name, String data) {
        JsonNode json() {
            try {
                return TestServer.JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException("event " + name + " data is not JSON: " + data, e);
            }
        }
    }

    static List<Event> parse(String body) {
        assertThat(body).as("a stream ends with an empty line").endsWith("\n\n");
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                assertThat(colon).as("field line: " + line).isPositive();
                String field = line.substring(0, colon);
                String value = line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "event" -> name = value;
                    case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                    case "id", "retry" -> { }
                    default -> throw new AssertionError("unknown SSE field: " + line);
                }
            }
            events.add(new Event(name, data.toString()));
        }
        return events;
    }
}
