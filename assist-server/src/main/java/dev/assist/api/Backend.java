package dev.assist.api;

import dev.assist.knowledge.LiveIndex;
import dev.assist.pipeline.AssistPipeline;
import dev.assist.routing.AgentRegistry;
import dev.assist.routing.Dispatcher;
import dev.assist.suggest.ReplySuggester;

/**
 * What the routes call once the index is open and the triage models are loaded.
 *
 * @param answers the configured pipeline
 * @param search the same pipeline configured for result lists: more results, one per article
 * @param dispatcher triage and routing of conversations
 * @param agents the agents each tenant's help desk has announced, which routing chooses among
 */
public record Backend(AssistPipeline answers, AssistPipeline search, ReplySuggester suggester, LiveIndex index,
                      Dispatcher dispatcher, AgentRegistry agents) {
}
