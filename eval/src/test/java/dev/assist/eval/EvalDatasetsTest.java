package dev.assist.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assist.retrieve.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalDatasetsTest {
    @TempDir
    Path dir;

    @Test
    void goldenSetKeepsGoodRowsAndReportsEachBadLineWithFileAndLine() throws IOException {
        Path file = dir.resolve("golden.jsonl");
        Files.writeString(file, String.join("\n",
                """
                {"id": "g1", "question": "How do I reset my password?", "lang": "en", "channel": "bot", "answerable": true, "relevant_ids": ["reset"], "reference_answer": "Click Forgot password.", "history": [], "split": "dev"}""",
                "{not json",
                """
                {"id": "g2", "question": "Refund my card", "lang": "en", "channel": "bot", "relevant_ids": []}""",
                """
                {"id": "g3", "question": "What is in the internal runbook?", "lang": "de", "channel": "agent", "answerable": false, "relevant_ids": [], "history": [{"role": "customer", "text": "Hallo"}], "split": "test"}""",
                "",
                """
                {"id": "g1", "question": "again", "answerable": true, "relevant_ids": ["x"]}""",
                """
                {"id": "g4", "question": "who?", "channel": "phone", "answerable": false, "relevant_ids": []}""",
                "[1, 2]") + "\n");

        EvalDataset data = EvalDatasets.open(file, dir.resolve("articles"), "all");

        assertThat(data.format()).isEqualTo(EvalDataset.Format.GOLDEN);
        assertThat(data.cases()).extracting(EvalCase::id).containsExactly("g1", "g3");
        assertThat(data.problems()).extracting(DatasetProblem::line).containsExactly(2, 3, 6, 7, 8);
        assertThat(data.problems()).extracting(DatasetProblem::toString).allMatch(p -> p.startsWith(file + ":"));
        assertThat(data.problems().get(0).reason()).startsWith("invalid JSON");
        assertThat(data.problems().get(1).reason()).contains("answerable");
        assertThat(data.problems().get(2).reason()).contains("duplicate id 'g1'");
        assertThat(data.problems().get(3).reason()).contains("unknown channel 'phone'");
        assertThat(data.problems().get(4).reason()).isEqualTo("not a JSON object");

        EvalCase answerable = data.cases().get(0);
        assertThat(answerable.expectation()).isEqualTo(Expectation.ANSWER);
        assertThat(answerable.relevant()).containsExactly("reset");
        assertThat(answerable.references()).containsExactly("Click Forgot password.");
        assertThat(answerable.locale()).isEmpty();
        EvalCase internal = data.cases().get(1);
        assertThat(internal.expectation()).isEqualTo(Expectation.HANDOFF);
        assertThat(internal.channel()).isEqualTo(Channel.AGENT);
        assertThat(internal.judged()).isFalse();
        assertThat(internal.history()).hasSize(1);
        assertThat(internal.labels()).containsEntry("split", "test");
        assertThat(EvalDatasets.open(file, dir, "dev").cases()).extracting(EvalCase::id).containsExactly("g1");
    }

    @Test
    void retrievalFolderJoinsQrelsAnswersAndDetectionAndDerivesLabelsFromTheCorpus() throws IOException {
        Path set = dir.resolve("tiny_set");
        Files.createDirectories(set);
        Files.writeString(set.resolve("corpus.jsonl"), """
                {"id": "hotel:1:faq:0", "title": "Parking?", "text": "Parking costs 5 pounds.", "lang": "en", "domain": "hotel", "doc_type": "faq"}
                {"id": "hotel:1:review:0:0", "title": "Review", "text": "Quiet rooms.", "lang": "en", "domain": "hotel", "doc_type": "review"}
                {"id": "restaurant:2:faq:0", "title": "Vegan?", "text": "Yes, vegan dishes.", "lang": "en", "domain": "restaurant", "doc_type": "faq"}
                """);
        Files.writeString(set.resolve("queries.jsonl"), """
                {"id": "q1", "text": "Is parking free?", "lang": "en", "context": [{"speaker": "user", "text": "I like the Acorn."}, {"speaker": "agent", "text": "Good choice."}]}
                {"id": "q2", "text": "Any vegan food?", "lang": "en", "intent": "food"}
                {"id": "q3", "text": "No qrels for me", "lang": "en"}
                {"id": "q4", "text": "Broken", "lang": "en"
                """);
        Files.writeString(set.resolve("qrels.jsonl"), """
                {"query_id": "q1", "doc_id": "hotel:1:faq:0", "relevance": 2}
                {"query_id": "q1", "doc_id": "hotel:1:review:0:0", "relevance": 1}
                {"query_id": "q2", "doc_id": "restaurant:2:faq:0", "relevance": 1}
                {"query_id": "q2", "doc_id": "hotel:1:faq:0", "relevance": 0}
                """);
        Files.writeString(set.resolve("answers.jsonl"), """
                {"query_id": "q1", "answer": "No, it costs 5 pounds."}
                {"query_id": "q2", "answers": ["Yes", "vegan dishes"]}
                {"query_id": "q9"}
                """);
        Files.writeString(set.resolve("detection.jsonl"), """
                {"id": "q1", "text": "Is parking free?", "context": [], "label": "knowledge_seeking"}
                {"id": "d7", "text": "Book a table for two", "context": [], "label": "other"}
                {"id": "d8", "text": "Hm", "context": [], "label": "maybe"}
                """);

        EvalDataset data = EvalDatasets.open(set, null, "all");

        assertThat(data.format()).isEqualTo(EvalDataset.Format.RETRIEVAL);
        assertThat(data.name()).isEqualTo("tiny_set");
        assertThat(data.ownLanguageOnly()).isTrue();
        assertThat(data.corpus()).contains(set.resolve("corpus.jsonl"));
        assertThat(data.cases()).extracting(EvalCase::id).containsExactly("q1", "q2", "d7");
        assertThat(data.problems()).extracting(p -> p.file().getFileName() + ":" + p.line())
                .containsExactlyInAnyOrder("answers.jsonl:3", "queries.jsonl:4", "detection.jsonl:3");

        EvalCase q1 = data.cases().get(0);
        assertThat(q1.grades()).isEqualTo(Map.of("hotel:1:faq:0", 2, "hotel:1:review:0:0", 1));
        assertThat(q1.history()).hasSize(2);
        assertThat(q1.locale()).contains("en");
        assertThat(q1.references()).containsExactly("No, it costs 5 pounds.");
        assertThat(q1.labels()).containsEntry("domain", "hotel").containsEntry("doc_type", "faq+review");
        EvalCase q2 = data.cases().get(1);
        assertThat(q2.relevant()).containsExactly("restaurant:2:faq:0");
        assertThat(q2.references()).containsExactly("Yes", "vegan dishes");
        assertThat(q2.labels()).containsEntry("intent", "food").containsEntry("domain", "restaurant");
        assertThat(q2.expectation()).isEqualTo(Expectation.ANSWER);
        EvalCase d7 = data.cases().get(2);
        assertThat(d7.expectation()).isEqualTo(Expectation.HANDOFF);
        assertThat(d7.judged()).isFalse();
        assertThat(d7.labels()).containsEntry("source", "detection");
    }

    @Test
    void limitSamplesEvenlyAcrossTheWholeDataset() {
        List<EvalCase> cases = java.util.stream.IntStream.range(0, 10).mapToObj(i -> new EvalCase("c" + i, "q", "en",
                Channel.BOT, List.of(), java.util.Optional.empty(), Map.of(), List.of(), Expectation.UNLABELLED, Map.of())).toList();
        EvalDataset data = new EvalDataset("d", EvalDataset.Format.GOLDEN, dir, java.util.Optional.empty(), cases, List.of(), false);

        assertThat(data.limit(4).cases()).extracting(EvalCase::id).containsExactly("c0", "c2", "c5", "c7");
        assertThat(data.limit(0).cases()).hasSize(10);
        assertThat(data.limit(50).cases()).hasSize(10);
    }

    @Test
    void whatABenchmarkReportsIsLeftOutOfTheRestForFitting() {
        List<RetrievalSet.Query> queries = java.util.stream.IntStream.range(0, 10).mapToObj(i -> new RetrievalSet.Query(
                "q" + i, "question " + i, "en", List.of(), java.util.Set.of("d" + i))).toList();
        RetrievalSet set = new RetrievalSet("s", dir.resolve("corpus.jsonl"), queries);

        RetrievalSet reported = set.sample(4);
        RetrievalSet rest = set.without(reported);

        assertThat(reported.queries()).extracting(RetrievalSet.Query::id).containsExactly("q0", "q2", "q5", "q7");
        assertThat(rest.queries()).extracting(RetrievalSet.Query::id).containsExactly("q1", "q3", "q4", "q6", "q8", "q9");
        assertThat(rest.corpus()).isEqualTo(set.corpus());
    }

    @Test
    void missingDatasetIsAnErrorNamingThePath() {
        assertThatThrownBy(() -> EvalDatasets.open(dir.resolve("nope.jsonl"), null, "all"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("nope.jsonl");
        assertThatThrownBy(() -> EvalDatasets.open(dir, null, "all"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("queries.jsonl");
    }
}
