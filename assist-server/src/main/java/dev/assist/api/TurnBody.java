package dev.assist.api;

/** One message of a conversation as clients send it: {@code role} is customer, assistant or agent. */
public record TurnBody(String role, String text) {
}
