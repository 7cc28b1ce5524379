package dev.assist.api;

import dev.assist.knowledge.LiveIndex;
import dev.assist.pipeline.AssistPipeline;
import dev.assist.suggest.ReplySuggester;

/**
 * What the routes call once the index is open.
 *
 * @param answers the configured pipeline
 * @param search the same pipeline configured for result lists: more results, one per article
 */
public record Backend(AssistPipeline answers, AssistPipeline search, ReplySuggester suggester, LiveIndex index) {
}
