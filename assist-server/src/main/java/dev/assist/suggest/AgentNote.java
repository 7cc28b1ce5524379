package dev.assist.suggest;

import dev.assist.compose.ArticleRef;

/** A sentence of an internal article that matters for the ticket (a limit, a procedure): never sent to the customer. */
public record AgentNote(String text, ArticleRef article) {
}
