package dev.assist.llm;

import dev.assist.conversation.Turn;

import dev.langchain4j.model.input.PromptTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The prompt templates of {@code prompts/} and how an input becomes a rendered prompt.
 *
 * <p>Each file starts with an HTML comment for its readers (purpose, variables, output format);
 * that comment is dropped, and the rest is a LangChain4j {@link PromptTemplate} whose
 * {@code {{variables}}} are filled in one pass (text inside a passage that looks like a variable
 * stays as it is). Files are read once, when the instance is made.
 */
public final class Prompts {

    /** The templates Assist uses; the file name carries the version ({@code answer.v1.md}). */
    public enum Name {
        ANSWER("answer.v1.md"),
        SUGGEST("suggest.v1.md"),
        REWRITE("rewrite.v1.md");

        private final String fileName;

        Name(String fileName) {
            this.fileName = fileName;
        }

        /** The template's file name in {@code prompts/}. */
        public String fileName() {
            return fileName;
        }

        /** The versioned id for logs and eval reports, e.g. {@code answer.v1}. */
        public String id() {
            return fileName.substring(0, fileName.length() - ".md".length());
        }
    }

    /** How many earlier turns go into a prompt at most: the latest ones matter, old ones cost tokens. */
    public static final int MAX_HISTORY_TURNS = 8;

    private static final String CLASSPATH_FOLDER = "/prompts/";

    private final Map<Name, PromptTemplate> templates;

    private Prompts(Map<Name, String> bodies) {
        Map<Name, PromptTemplate> parsed = new EnumMap<>(Name.class);
        bodies.forEach((name, body) -> parsed.put(name, PromptTemplate.from(body)));
        this.templates = parsed;
    }

    /** The templates packaged with the server (the top-level {@code prompts/} folder). */
    public static Prompts fromClasspath() {
        Map<Name, String> bodies = new EnumMap<>(Name.class);
        for (Name name : Name.values()) {
            String resource = CLASSPATH_FOLDER + name.fileName();
            try (InputStream in = Prompts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Prompt template " + resource + " is not on the class path;"
                            + " it is packaged from the top-level prompts/ folder by assist-server's pom.xml");
                }
                bodies.put(name, body(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read prompt template " + resource, e);
            }
        }
        return new Prompts(bodies);
    }

    /** The templates in {@code folder}, for operators who edit prompts without rebuilding. */
    public static Prompts fromDirectory(Path folder) {
        Map<Name, String> bodies = new EnumMap<>(Name.class);
        for (Name name : Name.values()) {
            Path file = folder.resolve(name.fileName());
            try {
                bodies.put(name, body(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read prompt template " + file.toAbsolutePath(), e);
            }
        }
        return new Prompts(bodies);
    }

    /** The template text without its leading comment, as it is rendered. */
    public String template(Name name) {
        return templates.get(name).template();
    }

    /** The answer prompt ({@code answer.v1}) for {@code input}. */
    public String answer(GenerationInput input) {
        return render(Name.ANSWER, Map.of(
                "language", languageName(input.language(), "the language of the customer's question"),
                "history", history(input.history()),
                "passages", passages(input.passages()),
                "question", oneParagraph(input.question())));
    }

    /** The reply-drafts prompt ({@code suggest.v1}) for {@code input}. */
    public String suggest(SuggestionInput input) {
        return render(Name.SUGGEST, Map.of(
                "language", languageName(input.language(), "the language of the customer's message"),
                "history", history(input.history()),
                "passages", passages(input.passages()),
                "message", oneParagraph(input.customerMessage())));
    }

    /** The query-rewrite prompt ({@code rewrite.v1}) for the customer's latest message. */
    public String rewrite(List<Turn> history, String lastCustomerTurn) {
        Objects.requireNonNull(lastCustomerTurn, "lastCustomerTurn");
        return render(Name.REWRITE, Map.of(
                "history", history(history),
                "message", oneParagraph(lastCustomerTurn)));
    }

    private String render(Name name, Map<String, Object> variables) {
        return templates.get(name).apply(variables).text();
    }

    /** Drops the leading {@code <!-- ... -->} comment and surrounding blank lines. */
    static String body(String file) {
        String text = file.stripLeading();
        if (text.startsWith("<!--")) {
            int end = text.indexOf("-->");
            if (end < 0) {
                throw new IllegalArgumentException("Prompt template has an unclosed <!-- comment");
            }
            text = text.substring(end + "-->".length());
        }
        return text.strip();
    }

    /** "German (de)" for "de"; the fallback phrase when no language is known. */
    static String languageName(String tag, String fallback) {
        if (tag == null || tag.isBlank()) {
            return fallback;
        }
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(tag) ? tag : name + " (" + tag + ")";
    }

    static String history(List<Turn> turns) {
        if (turns == null || turns.isEmpty()) {
            return "(no earlier messages)";
        }
        List<Turn> recent = turns.subList(Math.max(0, turns.size() - MAX_HISTORY_TURNS), turns.size());
        return recent.stream()
                .map(t -> t.role().label() + ": " + oneParagraph(t.text()))
                .collect(Collectors.joining("\n"));
    }

    static String passages(List<NumberedPassage> passages) {
        if (passages.isEmpty()) {
            return "(no passages)";
        }
        return passages.stream()
                .map(p -> "[" + p.n() + "] " + oneParagraph(p.title()) + "\n" + p.text().strip())
                .collect(Collectors.joining("\n\n"));
    }

    /** Message text on one line, so that a turn cannot pose as another speaker's line. */
    private static String oneParagraph(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
