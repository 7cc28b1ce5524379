package dev.assist.api;

/**
 * An RFC 9457 problem document, the body of every error response
 * ({@code application/problem+json}).
 *
 * @param type a URN naming the kind of problem ({@code urn:assist:problem:unknown-field}); stable, so clients may switch on it
 * @param instance the request path the problem occurred on
 */
public record Problem(String type, String title, int status, String detail, String instance) {
}
