package dev.assist.eval;

import dev.assist.retrieve.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Opens a dataset by its path: a folder in the shared retrieval layout, or a golden JSONL file.
 * Malformed lines are collected, not thrown, so a run reports them all and goes on.
 */
public final class EvalDatasets {
    private EvalDatasets() {
    }

    /**
     * @param corpus the articles a golden set is about; ignored for retrieval folders, which ship theirs
     * @param split golden split to keep ({@code dev}, {@code test}, or {@code all})
     */
    public static EvalDataset open(Path path, Path corpus, String split) {
        if (Files.isDirectory(path)) {
            if (!Files.isRegularFile(path.resolve("queries.jsonl"))) {
                throw new DatasetException(path + ": a dataset folder needs queries.jsonl, qrels.jsonl and corpus.jsonl");
            }
            return retrieval(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new DatasetException(path + ": no such file or folder");
        }
        return golden(path, corpus, split);
    }

    static EvalDataset golden(Path file, Path corpus, String split) {
        List<DatasetProblem> problems = new ArrayList<>();
        List<GoldenQuestion> rows = GoldenSet.split(GoldenSet.read(file, problems::add), split);
        List<EvalCase> cases = new ArrayList<>(rows.size());
        for (GoldenQuestion q : rows) {
            Map<String, Integer> grades = new LinkedHashMap<>();
            q.relevantIds().forEach(id -> grades.put(id, 1));
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("split", q.split());
            labels.put("answerable", Boolean.toString(q.answerable()));
            cases.add(new EvalCase(q.id(), q.question(), q.lang(), q.channel(), q.history(), Optional.empty(),
                    q.answerable() ? grades : Map.of(),
                    q.referenceAnswer().isBlank() ? List.of() : List.of(q.referenceAnswer()),
                    q.answerable() ? Expectation.ANSWER : Expectation.HANDOFF, labels));
        }
        String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
        return new EvalDataset(name, EvalDataset.Format.GOLDEN, file, Optional.ofNullable(corpus), cases, problems, false);
    }

    static EvalDataset retrieval(Path dir) {
        List<DatasetProblem> problems = new ArrayList<>();
        RetrievalSet set = RetrievalSet.read(dir, problems::add);
        Map<String, DocLabels> docs = docLabels(set.corpus());
        Map<String, RetrievalSet.DetectionTurn> detection = new HashMap<>();
        set.detection().forEach(turn -> detection.put(turn.id(), turn));
        List<EvalCase> cases = new ArrayList<>();
        for (RetrievalSet.Query q : set.queries()) {
            RetrievalSet.DetectionTurn turn = detection.remove(q.id());
            Expectation expectation = turn == null || turn.needsKnowledge() ? Expectation.ANSWER : Expectation.HANDOFF;
            Map<String, String> labels = new LinkedHashMap<>(q.labels());
            labels.putIfAbsent("source", "queries");
            derive(labels, q.relevant(), docs);
            cases.add(new EvalCase(q.id(), q.text(), q.lang(), Channel.BOT, q.context(), Optional.of(q.lang()), q.grades(),
                    q.references(), expectation, labels));
        }
        for (RetrievalSet.DetectionTurn turn : set.detection()) {
            if (detection.containsKey(turn.id())) {
                cases.add(new EvalCase(turn.id(), turn.text(), turn.lang(), Channel.BOT, turn.context(), Optional.of(turn.lang()),
                        Map.of(), List.of(), turn.needsKnowledge() ? Expectation.ANSWER : Expectation.HANDOFF,
                        Map.of("source", "detection")));
            }
        }
        return new EvalDataset(set.name(), EvalDataset.Format.RETRIEVAL, dir, Optional.of(set.corpus()), cases, problems, true);
    }

    /** The corpus fields worth breaking results down by. */
    private record DocLabels(String domain, String docType) {
    }

    private static Map<String, DocLabels> docLabels(Path corpus) {
        Map<String, DocLabels> labels = new HashMap<>();
        if (!Files.isRegularFile(corpus)) {
            return labels;
        }
        // Bad corpus lines are the indexer's to report; here they only lack a label.
        JsonLines.read(corpus, (line, node) -> {
            String domain = node.path("domain").asText("");
            String type = node.path("doc_type").asText("");
            if (!domain.isEmpty() || !type.isEmpty()) {
                labels.put(node.path("id").asText(), new DocLabels(domain, type));
            }
        }, problem -> { });
        return labels;
    }

    /** The domain and document type of a query's relevant documents, e.g. {@code hotel}, {@code faq+review}. */
    private static void derive(Map<String, String> labels, Iterable<String> relevant, Map<String, DocLabels> docs) {
        TreeSet<String> domains = new TreeSet<>();
        TreeSet<String> types = new TreeSet<>();
        for (String id : relevant) {
            DocLabels doc = docs.get(id);
            if (doc != null) {
                if (!doc.domain().isEmpty()) {
                    domains.add(doc.domain());
                }
                if (!doc.docType().isEmpty()) {
                    types.add(doc.docType());
                }
            }
        }
        if (!domains.isEmpty()) {
            labels.putIfAbsent("domain", String.join("+", domains));
        }
        if (!types.isEmpty()) {
            labels.putIfAbsent("doc_type", String.join("+", types));
        }
    }
}
