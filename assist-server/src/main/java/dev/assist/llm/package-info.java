/**
 * The optional LLM layer: answers, reply drafts and query rewrites generated from retrieved
 * passages, behind one facade that never hangs and fails in one typed way.
 *
 * <p>Wiring, in the composition root:
 * <pre>{@code
 * LlmConfig config = LlmConfig.fromEnvironment(System.getenv());   // ASSIST_LLM_*
 * ResilientChat chat = ResilientChat.create(config);                // timeout, retry, circuit breaker
 * Prompts prompts = Prompts.fromClasspath();                        // prompts/*.v1.md
 * LlmAnswerGenerator answers = new LlmAnswerGenerator(chat, prompts);
 * LlmQueryRewriter rewriter = new LlmQueryRewriter(chat, prompts);
 * LlmReplySuggester drafts = new LlmReplySuggester(chat, prompts);
 * GroundingCheck grounding = new GroundingCheck(embedder);          // dev.assist.compose
 * }</pre>
 *
 * <p>Contract for callers: every LLM call either returns or throws
 * {@link dev.assist.llm.LlmUnavailableException} with a {@link dev.assist.llm.LlmUnavailableException.Reason}
 * ({@code NOT_CONFIGURED} when the provider is {@code none}); on it the caller falls back to the
 * extractive answer, the deterministic rewrite or no drafts. A generated answer is used only when
 * it is not {@link dev.assist.llm.GeneratedAnswer#declined() declined} and the grounding check
 * passes; a declined answer is a hand-off. See {@code docs/llm.md}.
 */
package dev.assist.llm;
