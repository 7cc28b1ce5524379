package dev.assist.routing;

/** Whether an agent can take conversations now. */
public enum AgentStatus {
    ONLINE, AWAY, OFFLINE
}
