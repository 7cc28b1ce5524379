package dev.assist.api;

import dev.assist.auth.ApiKey;
import dev.assist.auth.ApiKeys;
import dev.assist.auth.Scope;
import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigException;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * {@code GET /demo-config.json}: lets the demo page at {@code /} embed the widget with the demo bot
 * key, and prefill the agent page with the demo agent key for someone on the machine itself.
 * Keys are checked at start-up: the bot key must have scope bot and the agent key scope agent, so
 * no configuration can publish a stronger key than it says.
 */
final class DemoConfigHandler {
    private final AssistConfig.Pages pages;

    DemoConfigHandler(AssistConfig.Pages pages, ApiKeys keys) {
        requireScope(keys, pages.demoBotKey(), Scope.BOT, "pages.demo_bot_key");
        requireScope(keys, pages.demoAgentKey(), Scope.AGENT, "pages.demo_agent_key");
        this.pages = pages;
    }

    void demoConfig(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(new DemoConfigResponse(pages.demoBotKey(), fromThisMachine(ctx) ? pages.demoAgentKey() : null));
    }

    /**
     * Both the connection and the name it asked for are local: a reverse proxy on the same machine
     * connects from loopback too, but forwards the public host name.
     */
    private static boolean fromThisMachine(Context ctx) {
        return isLoopback(ctx.req().getRemoteAddr()) && isLocalName(ctx.req().getServerName());
    }

    private static boolean isLocalName(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || isLoopback(name);
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return false; // a name, not an address: never resolved here
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void requireScope(ApiKeys keys, String key, Scope scope, String field) {
        if (key == null) {
            return;
        }
        ApiKey found = keys.authenticate(key).orElseThrow(() -> new ConfigException(
                field + " is not one of the configured api_keys; add it with scope " + scope.wireName()));
        if (found.scope() != scope) {
            throw new ConfigException(field + " must be a key of scope " + scope.wireName() + ", not "
                    + found.scope().wireName() + ": the demo pages publish it");
        }
    }
}
