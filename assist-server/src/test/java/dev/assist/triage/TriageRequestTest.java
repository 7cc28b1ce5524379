package dev.assist.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assist.conversation.Role;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriageRequestTest {
    @Test
    void emptyTextIsRejected() {
        assertThatThrownBy(() -> TriageRequest.of("   ", "acme"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("message text is empty");
    }

    @Test
    void textOver100KbIsRejected() {
        String big = "ä".repeat(51 * 1024); // 2 bytes each in UTF-8
        assertThatThrownBy(() -> TriageRequest.of(big, "acme"))
                .hasMessage("message text is 104448 bytes; the limit is 102400 bytes (100 KB)");
        assertThat(TriageRequest.of("a".repeat(100 * 1024), "acme").messages()).hasSize(1);
    }

    @Test
    void conversationNeedsACustomerMessage() {
        assertThatThrownBy(() -> new TriageRequest(List.of(), Optional.empty(), "acme")).hasMessageContaining("messages is empty");
        assertThatThrownBy(() -> new TriageRequest(List.of(new Message(Role.AGENT, "Hello, how can I help?")),
                Optional.empty(), "acme")).hasMessageContaining("no customer message");
        assertThatThrownBy(() -> new TriageRequest(Collections.nCopies(201, Message.customer("hi")), Optional.empty(), "acme"))
                .hasMessageContaining("too many messages: 201");
    }

    @Test
    void localeAndTenantAreChecked() {
        assertThatThrownBy(() -> new TriageRequest(List.of(Message.customer("hi")), Optional.of("german please"), "acme"))
                .hasMessageContaining("is not a language tag");
        assertThatThrownBy(() -> TriageRequest.of("hi", " ")).hasMessage("tenant is missing");
        assertThat(new TriageRequest(List.of(Message.customer("hi")), Optional.of("de-CH"), "acme").locale()).contains("de-CH");
    }
}
