package dev.assist.api;

/**
 * The body of {@code GET /demo-config.json}: the keys the demo pages may use. Both are null on a
 * server that is not a demo; {@code agent_key} is null unless the request comes from this machine.
 */
public record DemoConfigResponse(String botKey, String agentKey) {
}
