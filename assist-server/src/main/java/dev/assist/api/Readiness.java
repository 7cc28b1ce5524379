package dev.assist.api;

/**
 * Whether the server can answer: the port opens first, the index is opened and the triage models are
 * loaded in the background; until then (or when that failed) the routes that need them answer 503.
 */
public final class Readiness {
    private volatile Backend backend;
    private volatile boolean failed;

    public void ready(Backend ready) {
        this.backend = ready;
    }

    public void failed() {
        this.failed = true;
    }

    public boolean isReady() {
        return backend != null;
    }

    /** The backend, or a 503 problem saying why there is none yet. */
    public Backend require() {
        Backend current = backend;
        if (current != null) {
            return current;
        }
        throw ApiProblem.notReady(failed
                ? "the index could not be opened or the triage models could not be loaded; the server log says why"
                : "the index is still opening; retry in a few seconds");
    }
}
