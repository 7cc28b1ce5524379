package dev.assist.api;

import dev.assist.config.AddressRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The address a request comes from. From a trusted reverse proxy it is the right-most
 * {@code X-Forwarded-For} hop that is not itself a trusted proxy: each proxy appends the address it
 * saw, so hops to the left of that one are whatever the client chose to send. From anyone else the
 * header is ignored, so a client cannot pick a fresh address per request to escape its rate limit.
 */
final class ClientAddress {
    private final List<AddressRange> trusted;

    ClientAddress(List<AddressRange> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /**
     * @param peer the address of the connection's other end
     * @param forwardedFor the values of every {@code X-Forwarded-For} header, in order
     */
    String of(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!isTrusted(hops.get(i))) {
                return hops.get(i);
            }
        }
        // Every hop is one of ours (or there is no header): the first one we know of is the client.
        return hops.isEmpty() ? peer : hops.get(0);
    }

    private boolean isTrusted(String address) {
        for (AddressRange range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
