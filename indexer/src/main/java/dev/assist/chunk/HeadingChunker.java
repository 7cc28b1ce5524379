package dev.assist.chunk;

import dev.assist.source.Article;
import java.text.BreakIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Splits an article along its headings into chunks that fit the embedding model's token budget.
 *
 * <p>Each heading section is cut at sentence boundaries (list items and table rows count as
 * sentences); a sentence is cut only when it alone is over budget. When a section needs several
 * chunks, the next one starts with the last sentences of the previous one (the overlap). Small
 * neighbouring sections are merged while they fit, so a page of short answers does not become
 * a dozen three-word chunks. Title and section path lead every chunk's embedded text.
 */
public final class HeadingChunker {
    /** A numbered list item ("2. Click Download"): one block per step, never glued to the next. */
    private static final java.util.regex.Pattern NUMBERED_ITEM = java.util.regex.Pattern.compile("\\d{1,3}[.)]\\s");
    private final TokenCounter tokens;
    private final ChunkingPolicy policy;

    public HeadingChunker(TokenCounter tokens, ChunkingPolicy policy) {
        this.tokens = tokens;
        this.policy = policy;
    }

    public ChunkingPolicy policy() {
        return policy;
    }

    public List<Chunk> chunk(Article article) {
        List<Section> sections = sections(article.body());
        if (sections.size() == 1 && sections.getFirst().path().isEmpty()) {
            // Fast path: a short article without headings is one chunk; one tokenizer call decides.
            String text = String.join("\n", sections.getFirst().blocks().stream().map(Block::text).toList());
            String embedded = prefix(article.title(), "") + text;
            int count = tokens.count(embedded);
            if (count <= policy.budgetTokens()) {
                return List.of(new Chunk(0, "", text, embedded, count));
            }
        }
        Locale locale = article.language().isEmpty() ? Locale.ROOT : Locale.forLanguageTag(article.language());
        List<Draft> drafts = new ArrayList<>();
        for (Section section : sections) {
            drafts.addAll(pack(article.title(), section, locale));
        }
        drafts = mergeSmallNeighbours(article.title(), drafts);
        if (drafts.isEmpty()) {
            drafts.add(new Draft("", List.of(new Unit(article.title(), true, tokens.count(article.title()))), true, true));
        }
        List<Chunk> chunks = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            String text = draft.text();
            String embedded = prefix(article.title(), draft.path()) + text;
            chunks.add(new Chunk(chunks.size(), draft.path(), text, embedded, tokens.count(embedded)));
        }
        return chunks;
    }

    private static String prefix(String title, String path) {
        return path.isEmpty() ? title + "\n" : title + " > " + path + "\n";
    }

    /** Splits the body into heading sections; each keeps its heading path and its blocks of text. */
    static List<Section> sections(String body) {
        List<Section> sections = new ArrayList<>();
        Deque<String[]> headings = new ArrayDeque<>(); // {level, text}, innermost last
        Section current = new Section("", new ArrayList<>());
        StringBuilder paragraph = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            String trimmed = line.strip();
            int level = headingLevel(trimmed);
            if (level > 0) {
                flush(paragraph, current);
                if (!current.blocks().isEmpty()) {
                    sections.add(current);
                }
                while (!headings.isEmpty() && Integer.parseInt(headings.peekLast()[0]) >= level) {
                    headings.removeLast();
                }
                headings.addLast(new String[] {String.valueOf(level), trimmed.substring(level).strip()});
                current = new Section(path(headings), new ArrayList<>());
            } else if (trimmed.isEmpty()) {
                flush(paragraph, current);
            } else if (trimmed.startsWith("- ") || NUMBERED_ITEM.matcher(trimmed).lookingAt() || trimmed.contains(" | ")) {
                flush(paragraph, current);
                current.blocks().add(new Block(trimmed, true));
            } else {
                if (!paragraph.isEmpty()) {
                    paragraph.append(' ');
                }
                paragraph.append(trimmed);
            }
        }
        flush(paragraph, current);
        if (!current.blocks().isEmpty()) {
            sections.add(current);
        }
        return sections;
    }

    private static int headingLevel(String line) {
        int level = 0;
        while (level < line.length() && level < 6 && line.charAt(level) == '#') {
            level++;
        }
        return level > 0 && line.length() > level && line.charAt(level) == ' ' ? level : 0;
    }

    private static String path(Deque<String[]> headings) {
        List<String> names = new ArrayList<>();
        headings.forEach(h -> names.add(h[1]));
        return String.join(" > ", names);
    }

    private static void flush(StringBuilder paragraph, Section section) {
        if (!paragraph.isEmpty()) {
            section.blocks().add(new Block(paragraph.toString(), false));
            paragraph.setLength(0);
        }
    }

    private List<Draft> pack(String title, Section section, Locale locale) {
        int room = policy.budgetTokens() - tokens.count(prefix(title, section.path()));
        List<Unit> units = units(section, locale, Math.max(16, room));
        List<Draft> drafts = new ArrayList<>();
        List<Unit> current = new ArrayList<>();
        int used = 0;
        for (Unit unit : units) {
            if (!current.isEmpty() && used + unit.tokens() > room) {
                drafts.add(new Draft(section.path(), current, drafts.isEmpty(), false));
                current = overlap(current, unit.tokens(), room);
                used = current.stream().mapToInt(Unit::tokens).sum();
            }
            current.add(unit);
            used += unit.tokens();
        }
        if (!current.isEmpty()) {
            drafts.add(new Draft(section.path(), current, drafts.isEmpty(), true));
        }
        return drafts;
    }

    /** The last sentences of a full chunk that fit the overlap and still leave room for the next sentence. */
    private List<Unit> overlap(List<Unit> previous, int nextTokens, int room) {
        List<Unit> carried = new ArrayList<>();
        int used = 0;
        for (int i = previous.size() - 1; i >= 0; i--) {
            Unit unit = previous.get(i);
            if (used + unit.tokens() > policy.overlapTokens() || used + unit.tokens() + nextTokens > room) {
                break;
            }
            carried.addFirst(new Unit(unit.text(), i == previous.size() - 1 || unit.startsBlock(), unit.tokens()));
            used += unit.tokens();
        }
        if (!carried.isEmpty()) {
            carried.set(0, new Unit(carried.getFirst().text(), true, carried.getFirst().tokens()));
        }
        return carried;
    }

    private List<Unit> units(Section section, Locale locale, int room) {
        List<Unit> units = new ArrayList<>();
        for (Block block : section.blocks()) {
            List<String> sentences = block.atomic() ? List.of(block.text()) : sentences(block.text(), locale);
            boolean first = true;
            for (String sentence : sentences) {
                for (String piece : fit(sentence, room)) {
                    units.add(new Unit(piece, first, tokens.count(piece)));
                    first = false;
                }
            }
        }
        return units;
    }

    static List<String> sentences(String text, Locale locale) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(locale);
        iterator.setText(text);
        List<String> sentences = new ArrayList<>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /** A sentence over budget is cut between words into pieces that fit; others pass unchanged. */
    private List<String> fit(String sentence, int room) {
        if (tokens.count(sentence) <= room) {
            return List.of(sentence);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String word : sentence.split("\\s+")) {
            String candidate = piece.isEmpty() ? word : piece + " " + word;
            if (!piece.isEmpty() && tokens.count(candidate) > room) {
                pieces.add(piece.toString());
                piece.setLength(0);
                piece.append(word);
            } else {
                piece.setLength(0);
                piece.append(candidate);
            }
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    /** Joins a section's last chunk with the whole next section while the result fits the budget. */
    private List<Draft> mergeSmallNeighbours(String title, List<Draft> drafts) {
        List<Draft> merged = new ArrayList<>();
        for (Draft draft : drafts) {
            if (!merged.isEmpty()) {
                Draft last = merged.getLast();
                if (last.endsSection() && draft.startsSection() && draft.endsSection()) {
                    Draft joined = last.append(draft);
                    if (tokens.count(prefix(title, joined.path()) + joined.text()) <= policy.budgetTokens()) {
                        merged.set(merged.size() - 1, joined);
                        continue;
                    }
                }
            }
            merged.add(draft);
        }
        return merged;
    }

    record Section(String path, List<Block> blocks) {
    }

    record Block(String text, boolean atomic) {
    }

    record Unit(String text, boolean startsBlock, int tokens) {
    }

    /** A chunk being assembled; {@code startsSection}/{@code endsSection} say whether it holds a section's edges. */
    record Draft(String path, List<Unit> units, boolean startsSection, boolean endsSection) {
        Draft {
            units = List.copyOf(units);
        }

        String text() {
            StringBuilder text = new StringBuilder();
            for (Unit unit : units) {
                if (!text.isEmpty()) {
                    text.append(unit.startsBlock() ? "\n" : " ");
                }
                text.append(unit.text());
            }
            return text.toString();
        }

        /**
         * Merges the next section in. The chunk's path becomes the headings both share, and each
         * section's own heading below that becomes a line of text, so the merged chunk still shows it.
         */
        Draft append(Draft next) {
            String common = commonPath(path, next.path());
            List<Unit> all = new ArrayList<>();
            if (!path.equals(common)) {
                all.add(new Unit(relative(path, common) + ":", true, 0));
            }
            all.addAll(units);
            if (!next.path().equals(common)) {
                all.add(new Unit(relative(next.path(), common) + ":", true, 0));
            }
            all.addAll(next.units());
            return new Draft(common, all, startsSection, true);
        }

        private static String commonPath(String a, String b) {
            String[] left = a.split(" > ", -1);
            String[] right = b.split(" > ", -1);
            List<String> shared = new ArrayList<>();
            for (int i = 0; i < Math.min(left.length, right.length) && left[i].equals(right[i]); i++) {
                shared.add(left[i]);
            }
            return String.join(" > ", shared);
        }

        private static String relative(String full, String common) {
            return common.isEmpty() ? full : full.substring(common.length() + 3);
        }
    }
}
