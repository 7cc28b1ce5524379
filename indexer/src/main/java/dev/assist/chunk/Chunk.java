package dev.assist.chunk;

/**
 * A piece of an article that is embedded and searched on its own.
 *
 * @param ordinal position in the article, from 0
 * @param sectionPath the headings above the chunk, joined with " > " (empty before the first heading)
 * @param text what a reader sees (no title, no headings above it)
 * @param embeddedText what the model embeds: title, section path and text
 * @param tokens tokens of {@code embeddedText} as the model's tokenizer counts them
 */
public record Chunk(int ordinal, String sectionPath, String text, String embeddedText, int tokens) {
}
