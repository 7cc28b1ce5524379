package dev.assist.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The remote LLM as a local HTTP server on a random loopback port: replies are scripted in order
 * and every request is recorded, so tests see exactly what went over the wire.
 */
public final class FakeLlmServer implements AutoCloseable {

    /** One request as the server received it. */
    public record Request(String method, String path, String body, com.sun.net.httpserver.Headers headers) {
    }

    /** How the server answers one request. */
    @FunctionalInterface
    public interface Reply {
        void send(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-llm");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private Reply fallback = json(500, "{\"error\":{\"message\":\"no reply scripted\"}}");

    public FakeLlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:port} followed by {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Replies to the next requests in this order. */
    public synchronized FakeLlmServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The reply once the script has run out. */
    public synchronized FakeLlmServer otherwise(Reply reply) {
        fallback = reply;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    int requestCount() {
        return requests.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body,
                exchange.getRequestHeaders()));
        Reply reply;
        synchronized (this) {
            reply = script.isEmpty() ? fallback : script.removeFirst();
        }
        try {
            reply.send(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (a cancelled stream): nothing to answer.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    // ---- replies ----

    public static Reply json(int status, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    public static Reply after(Duration delay, Reply reply) {
        return exchange -> {
            Thread.sleep(delay.toMillis());
            reply.send(exchange);
        };
    }

    /**
     * A chunked stream: each event is written and flushed, {@code pause} apart, then the
     * response ends. Events are written verbatim (an SSE event must end with a blank line).
     */
    public static Reply stream(String contentType, Duration pause, List<String> events) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String event : events) {
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(pause.toMillis());
            }
        };
    }

    // ---- OpenAI wire format ----

    public static String openAiCompletion(String content) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1767225600,"model":"test-model",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":120,"completion_tokens":20,"total_tokens":140}}
                """.formatted(jsonString(content));
    }

    public static Reply openAiReply(String content) {
        return json(200, openAiCompletion(content));
    }

    /** SSE events of a streamed chat completion: one chunk per delta, a finish chunk, [DONE]. */
    public static List<String> openAiChunks(List<String> deltas) {
        List<String> events = new java.util.ArrayList<>();
        for (String delta : deltas) {
            events.add("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,"
                    + "\"model\":\"test-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":" + jsonString(delta)
                    + "},\"finish_reason\":null}]}\n\n");
        }
        events.add("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,"
                + "\"model\":\"test-model\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        events.add("data: [DONE]\n\n");
        return events;
    }

    public static Reply openAiStream(Duration pause, String... deltas) {
        return stream("text/event-stream", pause, openAiChunks(List.of(deltas)));
    }

    public static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
