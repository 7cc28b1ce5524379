package dev.assist.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a request's JSON body into a record, refusing with the right problem: 415 when it is not
 * JSON, 413 when it is over {@code limits.max_body_bytes}, 400 when it does not parse or names a
 * field the endpoint does not know.
 */
public final class JsonBodies {
    private final ObjectMapper json;
    private final int maxBytes;

    public JsonBodies(ObjectMapper json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    public <T> T read(Context ctx, Class<T> type) {
        requireJson(ctx.contentType());
        byte[] body = readLimited(ctx);
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw ApiProblem.badRequest("empty-body", "the request body is empty; send a JSON object");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw ApiProblem.badRequest("malformed-json", "the request body must be a JSON object, not null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw ApiProblem.badRequest("unknown-field", "unknown field '" + path(e) + "'"
                    + (known.isEmpty() ? "" : "; known fields here: " + known));
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
                throw ApiProblem.badRequest("malformed-json", "the request body has more after its JSON object; send exactly one object");
            }
            String where = path(e);
            throw ApiProblem.badRequest("invalid-field", (where.isEmpty() ? "the body" : "field '" + where + "'")
                    + " has the wrong type: expected " + expected(e));
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("malformed-json", "the request body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code application/json} or any {@code application/*+json}, with or without a charset. */
    static void requireJson(String contentType) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw ApiProblem.unsupportedMediaType("send the body as application/json"
                    + (media.isEmpty() ? " (the request has no Content-Type)" : ", not " + media));
        }
    }

    private byte[] readLimited(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                if (out.size() + n > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiProblem.badRequest("unreadable-body", "the request body could not be read: " + e.getMessage());
        }
    }

    private ApiProblem tooLarge() {
        return ApiProblem.contentTooLarge("the request body is over " + maxBytes + " bytes (limits.max_body_bytes)");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "another type";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return "an integer";
        }
        if (java.util.Collection.class.isAssignableFrom(target)) {
            return "an array";
        }
        if (target.isRecord()) {
            return "an object";
        }
        return target.getSimpleName();
    }
}
