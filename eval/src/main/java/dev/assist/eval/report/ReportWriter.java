package dev.assist.eval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.assist.eval.Metric;
import dev.assist.eval.run.CaseRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a report folder: {@code report.json}, {@code rows.jsonl}, {@code report.md} and {@code report.html}. */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new SimpleModule().addSerializer(Double.class, new FiniteDouble()).addSerializer(double.class, new FiniteDouble()));

    private ReportWriter() {
    }

    /** Writes every file; {@code rows} holds each run's rows in the order of {@code report.runs()}. */
    public static void write(Path dir, EvalReport report, List<List<CaseRow>> rows) throws IOException {
        Files.createDirectories(dir);
        JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("report.json").toFile(), report);
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("rows.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows.size(); i++) {
                String run = report.runs().get(i).name();
                for (CaseRow row : rows.get(i)) {
                    out.write(JSON.writeValueAsString(row(run, row)));
                    out.write('\n');
                }
            }
        }
        Files.writeString(dir.resolve("report.md"), MarkdownReport.render(report), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), HtmlReport.render(report), StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> row(String run, CaseRow row) {
        var c = row.evalCase();
        var o = row.outcome();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run);
        out.put("id", c.id());
        out.put("question", c.question());
        out.put("lang", c.lang());
        out.put("channel", c.channel().wireName());
        out.put("labels", c.labels());
        out.put("expected", c.expectation().name().toLowerCase(java.util.Locale.ROOT));
        out.put("relevant", c.grades());
        out.put("ranked", o.rankedIds().stream().limit(10).toList());
        out.put("answer", o.answer());
        out.put("cited", o.citedIds());
        out.put("handoff", o.handoff());
        out.put("handoff_reason", o.handoffReason());
        out.put("confidence", o.confidence());
        out.put("mode", o.mode());
        out.put("searched_query", o.searchedQuery());
        out.put("language", o.language());
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            if (metric.group() != Metric.Group.LATENCY && !metric.wireName().startsWith("handoff_")) {
                double v = row.observation(metric);
                if (!Double.isNaN(v)) {
                    metrics.put(metric.wireName(), v);
                }
            }
        }
        out.put("metrics", metrics);
        out.put("stage_ms", o.stageMs());
        out.put("total_ms", o.totalMs());
        out.put("error", row.error());
        return out;
    }

    /** NaN and infinities are not JSON: they are written as null ("not defined"). */
    private static final class FiniteDouble extends StdSerializer<Double> {
        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }
}
