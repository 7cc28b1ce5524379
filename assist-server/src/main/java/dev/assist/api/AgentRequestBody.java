package dev.assist.api;

import java.util.List;

/**
 * The body of {@code PUT /v1/agents/{id}}: an agent's state as the help desk knows it.
 *
 * @param status online, away or offline
 * @param languages ISO 639-1 codes of the languages the agent answers in
 * @param skills team ids and intent labels the agent handles
 * @param openConversations conversations the agent has now (default 0)
 * @param capacity conversations the agent can hold at once (1 to 100)
 */
public record AgentRequestBody(String status, List<String> languages, List<String> skills, Integer openConversations,
                               Integer capacity) {
}
